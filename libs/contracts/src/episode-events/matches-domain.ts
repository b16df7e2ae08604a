import type { CareEpisodeEvent, CareEpisodeEventType } from '@care/domain';
import type { Equivalent } from '../type-equivalence';
import type { EpisodeEventData, EpisodeEventType } from './episode-event-registry';

/**
 * The same type written out as one object at every level, so that an intersection (`A & B`)
 * and the object it amounts to compare equal; optional and readonly members stay as they are.
 */
type Flattened<T> = T extends readonly unknown[]
  ? T extends unknown[]
    ? Flattened<T[number]>[]
    : readonly Flattened<T[number]>[]
  : T extends object
    ? { [K in keyof T]: Flattened<T[K]> }
    : T;

type DomainData<T extends CareEpisodeEventType> = Extract<CareEpisodeEvent, { type: T }>['data'];

/** Domain event types without a schema, or whose data differs from their schema's. */
type DriftedFromDomain = {
  [T in CareEpisodeEventType]: T extends EpisodeEventType
    ? Equivalent<Flattened<EpisodeEventData<T>>, Flattened<DomainData<T>>> extends true
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
