import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ContractSchemas } from '../json-schema/contract-json-schemas';

/**
 * Validates CloudEvents with the JSON Schema files of one contracts version, as a consumer
 * in any language would: the envelope, then the data schema of the event's type. Returns
 * the errors, empty when the event is valid.
 */
export function jsonSchemaValidator(schemas: ContractSchemas): (event: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const envelope = ajv.compile(schemas.shared['cloud-event'] ?? {});
  const data = new Map(
    Object.entries(schemas.events).map(([type, schema]) => [type, ajv.compile(schema)]),
  );
  const errorsOf = (validate: typeof envelope, prefix: string): string[] =>
    (validate.errors ?? []).map((error) => `${prefix}${error.instancePath} ${error.message ?? ''}`);

  return (event) => {
    const errors = envelope(event) ? [] : errorsOf(envelope, '');
    if (typeof event !== 'object' || event === null || !('type' in event)) return errors;
    const { type } = event;
    const validateData = typeof type === 'string' ? data.get(type) : undefined;
    if (!validateData) return [...errors, `/type ${String(type)} has no schema`];
    const payload = 'data' in event ? event.data : undefined;
    return validateData(payload) ? errors : [...errors, ...errorsOf(validateData, '/data')];
  };
}
