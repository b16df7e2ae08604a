import { Body, Controller, Header, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { Hl7Intake } from './hl7-intake';

/** HL7 v2 ADT over HTTP: the ER7 message as a text/plain body, the ACK as the answer. */
@Controller({ path: 'hl7', version: '1' })
@Roles('integration', 'admin')
export class Hl7Controller {
  constructor(private readonly intake: Hl7Intake) {}

  /**
   * 200 with an ACK: AA accepted, AE refused content, AR rejected message (CA, CE, CR when the
   * sender asked for an accept acknowledgment only); 204 when it asked for none (MSH-15/16 NE).
   */
  @Post('adt')
  @HttpCode(HttpStatus.OK)
  @Header('content-type', 'x-application/hl7-v2+er7; charset=utf-8')
  @Audited('hl7.adt', ['patient', 'encounter'])
  async receive(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const ack = await this.intake.handle(principal.tenantId, typeof body === 'string' ? body : '');
    if (ack === undefined) response.status(HttpStatus.NO_CONTENT);
    return ack ?? '';
  }
}
