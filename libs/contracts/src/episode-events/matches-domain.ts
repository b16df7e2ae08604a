import type { CareEpisodeEvent, CareEpisodeEventType } from '@care/domain';
import type { Equivalent } from '../type-equivalence';
import type { EpisodeEventData, EpisodeEventType } from './episode-event-registry';

type DomainData<T extends CareEpisodeEventType> = Extract<CareEpisodeEvent, { type: T }>['data'];

/** Domain event types without a schema, or whose data differs from their schema's. */
type DriftedFromDomain = {
  [T in CareEpisodeEventType]: T extends EpisodeEventType
    ? Equivalent<EpisodeEventData<T>, DomainData<T>> extends true
      ? never
      : T
    : T;
}[CareEpisodeEventType];

type NoDrift<T extends never> = T;

/**
 * Compile-time proof that the contracts describe exactly what the domain records. A failure
 * names the drifted event type: make its schema here and its domain event agree again (and
 * bump the contracts version when the schema changes).
 */
export type EventDataMatchesDomain = NoDrift<DriftedFromDomain>;
export type NoEventTypeBeyondDomain = NoDrift<Exclude<EpisodeEventType, CareEpisodeEventType>>;
