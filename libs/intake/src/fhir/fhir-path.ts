const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The FHIRPath of an element below `root`, e.g. `Encounter.identifier[0].system`. */
export function fhirPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (expression, key) =>
      typeof key === 'number' ? `${expression}[${key}]` : `${expression}.${elementName(key)}`,
    root,
  );
}

function elementName(key: string | symbol): string {
  const name = String(key);
  return SIMPLE_NAME.test(name) ? name : `\`${name.replaceAll(/[`\\]/g, '\\$&')}\``;
}
