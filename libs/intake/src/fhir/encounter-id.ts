import { accept, combine, reject, type Checked } from './checked';
import { issue } from './operation-outcome';
import type { EncounterView } from './resource-view';

/** `<system>|<value>` of the official identifier, or of the first when none is official. */
export function encounterIdOf({ resource, path }: EncounterView): Checked<string> {
  const identifiers = resource.identifier ?? [];
  const index = Math.max(
    0,
    identifiers.findIndex(({ use }) => use === 'official'),
  );
  const chosen = identifiers[index];
  if (chosen === undefined) {
    return reject(
      issue(
        'required',
        `${path}.identifier`,
        `${path}.identifier is required: the encounter identifier keys the care episode.`,
      ),
    );
  }
  const expression = `${path}.identifier[${index}]`;
  const part = (name: 'system' | 'value', value: string | undefined): Checked<string> =>
    value === undefined
      ? reject(
          issue(
            'required',
            `${expression}.${name}`,
            `${expression}.${name} is required to identify the encounter.`,
          ),
        )
      : accept(value);
  const parts = combine([part('system', chosen.system), part('value', chosen.value)]);
  return parts.ok ? accept(parts.value.join('|')) : parts;
}
