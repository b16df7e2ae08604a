import type { NeedsAssessment } from '../needs/needs-assessment';
import type { CareEpisodeCommand } from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import { given, openEpisode } from '../testing/episode-specs';
import { assessed, clocksStarted, discharged } from '../testing/mlk-week-episode';

const ASSESSED_AT = '2027-01-16T16:00:00.000Z';

const assessment = (overrides: Partial<NeedsAssessment> = {}): NeedsAssessment => ({
  at: ASSESSED_AT,
  assessedBy: 'sw-3',
  hrsnAnswers: [
    { question: '71802-3', answer: 'LA31994-9' },
    { question: '88122-7', answer: 'LA6729-3' },
    { question: '96779-4', answer: 'LA32002-0' },
  ],
  functionalStatus: 'needs_some_help',
  caregiver: { relationship: 'child', caregiverRef: 'RelatedPerson/77' },
  preferredLanguage: 'es-MX',
  interpreterNeeded: true,
  healthLiteracy: 'limited',
  ...overrides,
});

const recordNeeds = (overrides: Partial<NeedsAssessment> = {}): CareEpisodeCommand => ({
  type: 'RecordNeedsAssessment',
  data: assessment(overrides),
});

const needsAssessed = (overrides: Partial<NeedsAssessment> = {}): CareEpisodeEvent => ({
  type: 'care.episode.needs_assessed.v1',
  data: {
    ...assessment(overrides),
    needs: [
      { domain: 'living_situation', severity: 'moderate' },
      { domain: 'food', severity: 'moderate' },
      { domain: 'utilities', severity: 'urgent' },
    ],
  },
});

describe('needs assessment (AHC HRSN, functional status, caregiver, language, literacy)', () => {
  it('records the screen with the needs the AHC scoring guide finds in it', () => {
    given(discharged, clocksStarted, assessed).when(recordNeeds()).then([needsAssessed()]);
  });

  it('the state holds the latest assessment and its needs', () => {
    const later = '2027-01-25T16:00:00.000Z';
    const state = openEpisode(discharged, clocksStarted, needsAssessed(), {
      type: 'care.episode.needs_assessed.v1',
      data: { ...assessment({ at: later, hrsnAnswers: [] }), needs: [] },
    });
    expect(state.needsAssessment?.at).toBe(later);
    expect(state.needsAssessment).not.toHaveProperty('needs');
    expect(state.needs).toEqual([]);
    expect(state.lastActivityAt).toBe(later);
  });

  it('may be recorded in any open stage, before the clinical assessment too', () => {
    given(discharged).when(recordNeeds()).then([needsAssessed()]);
  });

  it('writes the language tag in its canonical form', () => {
    given(discharged)
      .when(recordNeeds({ preferredLanguage: 'ES-mx' }))
      .then([needsAssessed()]);
  });

  it('the same assessment again changes nothing', () => {
    given(discharged, needsAssessed()).when(recordNeeds()).then([]);
  });

  it('hrsn-answer: an answer code the tool does not have is refused', () => {
    given(discharged)
      .when(recordNeeds({ hrsnAnswers: [{ question: '88122-7', answer: 'LA33-6' }] }))
      .thenThrows('hrsn-answer');
  });

  it('needs-assessment: an assessment older than the latest, or by someone else at its instant, is refused', () => {
    given(discharged, needsAssessed())
      .when(recordNeeds({ at: '2027-01-16T15:00:00.000Z' }))
      .thenThrows('needs-assessment');
    given(discharged, needsAssessed())
      .when(recordNeeds({ assessedBy: 'rn-9' }))
      .thenThrows('needs-assessment');
  });

  it('needs-assessment: a language that is not a BCP-47 tag, or a caregiver without a reference, is refused', () => {
    given(discharged)
      .when(recordNeeds({ preferredLanguage: 'Spanish (Mexico)' }))
      .thenThrows('needs-assessment');
    given(discharged)
      .when(recordNeeds({ caregiver: { relationship: 'child', caregiverRef: ' ' } }))
      .thenThrows('needs-assessment');
  });

  it('fact time: an assessment before the discharge is refused', () => {
    given(discharged)
      .when(recordNeeds({ at: '2027-01-15T19:00:00.000Z' }))
      .thenThrows('fact-time');
  });
});
