import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in a transaction acting for one tenant: row-level security shows and accepts only
 * that tenant's rows, a second wall behind every query's own tenant filter.
 */
export const inTenant = <T>(
  dataSource: DataSource,
  tenantId: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> =>
  dataSource.transaction(async (tx) => {
    await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, [tenantId]);
    return work(tx);
  });
