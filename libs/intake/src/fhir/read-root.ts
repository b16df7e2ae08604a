import { accept, reject, type Checked } from './checked';
import { issue } from './operation-outcome';
import { checkSizeLimits } from './size-limits';

type JsonObject = Readonly<Record<string, unknown>>;

/** The request body as a JSON object holding the expected resource, within the size limits. */
export function readRoot(body: unknown, resourceType: 'Encounter' | 'Bundle'): Checked<JsonObject> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return reject(
      issue('structure', undefined, `The body must be a JSON object holding a ${resourceType}.`),
    );
  }
  const json = body as JsonObject;
  if (!Object.hasOwn(json, 'resourceType')) {
    return reject(
      issue('required', 'resourceType', `resourceType is required and must be ${resourceType}.`),
    );
  }
  if (json['resourceType'] !== resourceType) {
    return reject(issue('invalid', 'resourceType', `resourceType must be ${resourceType}.`));
  }
  const oversized = checkSizeLimits(json, resourceType);
  return oversized.length > 0 ? { ok: false, issues: oversized } : accept(json);
}
