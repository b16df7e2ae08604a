import type {
  CarePlan,
  CareTeam,
  Condition,
  Goal,
  HealthcareService,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  Task,
} from '@medplum/fhirtypes';

/** The identifier systems of what the engine names itself: its staff and its care teams. */
export const STAFF_SYSTEM = 'https://care-engine.dev/fhir/sid/staff';
export const CARE_TEAM_SYSTEM = 'https://care-engine.dev/fhir/sid/care-team';

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Whether a string can be a FHIR logical id. */
export const isFhirId = (value: string): boolean => FHIR_ID.test(value);

/** Episodes name their patient as `Patient/<internal id>`, already a FHIR reference. */
export const patientReference = (patientRef: string): Reference<Patient> => ({
  reference: patientRef,
});

export const carePlanReference = (episodeId: string): Reference<CarePlan> => ({
  reference: `CarePlan/${episodeId}`,
});

export const goalReference = (goalId: string): Reference<Goal> => ({ reference: `Goal/${goalId}` });

export const taskReference = (taskId: string): Reference<Task> => ({ reference: `Task/${taskId}` });

/** A problem contained in the resource that refers to it. */
export const conditionReference = (id: string): Reference<Condition> => ({ reference: `#${id}` });

/** A member of staff, by the subject of the token they acted with. */
export const staffReference = (subject: string): Reference<Practitioner> => ({
  type: 'Practitioner',
  identifier: { system: STAFF_SYSTEM, value: subject },
});

export const careTeamReference = (team: string): Reference<CareTeam> => ({
  type: 'CareTeam',
  identifier: { system: CARE_TEAM_SYSTEM, value: team },
  display: team,
});

type Receiver = Organization | Practitioner | PractitionerRole | CareTeam | HealthcareService;

const RECEIVER_REFERENCE =
  /^(Organization|Practitioner|PractitionerRole|CareTeam|HealthcareService)\/[A-Za-z0-9\-.]{1,64}$/;

/**
 * Who receives a hand-off: a FHIR reference when the assignee is one (`Organization/pcp-12`),
 * else the tenant's own name for the team (`care-team/pcp`).
 */
export const assigneeReference = (assignee: string): Reference<Receiver> =>
  RECEIVER_REFERENCE.test(assignee) ? { reference: assignee } : careTeamReference(assignee);
