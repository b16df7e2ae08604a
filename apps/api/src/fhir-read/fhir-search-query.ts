import { z } from 'zod';

const patient = (description: string) =>
  z
    .string()
    .optional()
    .meta({ description: `${description} Patient/<id>, or the id alone.` });

const token = (codes: string) =>
  z
    .string()
    .optional()
    .meta({ description: `Any of ${codes}, comma-separated.` });

/** The search parameters each resource takes, for the OpenAPI document; parsing is FHIR's. */
export const carePlanSearchDoc = z.object({
  subject: patient('The patient whose episodes’ care plans to list:'),
  patient: patient('Same as subject:'),
  status: token('draft, active, completed, revoked'),
});

export const goalSearchDoc = z.object({
  subject: patient('The patient whose goals to list:'),
  patient: patient('Same as subject:'),
  'lifecycle-status': token('proposed, active, completed, cancelled'),
});

export const taskSearchDoc = z.object({
  subject: patient('The patient whose interventions and hand-offs to list:'),
  patient: patient('Same as subject:'),
  status: token('requested, in-progress, accepted, rejected, completed, cancelled, failed'),
  intent: token('plan (interventions), order (hand-offs)'),
});

export const coverageSearchDoc = z.object({
  beneficiary: patient('The patient whose coverages to list:'),
  patient: patient('Same as beneficiary:'),
  status: token('active'),
});
