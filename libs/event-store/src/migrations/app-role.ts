import type { QueryRunner } from 'typeorm';

/** The role the apps connect as; migrations grant it exactly what it may do. */
export const APP_ROLE = 'care_app';

/** Deployments create the login role; an empty database still gets a role to grant to. */
export async function ensureAppRole(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN;
      END IF;
    END $$`);
}
