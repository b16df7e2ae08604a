import type { EncounterChange, IntakeEvent } from '@care/intake';

/** What a feed message asks of episodes, once its patient is known by internal id. */
export type EpisodeAction =
  | { kind: 'discharge'; encounterId: string; dischargedAt: string }
  | { kind: 'admission'; encounterId: string; admittedAt: string }
  | { kind: 'discharge-cancelled'; encounterId: string; cancelledAt: string }
  | { kind: 'admission-cancelled'; encounterId: string; cancelledAt: string }
  | { kind: 'emergency-visit'; encounterId: string; arrivedAt: string }
  | {
      kind: 'encounter-changed';
      encounterId: string;
      change: EncounterChange;
      patientClass?: string;
      changedAt: string;
    };

/** The episode side of a feed event; a demographics update has none. */
export function episodeActionOf(event: IntakeEvent): EpisodeAction | undefined {
  switch (event.kind) {
    case 'discharge':
      return {
        kind: 'discharge',
        encounterId: event.encounterId,
        dischargedAt: event.dischargedAt,
      };
    case 'admission':
      return { kind: 'admission', encounterId: event.encounterId, admittedAt: event.admittedAt };
    case 'discharge-cancelled':
    case 'admission-cancelled':
      return { kind: event.kind, encounterId: event.encounterId, cancelledAt: event.cancelledAt };
    case 'emergency-visit':
      return { kind: event.kind, encounterId: event.encounterId, arrivedAt: event.arrivedAt };
    case 'encounter-changed':
      return {
        kind: event.kind,
        encounterId: event.encounterId,
        change: event.change,
        ...(event.patientClass ? { patientClass: event.patientClass } : {}),
        changedAt: event.changedAt,
      };
    case 'demographics-updated':
      return undefined;
    default: {
      const unknown: never = event;
      throw new Error(`unhandled intake event ${JSON.stringify(unknown)}`);
    }
  }
}
