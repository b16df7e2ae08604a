import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE } from '../../../event-store/src/migrations/app-role';

/**
 * Each tenant's overrides of the default policy, as JSON validated by the application
 * (`tenantSettingsSchema`). Operators maintain the rows as the schema owner; the apps only read.
 */
export class CreateTenantSettings1764500000000 implements MigrationInterface {
  name = 'CreateTenantSettings1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tenant_settings (
        tenant_id   text PRIMARY KEY CHECK (tenant_id <> ''),
        settings    jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`GRANT SELECT ON tenant_settings TO ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tenant_settings`);
  }
}
