import { Body, Controller, HttpCode, HttpStatus, Post, Res, UseFilters } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { parseFhirEncounter, parseFhirMessageBundle, type OperationOutcome } from '@care/intake';
import type { Response } from 'express';
import { FHIR_JSON, FhirExceptionFilter } from './fhir-exception.filter';
import { FhirIntake, type FhirAnswer } from './fhir-intake';

/** FHIR R4 intake: a finished Encounter, or a notification message Bundle (Da Vinci style). */
@Controller({ path: 'fhir', version: '1' })
@Roles('integration', 'admin')
@UseFilters(FhirExceptionFilter)
export class FhirController {
  constructor(private readonly intake: FhirIntake) {}

  @Post('Encounter')
  @HttpCode(HttpStatus.OK)
  @Audited('fhir.encounter', ['patient', 'encounter'])
  async encounter(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OperationOutcome> {
    const client = clientOf(principal);
    const parsed = parseFhirEncounter(body, {
      sender: client,
      receivedAt: new Date().toISOString(),
    });
    return answer(response, await this.intake.handle(principal.tenantId, client, parsed));
  }

  @Post('$process-message')
  @HttpCode(HttpStatus.OK)
  @Audited('fhir.process-message', ['patient', 'encounter'])
  async processMessage(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OperationOutcome> {
    const parsed = parseFhirMessageBundle(body, { receivedAt: new Date().toISOString() });
    return answer(
      response,
      await this.intake.handle(principal.tenantId, clientOf(principal), parsed),
    );
  }
}

/** The authenticated client: who sent the request, and whose server's Patient ids it uses. */
const clientOf = (principal: Principal) => `client:${principal.subject}`;

function answer(response: Response, { status, body, episodeId }: FhirAnswer): OperationOutcome {
  response.status(status).type(FHIR_JSON);
  if (episodeId) response.location(`/v1/episodes/${episodeId}`);
  return body;
}
