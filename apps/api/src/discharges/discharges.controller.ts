import { Body, Controller, HttpStatus, Post, Res } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsBody, ProblemException, problemType, ZodPipe } from '@care/platform';
import type { EpisodeUpdateOutcome } from '@care/workflows';
import type { Response } from 'express';
import { dischargeRequestSchema, type DischargeRequest } from './discharge-request.schema';
import { RecordDischarge } from './record-discharge.use-case';

@Controller({ path: 'discharges', version: '1' })
export class DischargesController {
  constructor(private readonly recordDischarge: RecordDischarge) {}

  /** 201 with a new episode; 200 when the same discharge was received before. */
  @Post()
  @Roles('integration', 'admin')
  @AcceptsBody(dischargeRequestSchema)
  @Audited('discharge.record', ['patientRef', 'encounterId', 'dischargedAt'])
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(dischargeRequestSchema)) discharge: DischargeRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EpisodeUpdateOutcome> {
    if (discharge.tenantId !== principal.tenantId) {
      throw new ProblemException({
        type: problemType('tenant-mismatch'),
        title: 'Forbidden',
        status: HttpStatus.FORBIDDEN,
        detail: "The discharge names a tenant other than the token's.",
      });
    }
    const outcome = await this.recordDischarge.execute(discharge);
    response
      .status(outcome.recorded ? HttpStatus.CREATED : HttpStatus.OK)
      .location(`/v1/episodes/${outcome.episodeId}`);
    return outcome;
  }
}
