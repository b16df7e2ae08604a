import { accept, reject, type Checked } from './checked';
import { issue } from './operation-outcome';

/** FHIR forbids processing a resource as if modifier extensions it does not know were absent. */
export function withoutModifierExtensions(
  resource: { modifierExtension?: readonly unknown[] },
  path: string,
): Checked<undefined> {
  if (resource.modifierExtension === undefined) return accept(undefined);
  const expression = `${path}.modifierExtension`;
  return reject(
    issue(
      'not-supported',
      expression,
      `${expression} changes the meaning of the resource in a way this intake does not understand.`,
    ),
  );
}
