import { stuckReasons, type HandoffKind } from '../../libs/domain/src';
import { DEFAULT_TENANT_SETTINGS } from '../../libs/tenants/src/default-tenant-settings';
import { DEMO_EPISODES, type DemoStep } from './demo-episodes';

const dated = (step: DemoStep): step is Extract<DemoStep, { hoursAgo: number }> =>
  'hoursAgo' in step;

describe('the demo episodes', () => {
  it('are DEMO-0001 to DEMO-0024, each with a made-up patient', () => {
    expect(DEMO_EPISODES.map((episode) => episode.encounterId)).toEqual(
      Array.from({ length: 24 }, (_, index) => `DEMO-${String(index + 1).padStart(4, '0')}`),
    );
    for (const episode of DEMO_EPISODES) {
      expect(episode.patientRef).toBe(`Patient/${episode.encounterId.toLowerCase()}`);
    }
  });

  it('spread over every stage an episode can be seen in, and every stuck reason the rules time', () => {
    const stages = new Set(DEMO_EPISODES.map((episode) => episode.expected.stage));
    const reasons = new Set(DEMO_EPISODES.flatMap((episode) => episode.expected.stuck));

    expect([...stages].sort()).toEqual(
      ['assessment', 'cancelled', 'closed', 'follow_up', 'handoff', 'planning'].sort(),
    );
    // No demo episode has a care plan yet, so none is stuck on an overdue intervention.
    expect([...reasons].sort()).toEqual(
      stuckReasons
        .filter((reason) => reason !== 'activity-failing' && reason !== 'intervention-overdue')
        .sort(),
    );
  });

  it('date every fact after the discharge and before the seed runs', () => {
    for (const episode of DEMO_EPISODES) {
      for (const step of episode.steps.filter(dated)) {
        expect(step.hoursAgo).toBeGreaterThan(0);
        expect(step.hoursAgo).toBeLessThan(episode.dischargedHoursAgo);
      }
    }
  });

  it('act on each hand-off after its request, while its phase is within its SLA, so the SLA clock cannot reassign it first', () => {
    for (const episode of DEMO_EPISODES) {
      const phases = new Map<HandoffKind, { startedHoursAgo: number; slaHours: number }>();
      for (const step of episode.steps) {
        if (step.action === 'handoff-request') {
          const { acceptWithinHours } = DEFAULT_TENANT_SETTINGS.handoffs[step.kind];
          phases.set(step.kind, { startedHoursAgo: step.hoursAgo, slaHours: acceptWithinHours });
        }
        if (
          step.action === 'handoff-accept' ||
          step.action === 'handoff-decline' ||
          step.action === 'handoff-complete'
        ) {
          const phase = phases.get(step.kind);
          expect({ episode: episode.encounterId, kind: step.kind, phase }).toEqual({
            episode: episode.encounterId,
            kind: step.kind,
            phase: expect.objectContaining({ startedHoursAgo: expect.any(Number) }),
          });
          expect(step.hoursAgo).toBeLessThan(phase!.startedHoursAgo);
          expect(phase!.startedHoursAgo).toBeLessThan(phase!.slaHours);
        }
        if (step.action === 'handoff-accept') {
          const { completeWithinHours } = DEFAULT_TENANT_SETTINGS.handoffs[step.kind];
          phases.set(step.kind, { startedHoursAgo: step.hoursAgo, slaHours: completeWithinHours });
        }
      }
    }
  });
});
