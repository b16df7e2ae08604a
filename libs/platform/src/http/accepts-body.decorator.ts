import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

type ApiBodySchema = Extract<Parameters<typeof ApiBody>[0], { schema: unknown }>['schema'];

/** Documents a route's JSON body in the OpenAPI document from the zod schema that validates it. */
export const AcceptsBody = (schema: z.ZodType): MethodDecorator =>
  ApiBody({
    // zod emits OpenAPI 3.0 schemas here; the two type declarations differ only in name.
    schema: z.toJSONSchema(schema, {
      target: 'openapi-3.0',
      io: 'input',
      unrepresentable: 'any',
    }) as ApiBodySchema,
  });
