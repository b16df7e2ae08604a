import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuditLog } from '@care/audit';
import { frameMllp, MllpDecoder } from '@care/intake';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { Hl7Intake } from './hl7-intake';

/**
 * HL7 v2 over MLLP for one tenant's interface engine (MLLP_TENANT): each framed message gets
 * its ACK on the same connection, in order. MLLP has no credentials, so the listener binds to a
 * private address and the network decides who may connect.
 */
@Injectable()
export class MllpListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MllpListener.name);
  private server?: Server;
  private readonly sockets = new Set<Socket>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly intake: Hl7Intake,
    private readonly auditLog: AuditLog,
  ) {}

  /** The bound port, once listening. */
  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    const tenantId = this.config.MLLP_TENANT;
    if (!tenantId) return;
    const server = createServer((socket) => this.serve(socket, tenantId));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.MLLP_PORT, this.config.MLLP_HOST, resolve);
    });
    this.logger.log(`MLLP listening on ${this.config.MLLP_HOST}:${this.port} for ${tenantId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private serve(socket: Socket, tenantId: string): void {
    this.sockets.add(socket);
    const decoder = new MllpDecoder();
    const peer = `mllp:${socket.remoteAddress ?? 'unknown'}`;
    let queue = Promise.resolve();
    socket.on('data', (chunk) => {
      for (const item of decoder.push(chunk)) {
        if (item.kind !== 'message') {
          this.logger.warn(`${peer}: ${item.kind} on the MLLP connection`);
          continue;
        }
        queue = queue
          .then(async () => {
            const ack = await this.intake.handle(tenantId, item.text);
            await this.auditLog.record({
              requestId: `${peer}:${Date.now()}`,
              subject: peer,
              roles: ['integration'],
              tenantId,
              action: 'hl7.adt',
              episodeIds: [],
              fields: ['patient', 'encounter'],
              status: 200,
            });
            if (ack !== undefined && !socket.destroyed) socket.write(frameMllp(ack));
          })
          .catch((error: unknown) => {
            // Without an ACK the sender resends: nothing is lost.
            this.logger.error(error, `${peer}: message not acknowledged`);
            socket.destroy();
          });
      }
    });
    socket.on('error', (error) => this.logger.warn(`${peer}: ${error.message}`));
    socket.on('close', () => this.sockets.delete(socket));
  }
}
