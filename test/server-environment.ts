/**
 * Settings for tests that talk to the local stack: the test database, quiet logs and a task
 * queue of their own, so a running `npm start` never picks up the tests' workflows.
 */
export function applyServerTestEnvironment(): void {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'warn';
  process.env.DATABASE_URL =
    process.env.TEST_DATABASE_URL ?? 'postgres://care_app:care_app@127.0.0.1:5432/care_test';
  process.env.RELAY_DATABASE_URL =
    process.env.TEST_RELAY_DATABASE_URL ??
    'postgres://care_relay:care_relay@127.0.0.1:5432/care_test';
  process.env.DATABASE_OWNER_URL =
    process.env.TEST_DATABASE_OWNER_URL ?? 'postgres://care:care@127.0.0.1:5432/care_test';
  process.env.TEMPORAL_TASK_QUEUE ??= `care-episodes-test-${process.pid}`;
  process.env.RELAY_POLL_INTERVAL_MS ??= '20';
}
