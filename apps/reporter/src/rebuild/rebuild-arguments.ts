import { parseArgs } from 'node:util';

export const REBUILD_USAGE =
  'usage: npm run reporter:rebuild -- [--tenant <tenant>] [--from-store]';

export interface RebuildArguments {
  /** Only this tenant's reporting rows are emptied; default every tenant's. */
  tenantId?: string;
  /** Replay the analytics stream from the event store instead of re-reading the topic. */
  fromStore: boolean;
}

/** The command line is wrong; the command did nothing. */
export class RebuildUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RebuildUsageError';
  }
}

const TENANT_SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Reads `[--tenant <tenant>] [--from-store]`; throws RebuildUsageError. */
export function parseRebuildArguments(argv: readonly string[]): RebuildArguments {
  let values: { tenant?: string; 'from-store'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { tenant: { type: 'string' }, 'from-store': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new RebuildUsageError((error as Error).message.split('\n')[0] ?? String(error));
  }
  const { tenant } = values;
  if (tenant !== undefined && !TENANT_SLUG.test(tenant)) {
    throw new RebuildUsageError(
      `--tenant must be a tenant slug (lowercase letters, digits, dashes), not "${tenant}"`,
    );
  }
  return {
    ...(tenant === undefined ? {} : { tenantId: tenant }),
    fromStore: values['from-store'] ?? false,
  };
}
