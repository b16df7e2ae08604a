import type { MigrationInterface, QueryRunner } from 'typeorm';
// Relative, not @care/event-store: Jest's global setup runs migrations without path aliases.
import { APP_ROLE, ensureAppRole, ensureRole } from '../../../event-store/src/migrations/app-role';
import { ANALYTICS_PUBLISHER_ROLE } from './1765500000000-create-analytics-keys';

/** The relay's login: the app role's rights, and the only one to hold the publisher's. */
export const RELAY_ROLE = 'care_relay';

/**
 * Only the relay may map a patient to its pseudonymous key: the publisher's role moves from
 * the app role, which every app logs in as, to the relay's own login. Deployments create that
 * login with its password; an empty database still gets a role to grant to.
 */
export class RelayPublishesAnalytics1765700000000 implements MigrationInterface {
  name = 'RelayPublishesAnalytics1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await ensureAppRole(queryRunner);
    await ensureRole(queryRunner, RELAY_ROLE);
    await queryRunner.query(`GRANT ${APP_ROLE} TO ${RELAY_ROLE}`);
    await queryRunner.query(`GRANT ${ANALYTICS_PUBLISHER_ROLE} TO ${RELAY_ROLE}`);
    await queryRunner.query(`REVOKE ${ANALYTICS_PUBLISHER_ROLE} FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT ${ANALYTICS_PUBLISHER_ROLE} TO ${APP_ROLE}`);
    await queryRunner.query(`REVOKE ${ANALYTICS_PUBLISHER_ROLE} FROM ${RELAY_ROLE}`);
  }
}
