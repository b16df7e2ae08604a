export interface SemVer {
  major: number;
  minor: number;
  patch: number;
}

/** How much a version moves: a patch fixes words, a minor adds, a major retires. */
export type BumpLevel = 'none' | 'patch' | 'minor' | 'major';

const LEVELS: readonly BumpLevel[] = ['none', 'patch', 'minor', 'major'];

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export function parseSemVer(version: string): SemVer | undefined {
  const match = SEMVER.exec(version);
  if (!match) return undefined;
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}

export const formatSemVer = ({ major, minor, patch }: SemVer): string =>
  `${major}.${minor}.${patch}`;

export const compareSemVer = (a: SemVer, b: SemVer): number =>
  a.major - b.major || a.minor - b.minor || a.patch - b.patch;

export function bumpLevel(from: SemVer, to: SemVer): BumpLevel {
  if (to.major !== from.major) return 'major';
  if (to.minor !== from.minor) return 'minor';
  return to.patch !== from.patch ? 'patch' : 'none';
}

export const atLeast = (level: BumpLevel, needed: BumpLevel): boolean =>
  LEVELS.indexOf(level) >= LEVELS.indexOf(needed);

export const maxLevel = (a: BumpLevel, b: BumpLevel): BumpLevel => (atLeast(a, b) ? a : b);

export function bump(version: SemVer, level: BumpLevel): SemVer {
  switch (level) {
    case 'none':
      return version;
    case 'patch':
      return { ...version, patch: version.patch + 1 };
    case 'minor':
      return { major: version.major, minor: version.minor + 1, patch: 0 };
    case 'major':
      return { major: version.major + 1, minor: 0, patch: 0 };
  }
}
