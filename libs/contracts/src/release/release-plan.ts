import { isDeepStrictEqual } from 'node:util';
import type { ContractSchemas } from '../json-schema/contract-json-schemas';
import { compareContracts, type ContractChanges } from './contract-changes';
import {
  atLeast,
  bump,
  bumpLevel,
  compareSemVer,
  formatSemVer,
  parseSemVer,
  type SemVer,
} from './semver';

/** The JSON Schemas of a released contracts version, as checked in. */
export interface Release {
  version: string;
  schemas: ContractSchemas;
}

export type ReleasePlan =
  /** The code generates exactly the released schemas of its version. */
  | { status: 'released' }
  /** The version is new and may be released with these changes. */
  | { status: 'unreleased'; version: string; changes: string[] }
  | { status: 'rejected'; problems: string[] };

const VERSION_FILE = 'libs/contracts/src/contracts-version.ts';
const GENERATE = 'npm run contracts:asyncapi';
const releaseDir = (version: string) => `libs/contracts/schemas/${version}`;

interface ParsedRelease extends Release {
  semver: SemVer;
}

function parseReleases(releases: readonly Release[]): {
  parsed: ParsedRelease[];
  problems: string[];
} {
  const problems: string[] = [];
  const parsed: ParsedRelease[] = [];
  for (const release of releases) {
    const semver = parseSemVer(release.version);
    if (semver) parsed.push({ ...release, semver });
    else {
      problems.push(
        `${releaseDir(release.version)} is not named after a version MAJOR.MINOR.PATCH: rename or remove it.`,
      );
    }
  }
  return { parsed: parsed.sort((a, b) => compareSemVer(a.semver, b.semver)), problems };
}

const listed = (changes: readonly string[]): string =>
  changes.length === 0 ? '' : `\nChanges:\n${changes.map((change) => `  - ${change}`).join('\n')}`;

/** Forbidden changes, or a version that moves less than the changes need. */
function successorProblems(
  from: ParsedRelease,
  to: SemVer,
  changes: ContractChanges,
  fix: (needed: string) => string,
): string[] {
  if (changes.forbidden.length > 0) return changes.forbidden;
  if (atLeast(bumpLevel(from.semver, to), changes.level)) return [];
  const needed = formatSemVer(bump(from.semver, changes.level));
  return [
    `${formatSemVer(to)} is a ${bumpLevel(from.semver, to)} step from ${from.version}, but the changes need a ${changes.level} version: ${fix(needed)}${listed(changes.changes)}`,
  ];
}

/**
 * Decides whether the schemas the code generates may go out as `version`, given the
 * released versions. Released schemas never change: any change needs a new version, of the
 * size semantic versioning gives it, and breaking changes are refused whatever the version.
 */
export function planRelease(
  current: ContractSchemas,
  version: string,
  releases: readonly Release[],
): ReleasePlan {
  const semver = parseSemVer(version);
  if (!semver) {
    return {
      status: 'rejected',
      problems: [`CONTRACTS_VERSION ${version} in ${VERSION_FILE} is not MAJOR.MINOR.PATCH.`],
    };
  }
  const { parsed, problems } = parseReleases(releases);
  if (problems.length > 0) return { status: 'rejected', problems };
  const latest = parsed[parsed.length - 1];

  if (latest && compareSemVer(semver, latest.semver) < 0) {
    return {
      status: 'rejected',
      problems: [
        `CONTRACTS_VERSION is ${version}, but ${latest.version} is already released (${releaseDir(latest.version)}). Versions only move forward: set CONTRACTS_VERSION in ${VERSION_FILE} to ${latest.version} or later.`,
      ],
    };
  }

  if (latest && compareSemVer(semver, latest.semver) === 0) {
    if (isDeepStrictEqual(current, latest.schemas)) return { status: 'released' };
    const changes = compareContracts(latest.schemas, current);
    if (changes.forbidden.length > 0) return { status: 'rejected', problems: changes.forbidden };
    const next = formatSemVer(bump(latest.semver, changes.level));
    return {
      status: 'rejected',
      problems: [
        `The event schemas changed, but CONTRACTS_VERSION is still ${version}, which is released in ${releaseDir(version)} and never changes. Set CONTRACTS_VERSION in ${VERSION_FILE} to ${next} (a ${changes.level} change), run ${GENERATE} and commit what it writes. (Only if ${version} never reached main: delete ${releaseDir(version)} and run ${GENERATE} again instead.)${listed(changes.changes)}`,
      ],
    };
  }

  if (!latest) return { status: 'unreleased', version, changes: ['first release'] };
  const changes = compareContracts(latest.schemas, current);
  const refused = successorProblems(
    latest,
    semver,
    changes,
    (needed) => `set CONTRACTS_VERSION in ${VERSION_FILE} to ${needed} and run ${GENERATE}.`,
  );
  return refused.length > 0
    ? { status: 'rejected', problems: refused }
    : { status: 'unreleased', version, changes: changes.changes };
}

/** Each released version must be a compatible successor of the one before, bumped enough. */
export function releaseHistoryProblems(releases: readonly Release[]): string[] {
  const { parsed, problems } = parseReleases(releases);
  const restore = (version: string) =>
    `a released version never changes: restore ${releaseDir(version)} as it was released.`;
  for (const [index, release] of parsed.entries()) {
    const previous = parsed[index - 1];
    if (!previous) continue;
    const changes = compareContracts(previous.schemas, release.schemas);
    problems.push(
      ...successorProblems(previous, release.semver, changes, () => restore(release.version)).map(
        (problem) => `${releaseDir(release.version)} after ${previous.version}: ${problem}`,
      ),
    );
  }
  return problems;
}
