import type { INestApplication } from '@nestjs/common';
import { createApi } from '../apps/api/src/create-api';

interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: {
          content: Record<
            string,
            { schema: { required?: string[]; additionalProperties?: boolean } }
          >;
        };
      }
    >
  >;
  components: { securitySchemes: Record<string, { scheme: string }> };
}

describe('OpenAPI document (api)', () => {
  let api: INestApplication;
  let document: OpenApiDocument;

  beforeAll(async () => {
    api = await createApi();
    await api.listen(0, '127.0.0.1');
    const response = await fetch(`${await api.getUrl()}/docs/openapi.json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as OpenApiDocument;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists every route, each under /v1, behind bearer tokens', () => {
    const paths = Object.keys(document.paths);

    expect(document.openapi).toMatch(/^3\./);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/v1/discharges',
        '/v1/episodes/{episodeId}',
        '/v1/episodes/{episodeId}/assessment',
        '/v1/episodes/{episodeId}/handoffs/{handoffId}/accept',
        '/v1/episodes/{episodeId}/needs-assessment',
        '/v1/episodes/{episodeId}/care-plan/template-applications',
        '/v1/episodes/{episodeId}/care-plan/problems/{problemId}/revisions',
        '/v1/episodes/{episodeId}/care-plan/goals/{goalId}/status',
        '/v1/episodes/{episodeId}/care-plan/interventions/{interventionId}/status',
        '/v1/episodes/{episodeId}/coverage',
        '/v1/episodes/{episodeId}/contact-preferences',
        '/v1/codec/decode',
      ]),
    );
    expect(paths.filter((path) => !path.startsWith('/v1/'))).toEqual([]);
    expect(document.components.securitySchemes.bearer?.scheme).toBe('bearer');
  });

  it('describes request bodies from the schemas that validate them', () => {
    const body = (path: string) =>
      document.paths[path]?.post?.requestBody?.content['application/json']?.schema;

    expect(body('/v1/episodes/{episodeId}/assessment')).toMatchObject({
      required: ['at', 'lace', 'complexity'],
      additionalProperties: false,
    });
    expect(body('/v1/episodes/{episodeId}/coverage')).toMatchObject({
      required: ['at', 'payerClass', 'payerName'],
      additionalProperties: false,
    });
    expect(body('/v1/discharges')?.required).toEqual([
      'tenantId',
      'encounterId',
      'patientRef',
      'dischargedAt',
    ]);
  });
});
