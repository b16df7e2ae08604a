import type { IssueType } from '@care/intake';
import { badSearch } from './fhir-outcome.exception';

/** What a resource's search accepts: the parameters naming the patient, and token filters. */
export interface SearchSpec {
  resourceType: string;
  /** e.g. `subject` and `patient`: one of them, once, names the patient. */
  patientParams: readonly string[];
  /** Token parameters with the codes each may take (comma-separated: any of them). */
  tokens?: Readonly<Record<string, readonly string[]>>;
}

export interface PatientSearch {
  /** The patient's id, as `Patient/<id>` names it. */
  patientId: string;
  tokens: Record<string, string[]>;
}

/** Read by every FHIR server and meaningless here: the answer is JSON whatever it says. */
const FORMATS = ['json', 'application/json', 'application/fhir+json'];

const FHIR_ID = '[A-Za-z0-9\\-.]{1,64}';
/** `Patient/<id>`, an absolute URL ending so, or the bare id (with or without `:Patient`). */
const PATIENT_REFERENCE = new RegExp(`^(?:(?:https?://\\S+/)?Patient/)?(${FHIR_ID})$`);

type Problem = { code: IssueType; diagnostics: string };

function patientIdOf(name: string, modifier: string | undefined, value: string): string | Problem {
  if (modifier !== undefined && modifier !== 'Patient') {
    return {
      code: 'not-supported',
      diagnostics: `${name}:${modifier} is not supported; ${name} names a Patient.`,
    };
  }
  const match = PATIENT_REFERENCE.exec(value);
  if (!match || value.includes(',')) {
    return {
      code: 'invalid',
      diagnostics: `${name} must be one Patient: Patient/<id> or the patient's id.`,
    };
  }
  return match[1]!;
}

/**
 * The patient and filters of a search. Parameters the resource does not support, repeated
 * ones, modifiers and unknown codes are 400s naming the parameter, never echoing its value.
 */
export function parsePatientSearch(
  query: Record<string, unknown>,
  spec: SearchSpec,
): PatientSearch {
  const problems: Problem[] = [];
  const patientIds: string[] = [];
  const tokens: Record<string, string[]> = {};
  for (const [key, raw] of Object.entries(query)) {
    const [name = '', modifier] = key.split(':', 2);
    if (typeof raw !== 'string') {
      problems.push({ code: 'invalid', diagnostics: `${name} may be given once, as one value.` });
      continue;
    }
    if (name === '_format' && modifier === undefined) {
      if (!FORMATS.includes(raw)) {
        problems.push({ code: 'not-supported', diagnostics: '_format: only JSON is served.' });
      }
    } else if (spec.patientParams.includes(name)) {
      const patientId = patientIdOf(name, modifier, raw);
      if (typeof patientId === 'string') patientIds.push(patientId);
      else problems.push(patientId);
    } else if (spec.tokens?.[name] && modifier === undefined) {
      const allowed = spec.tokens[name];
      const codes = raw.split(',');
      if (codes.some((code) => !allowed.includes(code))) {
        problems.push({
          code: 'code-invalid',
          diagnostics: `${name} is one of ${allowed.join(', ')}.`,
        });
      } else tokens[name] = codes;
    } else {
      problems.push({
        code: 'not-supported',
        diagnostics: `${key} is not a search parameter of ${spec.resourceType} here; it supports ${[...spec.patientParams, ...Object.keys(spec.tokens ?? {}), '_format'].join(', ')}.`,
      });
    }
  }
  if (patientIds.length === 0 && problems.length === 0) {
    problems.push({
      code: 'required',
      diagnostics: `A ${spec.resourceType} search names the patient: ${spec.patientParams.join(' or ')}.`,
    });
  }
  if (patientIds.length > 1) {
    problems.push({
      code: 'invalid',
      diagnostics: `Name the patient once: ${spec.patientParams.join(' or ')}.`,
    });
  }
  if (problems.length > 0) throw badSearch(problems);
  return { patientId: patientIds[0]!, tokens };
}
