import { rejected, type FhirIntakeOptions, type FhirIntakeResult } from './fhir-intake-result';
import { readRoot } from './read-root';
import { readEncounter } from './resource-view';
import { toDischarge } from './to-discharge';

/**
 * `POST /fhir/Encounter`: a finished Encounter with its Patient contained, read as a discharge.
 * The request carries no message id, so the discharge itself is one: the same encounter
 * discharged at the same instant is the same message however often it is sent.
 */
export function parseFhirEncounter(body: unknown, options: FhirIntakeOptions): FhirIntakeResult {
  const root = readRoot(body, 'Encounter');
  if (!root.ok) return rejected(400, root.issues);
  const encounter = readEncounter(root.value, 'Encounter');
  if (!encounter.ok) return rejected(400, encounter.issues);
  const discharge = toDischarge(encounter.value, [], options.receivedAt);
  if (!discharge.ok) return rejected(422, discharge.issues);
  const { encounterId, dischargedAt } = discharge.value;
  return {
    ok: true,
    message: {
      source: { sender: options.sender, messageId: `discharge|${encounterId}|${dischargedAt}` },
      event: discharge.value,
    },
  };
}
