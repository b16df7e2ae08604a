import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a route's JSON body in the OpenAPI document from the zod schema that validates it. */
export const AcceptsBody = (schema: z.ZodType): MethodDecorator =>
  ApiBody({
    schema: z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }),
  });
