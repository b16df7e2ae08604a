import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configVariableNames, loadConfig } from '@care/platform';
import { parse } from 'yaml';

interface ComposeService {
  image?: string;
  ports?: string[];
  environment?: Record<string, string | number>;
  command?: string[];
}

const root = path.resolve(__dirname, '..');
const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as { services: Record<string, ComposeService> };

/** The local stack's settings (infra/local/stack.env), the one source both stacks follow. */
const localStack = Object.fromEntries(
  readFileSync(path.join(root, 'infra/local/stack.env'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);

const hostPorts = (service: string) =>
  (compose.services[service]?.ports ?? []).map((mapping) => mapping.split(':')[0]);
const appServices = ['api', 'worker', 'relay', 'notifier', 'reporter', 'migrate', 'topics'];

describe('docker-compose.yml', () => {
  it('runs the whole stack and the apps', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'postgres',
        'temporal',
        'temporal-ui',
        'kafka',
        'api',
        'worker',
        'relay',
      ]),
    );
  });

  it('publishes the servers on the same host ports as infra/local', () => {
    expect(hostPorts('postgres')).toEqual([localStack.POSTGRES_PORT]);
    expect(hostPorts('temporal')).toEqual([localStack.TEMPORAL_PORT]);
    expect(hostPorts('temporal-ui')).toEqual([localStack.TEMPORAL_UI_PORT]);
    expect(hostPorts('kafka')).toEqual([localStack.KAFKA_PORT]);
    expect(hostPorts('api')).toEqual([String(loadConfig({}).API_PORT)]);
    expect(hostPorts('relay')).toEqual([String(loadConfig({}).RELAY_METRICS_PORT)]);
  });

  it('creates the same database, role and password as infra/local', () => {
    expect(compose.services.postgres?.environment).toEqual({
      POSTGRES_USER: localStack.POSTGRES_USER,
      POSTGRES_PASSWORD: localStack.POSTGRES_PASSWORD,
      POSTGRES_DB: localStack.POSTGRES_DB,
    });
    const init = readFileSync(path.join(root, 'infra/docker/postgres-init.sql'), 'utf8');
    for (const database of [localStack.POSTGRES_TEST_DB, localStack.POSTGRES_BENCH_DB]) {
      expect(init).toContain(`CREATE DATABASE ${database} OWNER ${localStack.POSTGRES_USER}`);
    }
    expect(init).toContain(
      `CREATE ROLE ${localStack.POSTGRES_APP_USER} LOGIN PASSWORD '${localStack.POSTGRES_APP_PASSWORD}'`,
    );
    expect(init).toContain(
      `CREATE ROLE ${localStack.POSTGRES_RELAY_USER} LOGIN PASSWORD '${localStack.POSTGRES_RELAY_PASSWORD}'`,
    );
    expect(compose.services.relay?.environment?.RELAY_DATABASE_URL).toBe(
      `postgres://${localStack.POSTGRES_RELAY_USER}:${localStack.POSTGRES_RELAY_PASSWORD}@postgres:${localStack.POSTGRES_PORT}/${localStack.POSTGRES_DB}`,
    );
  });

  it.each(appServices)('gives %s only variables of the config schema, all valid', (service) => {
    const environment = Object.fromEntries(
      Object.entries(compose.services[service]?.environment ?? {}).map(([name, value]) => [
        name,
        String(value),
      ]),
    );
    for (const name of Object.keys(environment)) expect(configVariableNames).toContain(name);
    expect(() => loadConfig(environment)).not.toThrow();
    expect(loadConfig(environment).TEMPORAL_NAMESPACE).toBe(localStack.TEMPORAL_NAMESPACE);
  });

  it.each(appServices)('connects %s as the application role, migrating as the owner', (service) => {
    const config = loadConfig(
      compose.services[service]?.environment as Record<string, string> | undefined,
    );
    expect(new URL(config.DATABASE_URL).username).toBe(localStack.POSTGRES_APP_USER);
    expect(new URL(config.DATABASE_OWNER_URL).username).toBe(localStack.POSTGRES_USER);
  });

  it.each(appServices)('starts %s from a file the build produces', (service) => {
    const command = compose.services[service]?.command ?? [];
    expect(command[0]).toBe('node');
    const source = command[1]!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
    expect(() => readFileSync(path.join(root, source))).not.toThrow();
  });
});
