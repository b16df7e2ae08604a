import { coverageIdOf, parseCoverageId } from './patient-coverage';
import { PATIENT_ID } from './testing/episode-fixture';

describe('coverage ids', () => {
  it('name the patient, the source and the priority, and read back; at most 64 characters', () => {
    const id = coverageIdOf({ patientId: PATIENT_ID, source: 'coordinator', priority: 12 });

    expect(id).toBe(`${PATIENT_ID}-coordinator-12`);
    expect(id.length).toBeLessThanOrEqual(64);
    expect(parseCoverageId(id)).toEqual({
      patientId: PATIENT_ID,
      source: 'coordinator',
      priority: 12,
    });
  });

  it.each([
    'feed-1',
    `${PATIENT_ID}-feed`,
    `${PATIENT_ID}-feed-0`,
    `${PATIENT_ID.toUpperCase()}-feed-1`,
    `${PATIENT_ID}-Feed-1`,
  ])('%s names no coverage', (id) => {
    expect(parseCoverageId(id)).toBeUndefined();
  });
});
