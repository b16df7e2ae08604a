import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { asyncApiDocument } from './asyncapi/asyncapi-document';
import { CONTRACTS_VERSION } from './contracts-version';
import { contractSchemas } from './json-schema/contract-json-schemas';
import { ASYNCAPI_FILE, readReleases } from './release/release-files';
import { planRelease, releaseHistoryProblems } from './release/release-plan';

/** The files in libs/contracts that the code generates must be the ones checked in. */
describe('checked-in contracts', () => {
  const releases = readReleases();

  it('release CONTRACTS_VERSION with exactly the schemas the code generates', () => {
    const plan = planRelease(contractSchemas(), CONTRACTS_VERSION, releases);
    if (plan.status === 'rejected') throw new Error(plan.problems.join('\n\n'));
    if (plan.status === 'unreleased') {
      throw new Error(
        `Contracts ${plan.version} are not released yet: run npm run contracts:asyncapi, which writes libs/contracts/schemas/${plan.version} and libs/contracts/asyncapi.yaml, and commit both.\nChanges:\n${plan.changes.map((change) => `  - ${change}`).join('\n')}`,
      );
    }
  });

  it('keep every released version readable by consumers of the ones before', () => {
    const problems = releaseHistoryProblems(releases);
    if (problems.length > 0) throw new Error(problems.join('\n\n'));
  });

  it('include the AsyncAPI document the code generates', () => {
    const checkedIn: unknown = parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
    try {
      expect(checkedIn).toEqual(asyncApiDocument());
    } catch (difference) {
      throw new Error(
        `libs/contracts/asyncapi.yaml is not what the code generates: run npm run contracts:asyncapi and commit the result.\n\n${(difference as Error).message}`,
        { cause: difference },
      );
    }
  });
});
