import { deterministicEventId } from './deterministic-event-id';

describe('deterministicEventId', () => {
  it('is the same for the same writer and version, so a retried append is recognised', () => {
    expect(deterministicEventId('care-episode-1', 3)).toBe(
      deterministicEventId('care-episode-1', 3),
    );
  });

  it('differs across versions and writers', () => {
    const ids = new Set([
      deterministicEventId('care-episode-1', 1),
      deterministicEventId('care-episode-1', 2),
      deterministicEventId('care-episode-2', 1),
    ]);
    expect(ids.size).toBe(3);
  });

  it('is a version 5 UUID', () => {
    expect(deterministicEventId('w', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
