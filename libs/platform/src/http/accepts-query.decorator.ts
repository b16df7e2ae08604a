import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

type ApiQuerySchema = Extract<Parameters<typeof ApiQuery>[0], { schema: unknown }>['schema'];

/** Documents a route's query parameters in the OpenAPI document from the zod object validating them. */
export function AcceptsQuery(schema: z.ZodObject): MethodDecorator {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'input',
    unrepresentable: 'any',
  }) as { properties?: Record<string, ApiQuerySchema>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: json.required?.includes(name) ?? false,
        schema: property,
        ...('description' in property && typeof property.description === 'string'
          ? { description: property.description }
          : {}),
      }),
    ),
  );
}
