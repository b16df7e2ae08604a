import type { z } from 'zod';
import type { JsonObject } from '../json-schema/json-value';
import { toJsonSchema } from '../json-schema/to-json-schema';

/**
 * A zod schema as an AsyncAPI Schema Object, the document's default schema format: a
 * superset of JSON Schema draft 07, so it is generated for that draft.
 */
export function asyncApiSchema(schema: z.ZodType): JsonObject {
  const generated = toJsonSchema(schema, 'draft-07');
  delete generated.$schema;
  return generated;
}
