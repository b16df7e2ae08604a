import { z } from 'zod';
import type { JsonObject } from './json-value';

export type JsonSchemaDialect = 'draft-2020-12' | 'draft-07';

/**
 * A zod schema as JSON Schema for readers of the events: what a producer may send and a
 * consumer must accept. Objects stay open to properties they do not name, since consumers are
 * tolerant readers and a later minor version may add some.
 */
export function toJsonSchema(schema: z.ZodType, dialect: JsonSchemaDialect): JsonObject {
  const generated = z.toJSONSchema(schema, {
    target: dialect,
    // The input side: zod closes objects only for the output of a parse, which strips extras.
    io: 'input',
    unrepresentable: 'throw',
    override: ({ jsonSchema }) => {
      // zod marks readonly arrays readOnly, which in JSON Schema means "not for writers".
      delete jsonSchema.readOnly;
    },
  });
  return JSON.parse(JSON.stringify(generated)) as JsonObject;
}
