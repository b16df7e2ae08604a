import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';

/** Never log what a request carries: bodies can hold PHI, headers hold credentials. */
const redact = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body'];
const REQUEST_ID = /^[\w.-]{1,64}$/;
/** Probes and scrapes come every few seconds; logging them would drown the rest. */
const PROBES = ['/health', '/ready', '/metrics'];

@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const options: PinoHttpOptions = {
              name: app,
              level: config.LOG_LEVEL,
              redact,
              // The caller's X-Request-Id when it is usable, else a new one; echoed back.
              genReqId: (req, res) => {
                const given = req.headers['x-request-id'];
                const id =
                  typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
              },
              autoLogging: { ignore: (req) => PROBES.includes(req.url ?? '') },
              transport:
                config.NODE_ENV === 'development' && !config.LOG_FILE
                  ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
                  : undefined,
            };
            return {
              pinoHttp: config.LOG_FILE
                ? [options, destination({ dest: config.LOG_FILE, mkdir: true })]
                : options,
            };
          },
        }),
      ],
    };
  }
}
