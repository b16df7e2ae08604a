import type { QueryRunner } from 'typeorm';

/** The role the apps connect as; migrations grant it exactly what it may do. */
export const APP_ROLE = 'care_app';

/** Deployments create login roles; an empty database still gets a role to grant to. */
export async function ensureRole(queryRunner: QueryRunner, role: string): Promise<void> {
  await queryRunner.query(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
        CREATE ROLE ${role} NOLOGIN;
      END IF;
    END $$`);
}

export const ensureAppRole = (queryRunner: QueryRunner): Promise<void> =>
  ensureRole(queryRunner, APP_ROLE);
