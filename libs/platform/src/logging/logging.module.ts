import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';

/** Never log what a request carries: bodies can hold PHI, headers hold credentials. */
const redact = ['req.headers.authorization', 'req.headers.cookie', 'req.body', 'res.body'];

@Module({})
export class LoggingModule {
  static forApp(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              name: app,
              level: config.LOG_LEVEL,
              redact,
              autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
              transport:
                config.NODE_ENV === 'development'
                  ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
                  : undefined,
            },
          }),
        }),
      ],
    };
  }
}
