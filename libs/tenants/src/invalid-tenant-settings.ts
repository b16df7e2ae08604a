/** One thing wrong with a tenant's settings: where (dotted path) and what. */
export interface TenantSettingsIssue {
  path: string;
  message: string;
}

/**
 * A tenant's stored settings cannot be used. A configuration error: retrying does not help,
 * someone has to correct the tenant's row.
 */
export class InvalidTenantSettings extends Error {
  constructor(
    readonly tenantId: string,
    readonly issues: readonly TenantSettingsIssue[],
    options?: ErrorOptions,
  ) {
    super(
      `tenant ${tenantId} has invalid settings: ${issues
        .map((issue) => `${issue.path}: ${issue.message}`)
        .join('; ')}`,
      options,
    );
    this.name = 'InvalidTenantSettings';
  }
}
