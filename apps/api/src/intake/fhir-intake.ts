import { Injectable, Logger } from '@nestjs/common';
import {
  withPatient,
  type FhirIntakeResult,
  type FhirSubject,
  type IntakeMessage,
  type OperationOutcome,
} from '@care/intake';
import { PatientRepository } from '@care/patients';
import { HandledMessages } from './handled-messages';
import { ProcessIntake } from './process-intake.use-case';
import { ResolveFhirSubject } from './resolve-fhir-subject.use-case';

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
 * remembered by sender and message id: a repeat gets the same answer and changes nothing. The
 * patient is the one the message carries, or the tenant's patient it refers to; the id a message
 * Bundle's Patient has on the client's server is remembered for the client's later references.
 */
@Injectable()
export class FhirIntake {
  private readonly logger = new Logger(FhirIntake.name);

  constructor(
    private readonly process: ProcessIntake,
    private readonly handled: HandledMessages,
    private readonly resolveSubject: ResolveFhirSubject,
    private readonly patients: PatientRepository,
  ) {}

  /** `client` is the authenticated client: the namespace of the Patient ids it sends. */
  async handle(tenantId: string, client: string, parsed: FhirIntakeResult): Promise<FhirAnswer> {
    if (!parsed.ok) return { status: parsed.status, body: parsed.outcome };
    const earlier = await this.handled.answerTo(tenantId, parsed.message.source);
    if (earlier) return { ...(JSON.parse(earlier) as FhirAnswer), status: 200 };
    const { subject } = parsed.message.event;
    let resolved;
    try {
      resolved = await this.resolveSubject.execute(tenantId, client, subject);
    } catch (error) {
      this.logger.error(error, 'FHIR subject could not be resolved');
      return unavailable();
    }
    // Not remembered: once the Patient is sent, the same message is accepted.
    if (!resolved.ok) return { status: resolved.status, body: resolved.outcome };
    return this.act(tenantId, client, subject, withPatient(parsed.message, resolved.patient));
  }

  private async act(
    tenantId: string,
    client: string,
    subject: FhirSubject,
    message: IntakeMessage,
  ): Promise<FhirAnswer> {
    let result;
    try {
      result = await this.process.execute(tenantId, message);
      if (result.effect !== 'refused') {
        await this.rememberSenderPatientId(tenantId, client, subject, result.patientId);
      }
    } catch (error) {
      this.logger.error(error, 'FHIR message could not be processed');
      return unavailable();
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

  /** The id the client's server gave the Patient the message carried, for later references. */
  private async rememberSenderPatientId(
    tenantId: string,
    client: string,
    subject: FhirSubject,
    patientId: string | undefined,
  ): Promise<void> {
    if (subject.kind !== 'patient' || subject.senderPatientId === undefined || !patientId) return;
    await this.patients.rememberFhirId(tenantId, client, subject.senderPatientId, patientId);
  }
}

const unavailable = (): FhirAnswer => ({
  status: 503,
  body: outcome(
    'error',
    'transient',
    'The message could not be processed now; send it again later.',
  ),
});
