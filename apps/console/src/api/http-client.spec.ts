import { describe, expect, it } from '@jest/globals';
import { withQuery } from './http-client';

describe('request paths', () => {
  it('adds the parameters that are set, encoded', () => {
    expect(withQuery('/v1/ops/stuck', { reason: 'handoff-sla', stage: undefined, limit: 50 })).toBe(
      '/v1/ops/stuck?reason=handoff-sla&limit=50',
    );
    expect(withQuery('/v1/x', { cursor: 'a+b/c=' })).toBe('/v1/x?cursor=a%2Bb%2Fc%3D');
  });

  it('leaves the path alone when nothing is set', () => {
    expect(withQuery('/v1/ops/stuck', { reason: '', stage: undefined })).toBe('/v1/ops/stuck');
  });
});
