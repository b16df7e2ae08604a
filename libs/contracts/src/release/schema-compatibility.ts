import { isDeepStrictEqual } from 'node:util';
import { isJsonObject, type JsonObject, type JsonValue } from '../json-schema/json-value';

/** Keywords that describe but never reject: changing them cannot break a reader. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

const STRING_KEYWORDS = ['format', 'pattern', 'minLength', 'maxLength'];
const NUMBER_KEYWORDS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
];
const ARRAY_KEYWORDS = ['items', 'minItems', 'maxItems', 'uniqueItems'];
const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'propertyNames'];
const UNION_KEYWORDS = ['oneOf', 'anyOf'];
const UNDERSTOOD = new Set([
  'type',
  'enum',
  'const',
  ...STRING_KEYWORDS,
  ...NUMBER_KEYWORDS,
  ...ARRAY_KEYWORDS,
  ...OBJECT_KEYWORDS,
  ...UNION_KEYWORDS,
]);

/** The schema without its annotations, so that two schemas can be compared for meaning. */
export function withoutAnnotations(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!isJsonObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !ANNOTATIONS.has(keyword))
      .map(([keyword, value]) => [
        keyword,
        // Inside these, keys are property names, not keywords.
        keyword === 'properties' && isJsonObject(value)
          ? Object.fromEntries(
              Object.entries(value).map(([name, child]) => [name, withoutAnnotations(child)]),
            )
          : withoutAnnotations(value),
      ]),
  );
}

const where = (path: string): string => path || '(root)';

const asSchema = (value: JsonValue | undefined): JsonObject | boolean =>
  value === undefined
    ? true
    : typeof value === 'boolean'
      ? value
      : isJsonObject(value)
        ? value
        : {};

const typesOf = (schema: JsonObject): string[] | undefined => {
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type))
    return type.filter((entry): entry is string => typeof entry === 'string');
  const values = allowedValues(schema);
  return values?.map(jsonTypeOf);
};

const jsonTypeOf = (value: JsonValue): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const allowedValues = (schema: JsonObject): JsonValue[] | undefined => {
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
};

const admits = (types: string[] | undefined, kind: string): boolean =>
  types === undefined ||
  types.includes(kind) ||
  (kind === 'integer' && types.includes('number')) ||
  (kind === 'number' && types.includes('integer'));

/**
 * Why a document valid under `newer` could be invalid under `older`: empty when every reader
 * of `older` reads whatever `newer` allows (forward compatibility). It understands the
 * keywords our zod schemas produce and reports any other keyword that changed as unproven.
 * Alternatives of a `oneOf` are treated like those of an `anyOf`: ours are told apart by a
 * discriminator constant, so no value matches two of them.
 */
export function forwardIncompatibilities(
  older: JsonValue | undefined,
  newer: JsonValue | undefined,
  path = '',
): string[] {
  const before = asSchema(older);
  const after = asSchema(newer);
  if (
    before === true ||
    (isJsonObject(before) && Object.keys(withoutAnnotationsOf(before)).length === 0)
  ) {
    return [];
  }
  if (after === false) return [];
  if (before === false) return [`${where(path)}: the released schema does not allow it`];
  if (after === true) return [`${where(path)}: now allows anything, the released schema did not`];
  return objectSchemaIncompatibilities(before, after, path);
}

const withoutAnnotationsOf = (schema: JsonObject): JsonObject =>
  Object.fromEntries(Object.entries(schema).filter(([keyword]) => !ANNOTATIONS.has(keyword)));

function objectSchemaIncompatibilities(
  older: JsonObject,
  newer: JsonObject,
  path: string,
): string[] {
  const newerAlternatives = alternativesOf(newer);
  if (newerAlternatives) {
    return newerAlternatives.flatMap((alternative, index) =>
      alternative === undefined
        ? [
            `${where(path)}: cannot prove alternative ${index + 1} compatible, it repeats outer keywords`,
          ]
        : objectSchemaIncompatibilities(older, alternative, path),
    );
  }
  const olderAlternatives = alternativesOf(older);
  if (olderAlternatives) return againstAlternatives(older, olderAlternatives, newer, path);
  return [
    ...unknownKeywordChanges(older, newer, path),
    ...typeIncompatibilities(older, newer, path),
    ...valueIncompatibilities(older, newer, path),
    ...stringIncompatibilities(older, newer, path),
    ...numberIncompatibilities(older, newer, path),
    ...arrayIncompatibilities(older, newer, path),
    ...objectIncompatibilities(older, newer, path),
  ];
}

/** The alternatives of a union, each with the keywords beside the union folded in. */
function alternativesOf(schema: JsonObject): (JsonObject | undefined)[] | undefined {
  const keyword = UNION_KEYWORDS.find((name) => Array.isArray(schema[name]));
  if (keyword === undefined) return undefined;
  const { [keyword]: alternatives, ...outer } = schema;
  const shared = withoutAnnotationsOf(outer);
  return (alternatives as JsonValue[]).map((alternative) => {
    if (!isJsonObject(alternative)) return undefined;
    const clash = Object.keys(shared).some((name) => name in alternative);
    return clash ? undefined : { ...shared, ...alternative };
  });
}

function againstAlternatives(
  older: JsonObject,
  olderAlternatives: (JsonObject | undefined)[],
  newer: JsonObject,
  path: string,
): string[] {
  const outcomes = olderAlternatives.map((alternative) =>
    alternative === undefined ? undefined : objectSchemaIncompatibilities(alternative, newer, path),
  );
  if (outcomes.some((problems) => problems !== undefined && problems.length === 0)) return [];
  const closest = outcomes
    .filter((problems): problems is string[] => problems !== undefined)
    .sort((a, b) => a.length - b.length)[0];
  const keyword = UNION_KEYWORDS.find((name) => Array.isArray(older[name])) ?? 'anyOf';
  return [
    `${where(path)}: no alternative of the released ${keyword} accepts all it allows now`,
    ...(closest ?? []),
  ];
}

function unknownKeywordChanges(older: JsonObject, newer: JsonObject, path: string): string[] {
  return Object.keys(older)
    .filter((keyword) => !ANNOTATIONS.has(keyword) && !UNDERSTOOD.has(keyword))
    .filter((keyword) => !isDeepStrictEqual(older[keyword], newer[keyword]))
    .map((keyword) => `${where(path)}: cannot prove the change of "${keyword}" compatible`);
}

function typeIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  const olderTypes = typesOf(older);
  if (olderTypes === undefined) return [];
  const newerTypes = typesOf(newer);
  if (newerTypes === undefined) {
    return [`${where(path)}: no longer restricted to type ${olderTypes.join(' or ')}`];
  }
  return newerTypes
    .filter((type) => !olderTypes.includes(type))
    .filter((type) => !(type === 'integer' && olderTypes.includes('number')))
    .map((type) => `${where(path)}: now allows type ${type}, the released schema does not`);
}

function valueIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  const olderValues = allowedValues(older);
  if (olderValues === undefined) return [];
  const newerValues = allowedValues(newer);
  if (newerValues === undefined) {
    return [`${where(path)}: no longer restricted to ${JSON.stringify(olderValues)}`];
  }
  return newerValues
    .filter((value) => !olderValues.some((known) => isDeepStrictEqual(known, value)))
    .map(
      (value) =>
        `${where(path)}: now allows ${JSON.stringify(value)}, the released schema does not`,
    );
}

/** A keyword the released schema has and the new one dropped or changed; values say it all. */
function unchanged(
  older: JsonObject,
  newer: JsonObject,
  keywords: readonly string[],
  path: string,
): string[] {
  if (allowedValues(newer) !== undefined) return [];
  return keywords
    .filter((keyword) => older[keyword] !== undefined)
    .filter((keyword) => !isDeepStrictEqual(older[keyword], newer[keyword]))
    .map((keyword) =>
      newer[keyword] === undefined
        ? `${where(path)}: no longer requires ${keyword} ${JSON.stringify(older[keyword])}`
        : `${where(path)}: ${keyword} changed from ${JSON.stringify(older[keyword])} to ${JSON.stringify(newer[keyword])}`,
    );
}

function atLeast(
  older: JsonObject,
  newer: JsonObject,
  keyword: string,
  path: string,
  direction: 'min' | 'max',
): string[] {
  const bound = older[keyword];
  if (typeof bound !== 'number' || allowedValues(newer) !== undefined) return [];
  const now = newer[keyword];
  if (typeof now !== 'number') return [`${where(path)}: no longer requires ${keyword} ${bound}`];
  const tighter = direction === 'min' ? now >= bound : now <= bound;
  return tighter ? [] : [`${where(path)}: ${keyword} loosened from ${bound} to ${now}`];
}

function stringIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  if (!admits(typesOf(newer), 'string')) return [];
  return [
    ...unchanged(older, newer, ['format', 'pattern'], path),
    ...atLeast(older, newer, 'minLength', path, 'min'),
    ...atLeast(older, newer, 'maxLength', path, 'max'),
  ];
}

function numberIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  if (!admits(typesOf(newer), 'number')) return [];
  const multipleOf = older.multipleOf;
  const newerMultiple = newer.multipleOf;
  const multiples =
    typeof multipleOf !== 'number' ||
    allowedValues(newer) !== undefined ||
    (typeof newerMultiple === 'number' && Number.isInteger(newerMultiple / multipleOf))
      ? []
      : [`${where(path)}: no longer a multiple of ${multipleOf}`];
  return [
    ...atLeast(older, newer, 'minimum', path, 'min'),
    ...atLeast(older, newer, 'exclusiveMinimum', path, 'min'),
    ...atLeast(older, newer, 'maximum', path, 'max'),
    ...atLeast(older, newer, 'exclusiveMaximum', path, 'max'),
    ...multiples,
  ];
}

function arrayIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  if (!admits(typesOf(newer), 'array')) return [];
  const unique =
    older.uniqueItems === true && newer.uniqueItems !== true
      ? [`${where(path)}: items no longer have to be unique`]
      : [];
  return [
    ...(older.items === undefined
      ? []
      : forwardIncompatibilities(older.items, newer.items, `${path}[]`)),
    ...atLeast(older, newer, 'minItems', path, 'min'),
    ...atLeast(older, newer, 'maxItems', path, 'max'),
    ...unique,
  ];
}

const stringsOf = (value: JsonValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

const propertiesOf = (schema: JsonObject): JsonObject =>
  isJsonObject(schema.properties) ? schema.properties : {};

function objectIncompatibilities(older: JsonObject, newer: JsonObject, path: string): string[] {
  if (!admits(typesOf(newer), 'object')) return [];
  const child = (name: string) => (path ? `${path}.${name}` : name);
  const newerRequired = stringsOf(newer.required);
  const olderProperties = propertiesOf(older);
  const newerProperties = propertiesOf(newer);
  const problems = stringsOf(older.required)
    .filter((name) => !newerRequired.includes(name))
    .map((name) => `${child(name)}: no longer required`);

  for (const [name, schema] of Object.entries(olderProperties)) {
    if (name in newerProperties) {
      problems.push(...forwardIncompatibilities(schema, newerProperties[name], child(name)));
    } else if (newer.additionalProperties !== false) {
      const extra = newer.additionalProperties;
      problems.push(
        ...(extra === undefined || extra === true
          ? [`${child(name)}: no longer described, so it may now hold anything`]
          : forwardIncompatibilities(schema, extra, child(name))),
      );
    }
  }

  const olderExtra = older.additionalProperties;
  if (olderExtra !== undefined && olderExtra !== true) {
    const added = Object.keys(newerProperties).filter((name) => !(name in olderProperties));
    for (const name of added) {
      problems.push(...forwardIncompatibilities(olderExtra, newerProperties[name], child(name)));
    }
    problems.push(
      ...forwardIncompatibilities(olderExtra, newer.additionalProperties, `${path}{additional}`),
    );
  }
  if (older.propertyNames !== undefined) {
    problems.push(
      ...forwardIncompatibilities(older.propertyNames, newer.propertyNames, `${path}{names}`),
    );
  }
  return problems;
}
