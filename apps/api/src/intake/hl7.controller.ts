import { Body, Controller, Header, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { Hl7Intake } from './hl7-intake';

/** HL7 v2 ADT over HTTP: the ER7 message as a text/plain body, the ACK as the answer. */
@Controller({ path: 'hl7', version: '1' })
@Roles('integration', 'admin')
export class Hl7Controller {
  constructor(private readonly intake: Hl7Intake) {}

  /** Always 200 with an ACK: AA accepted, AE refused content, AR rejected message. */
  @Post('adt')
  @HttpCode(HttpStatus.OK)
  @Header('content-type', 'x-application/hl7-v2+er7; charset=utf-8')
  @Audited('hl7.adt', ['patient', 'encounter'])
  receive(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<string> {
    return this.intake.handle(principal.tenantId, typeof body === 'string' ? body : '');
  }
}
