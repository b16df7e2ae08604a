import { Injectable, Logger } from '@nestjs/common';
import type { FhirIntakeResult, IntakeMessage, OperationOutcome } from '@care/intake';
import { HandledMessages } from './handled-messages';
import { ProcessIntake } from './process-intake.use-case';

export interface FhirAnswer {
  status: number;
  body: OperationOutcome;
  /** The episode the message concerned, for the Location header. */
  episodeId?: string;
}

const outcome = (
  severity: 'information' | 'error',
  code: string,
  diagnostics: string,
): OperationOutcome =>
  ({
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics }],
  }) as OperationOutcome;

/**
 * One FHIR intake request in, its status and OperationOutcome out. An accepted message is
 * remembered by sender and message id: a repeat gets the same answer and changes nothing.
 */
@Injectable()
export class FhirIntake {
  private readonly logger = new Logger(FhirIntake.name);

  constructor(
    private readonly process: ProcessIntake,
    private readonly handled: HandledMessages,
  ) {}

  async handle(tenantId: string, parsed: FhirIntakeResult): Promise<FhirAnswer> {
    if (!parsed.ok) return { status: parsed.status, body: parsed.outcome };
    const earlier = await this.handled.answerTo(tenantId, parsed.message.source);
    if (earlier) return { ...(JSON.parse(earlier) as FhirAnswer), status: 200 };
    return this.act(tenantId, parsed.message);
  }

  private async act(tenantId: string, message: IntakeMessage): Promise<FhirAnswer> {
    let result;
    try {
      result = await this.process.execute(tenantId, message);
    } catch (error) {
      this.logger.error(error, 'FHIR message could not be processed');
      return {
        status: 503,
        body: outcome(
          'error',
          'transient',
          'The message could not be processed now; send it again later.',
        ),
      };
    }
    if (result.effect === 'refused') {
      return { status: 422, body: outcome('error', 'business-rule', result.reason) };
    }
    const [episodeId] = result.episodeIds;
    const answer: FhirAnswer = {
      status: result.effect === 'recorded' ? 201 : 200,
      body: outcome(
        'information',
        'informational',
        result.effect === 'recorded' ? 'Recorded.' : 'Already known; nothing changed.',
      ),
      ...(episodeId ? { episodeId } : {}),
    };
    await this.handled.remember(tenantId, message.source, JSON.stringify(answer));
    return answer;
  }
}
