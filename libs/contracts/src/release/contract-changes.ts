import { isDeepStrictEqual } from 'node:util';
import type { ContractSchemas } from '../json-schema/contract-json-schemas';
import type { JsonObject } from '../json-schema/json-value';
import { forwardIncompatibilities, withoutAnnotations } from './schema-compatibility';
import { maxLevel, type BumpLevel } from './semver';

/** What changed from one contracts version to the next, and the version bump it needs. */
export interface ContractChanges {
  /** The smallest bump that may carry these changes. */
  level: BumpLevel;
  /** Each change, for people to read. */
  changes: string[];
  /** Changes no version may make, each with what to do instead. */
  forbidden: string[];
}

const VERSIONED_TYPE = /^(.*)\.v([1-9][0-9]*)$/;

/** Later versions of the same event, e.g. care.episode.closed.v2 for care.episode.closed.v1. */
function successorsOf(type: string, types: readonly string[]): string[] {
  const match = VERSIONED_TYPE.exec(type);
  if (!match) return [];
  const [, name, version] = match;
  return types.filter((candidate) => {
    const other = VERSIONED_TYPE.exec(candidate);
    return other !== null && other[1] === name && Number(other[2]) > Number(version);
  });
}

const nextVersionOf = (type: string): string => {
  const match = VERSIONED_TYPE.exec(type);
  return match ? `${match[1]}.v${Number(match[2]) + 1}` : `${type}.v2`;
};

type Change = { level: BumpLevel; change: string } | { forbidden: string };

function schemaChange(
  label: string,
  older: JsonObject,
  newer: JsonObject,
  breaking: (problems: string) => string,
): Change | undefined {
  if (isDeepStrictEqual(older, newer)) return undefined;
  if (isDeepStrictEqual(withoutAnnotations(older), withoutAnnotations(newer))) {
    return { level: 'patch', change: `${label}: descriptions changed` };
  }
  const problems = forwardIncompatibilities(older, newer);
  if (problems.length > 0) return { forbidden: breaking(problems.join('; ')) };
  return { level: 'minor', change: `${label}: changed compatibly` };
}

function sharedChanges(older: ContractSchemas, newer: ContractSchemas): Change[] {
  const names = [...new Set([...Object.keys(older.shared), ...Object.keys(newer.shared)])];
  return names.flatMap((name): Change[] => {
    const before = older.shared[name];
    const after = newer.shared[name];
    if (before === undefined) return [{ level: 'minor', change: `${name}: added` }];
    if (after === undefined) {
      return [
        {
          forbidden: `The ${name} schema was removed: released consumers rely on it. Restore it; a topic whose messages no longer fit it needs a new topic name (e.g. .v2).`,
        },
      ];
    }
    const change = schemaChange(
      name,
      before,
      after,
      (problems) =>
        `The ${name} schema changed incompatibly (${problems}): released consumers could no longer read the messages. Keep it compatible (only add optional properties or narrow what is allowed); messages that need it changed go to a new topic (e.g. .v2).`,
    );
    return change ? [change] : [];
  });
}

function eventChanges(older: ContractSchemas, newer: ContractSchemas): Change[] {
  const newerTypes = Object.keys(newer.events);
  const removedOrChanged = Object.entries(older.events).flatMap(([type, before]): Change[] => {
    const after = newer.events[type];
    if (after === undefined) {
      const successors = successorsOf(type, newerTypes);
      return successors.length > 0
        ? [{ level: 'major', change: `${type}: retired in favour of ${successors.join(', ')}` }]
        : [
            {
              forbidden: `${type} was removed without a successor: released consumers still read it and the relay replays stored ${type} events. Keep it in episodeEventDataSchemas; to retire it, first add ${nextVersionOf(type)}, then remove ${type} in a major version.`,
            },
          ];
    }
    const change = schemaChange(
      type,
      before,
      after,
      (problems) =>
        `${type} changed incompatibly (${problems}): released consumers could no longer read its events. Leave ${type} as released and add the new shape as a new event type ${nextVersionOf(type)} (in the domain and in episodeEventDataSchemas).`,
    );
    return change ? [change] : [];
  });
  const added = newerTypes
    .filter((type) => older.events[type] === undefined)
    .map((type): Change => ({ level: 'minor', change: `${type}: added` }));
  return [...removedOrChanged, ...added];
}

export function compareContracts(older: ContractSchemas, newer: ContractSchemas): ContractChanges {
  const all = [...sharedChanges(older, newer), ...eventChanges(older, newer)];
  return all.reduce<ContractChanges>(
    (result, change) =>
      'forbidden' in change
        ? { ...result, forbidden: [...result.forbidden, change.forbidden] }
        : {
            ...result,
            level: maxLevel(result.level, change.level),
            changes: [...result.changes, change.change],
          },
    { level: 'none', changes: [], forbidden: [] },
  );
}
