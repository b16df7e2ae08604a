import { v5 as uuidv5 } from 'uuid';

const EVENT_ID_NAMESPACE = '6f1c3b0e-9a0e-4c3f-b5f1-c0d7e2a4b8c1';

/**
 * Name-based UUID of `scope` and `streamVersion`: a writer that retries an append produces
 * the same ids, so the store recognises the retry instead of writing a duplicate.
 */
export const deterministicEventId = (scope: string, streamVersion: number): string =>
  uuidv5(`${scope}/${streamVersion}`, EVENT_ID_NAMESPACE);
