import { CreateTenantSettings1764500000000 } from './migrations/1764500000000-create-tenant-settings';

export const tenantMigrations = [CreateTenantSettings1764500000000];
