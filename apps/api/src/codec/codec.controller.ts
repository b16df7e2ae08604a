import { Body, Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { Audited } from '@care/audit';
import { Roles } from '@care/auth';
import {
  AcceptsBody,
  APP_CONFIG,
  ProblemException,
  problemType,
  ZodPipe,
  type AppConfig,
} from '@care/platform';
import { EncryptionCodec, encryptionKeyring } from '@care/temporal';
import {
  codecPayloadsSchema,
  fromJsonPayload,
  toJsonPayload,
  type CodecPayloads,
} from './codec-payloads.schema';

/**
 * The codec server for the Temporal UI and CLI (`--codec-endpoint …/v1/codec`): operations
 * staff see decrypted payloads; everyone else sees ciphertext.
 */
@Controller({ path: 'codec', version: '1' })
@Roles('ops', 'admin')
export class CodecController {
  private readonly codec: EncryptionCodec;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.codec = new EncryptionCodec(encryptionKeyring(config));
  }

  @Post('encode')
  @AcceptsBody(codecPayloadsSchema)
  @HttpCode(HttpStatus.OK)
  async encode(
    @Body(new ZodPipe(codecPayloadsSchema)) body: CodecPayloads,
  ): Promise<CodecPayloads> {
    const encoded = await this.codec.encode(body.payloads.map(fromJsonPayload));
    return { payloads: encoded.map(toJsonPayload) };
  }

  @Post('decode')
  @AcceptsBody(codecPayloadsSchema)
  @Audited('payload.decode', ['temporal-payloads'])
  @HttpCode(HttpStatus.OK)
  async decode(
    @Body(new ZodPipe(codecPayloadsSchema)) body: CodecPayloads,
  ): Promise<CodecPayloads> {
    try {
      const decoded = await this.codec.decode(body.payloads.map(fromJsonPayload));
      return { payloads: decoded.map(toJsonPayload) };
    } catch (error) {
      throw new ProblemException({
        type: problemType('undecodable-payload'),
        title: 'Payload cannot be decrypted',
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        detail: (error as Error).message,
      });
    }
  }
}
