import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EVENT_TYPE_PATTERN } from '../cloud-event.schema';
import type { ContractSchemas } from '../json-schema/contract-json-schemas';
import { isJsonObject, type JsonObject, type JsonValue } from '../json-schema/json-value';
import type { Release } from './release-plan';

/** libs/contracts, where the generated files are checked in. */
export const CONTRACTS_DIR = resolve(__dirname, '../..');
/** One folder per released contracts version, holding its JSON Schemas. */
export const RELEASES_DIR = join(CONTRACTS_DIR, 'schemas');
export const ASYNCAPI_FILE = join(CONTRACTS_DIR, 'asyncapi.yaml');

const SUFFIX = '.schema.json';

/** The files of a release: one JSON Schema per shared schema and per event type. */
export const releaseFiles = (schemas: ContractSchemas): Record<string, JsonObject> => ({
  ...Object.fromEntries(
    Object.entries(schemas.shared).map(([name, schema]) => [`${name}${SUFFIX}`, schema]),
  ),
  ...Object.fromEntries(
    Object.entries(schemas.events).map(([type, schema]) => [`${type}${SUFFIX}`, schema]),
  ),
});

function readSchema(file: string): JsonObject {
  const value = JSON.parse(readFileSync(file, 'utf8')) as JsonValue;
  if (!isJsonObject(value)) throw new Error(`${file} is not a JSON Schema object`);
  return value;
}

export function readRelease(dir: string, version: string): Release {
  const schemas: ContractSchemas = { shared: {}, events: {} };
  for (const file of readdirSync(join(dir, version)).sort()) {
    if (!file.endsWith(SUFFIX)) {
      throw new Error(`${join(dir, version, file)} is not a *${SUFFIX} file: remove it`);
    }
    const name = file.slice(0, -SUFFIX.length);
    const group = EVENT_TYPE_PATTERN.test(name) ? schemas.events : schemas.shared;
    group[name] = readSchema(join(dir, version, file));
  }
  return { version, schemas };
}

export const readReleases = (dir: string = RELEASES_DIR): Release[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readRelease(dir, entry.name));
