import { z } from 'zod';

export const hrsnDomain = z
  .enum(['living_situation', 'food', 'transportation', 'utilities', 'interpersonal_safety'])
  .describe('A core domain of the CMS AHC health-related social needs (HRSN) screening tool.');

export const needSeverity = z
  .enum(['urgent', 'moderate'])
  .describe('How pressing the need is, by the AHC scoring guide.');

export const need = z
  .object({ domain: hrsnDomain, severity: needSeverity })
  .describe('A positive screen in a domain.');

export const functionalStatus = z
  .enum(['independent', 'needs_some_help', 'dependent'])
  .describe('How much help the patient needs with activities of daily living.');

export const healthLiteracy = z.enum(['adequate', 'limited']);

export const caregiverRelationship = z.enum([
  'spouse_or_partner',
  'child',
  'parent',
  'sibling',
  'other_relative',
  'friend_or_neighbor',
  'paid_caregiver',
  'other',
]);
