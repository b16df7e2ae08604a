import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { answerAdt, Hl7ErrorCode, hl7Issue, parseAdt, type AdtParseResult } from '@care/intake';
import { DEFAULT_TENANT_SETTINGS, TenantSettingsCache } from '@care/tenants';
import { HandledMessages } from './handled-messages';
import { ProcessIntake } from './process-intake.use-case';

/**
 * One HL7 v2 ADT message in, its acknowledgment out, whatever carried it (HTTP or MLLP). AA
 * means the message is stored and queued for its episodes (as integration engines acknowledge);
 * it is remembered by sender and control id: a repeat gets the same answer and changes nothing.
 * The answer is undefined when the sender asked for no acknowledgment (MSH-15/16).
 */
@Injectable()
export class Hl7Intake {
  private readonly logger = new Logger(Hl7Intake.name);

  constructor(
    private readonly process: ProcessIntake,
    private readonly handled: HandledMessages,
    private readonly tenantSettings: TenantSettingsCache,
  ) {}

  async handle(tenantId: string, text: string): Promise<string | undefined> {
    const settings = await this.tenantSettings.find(tenantId);
    const parsed = parseAdt(text, {
      defaultZone: settings?.timeZone ?? DEFAULT_TENANT_SETTINGS.timeZone,
    });
    if (!parsed.ok) return this.answer(parsed);
    const { source, message, notices } = parsed;
    for (const notice of notices) {
      this.logger.warn({ tenantId, sender: source.sender, messageId: source.messageId }, notice);
    }
    const earlier = await this.handled.answerTo(tenantId, source);
    if (earlier !== undefined) return earlier === '' ? undefined : earlier;
    let outcome;
    try {
      outcome = message && (await this.process.accept(tenantId, message));
    } catch (error) {
      this.logger.error(error, 'ADT message could not be processed');
      return this.answer({
        ok: false,
        ackCode: 'AR',
        header: parsed.header,
        errors: [
          hl7Issue(
            Hl7ErrorCode.applicationInternalError,
            'The message could not be processed now; send it again later.',
          ),
        ],
      });
    }
    if (outcome?.effect === 'refused') {
      return this.answer({
        ok: false,
        ackCode: 'AE',
        header: parsed.header,
        errors: [hl7Issue(Hl7ErrorCode.applicationInternalError, outcome.reason)],
      });
    }
    const answer = await this.handled.remember(tenantId, source, this.answer(parsed) ?? '');
    return answer === '' ? undefined : answer;
  }

  private answer(result: AdtParseResult): string | undefined {
    return answerAdt(result, {
      now: new Date(),
      controlId: randomUUID().replace(/-/g, '').slice(0, 20),
    });
  }
}
