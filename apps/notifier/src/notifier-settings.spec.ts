import { loadConfig } from '@care/platform';
import { notifierSettings } from './notifier-settings';

describe('notifierSettings', () => {
  it('reads the notifier variables, with defaults for a public, https-only deployment', () => {
    expect(notifierSettings(loadConfig({}))).toEqual({
      topic: 'care.episodes.v1',
      consumerGroup: 'care-notifier',
      concurrency: 32,
      fanOutConcurrency: 3,
      maxAttempts: 12,
      retry: { baseMs: 10_000, maxMs: 3_600_000 },
      requestTimeoutMs: 10_000,
      leaseMs: 60_000,
      pollIntervalMs: 1_000,
      deliveredRetentionDays: 30,
      targets: { allowInsecureHttp: false, allowPrivateTargets: false, privateNetworks: [] },
    });
  });

  it('allows local targets only when told to', () => {
    const local = loadConfig({
      NOTIFIER_ALLOW_PRIVATE_TARGETS: 'true',
      NOTIFIER_ALLOW_INSECURE_HTTP: '1',
    });
    expect(notifierSettings(local).targets).toEqual({
      allowInsecureHttp: true,
      allowPrivateTargets: true,
      privateNetworks: [],
    });
  });

  it("reads the deployment's own private networks, and refuses a block outside the private ranges", () => {
    const hospital = loadConfig({ NOTIFIER_PRIVATE_NETWORKS: '10.20.0.0/16' });
    expect(notifierSettings(hospital).targets.privateNetworks).toEqual([
      { network: '10.20.0.0', prefix: 16 },
    ]);
    const metadata = loadConfig({ NOTIFIER_PRIVATE_NETWORKS: '169.254.0.0/16' });
    expect(() => notifierSettings(metadata)).toThrow(
      'NOTIFIER_PRIVATE_NETWORKS: 169.254.0.0/16 is not inside a private range',
    );
  });

  it('refuses a lease no longer than a request: a second notifier would take it mid-request', () => {
    const config = loadConfig({ NOTIFIER_LEASE_MS: '10000', NOTIFIER_REQUEST_TIMEOUT_MS: '10000' });
    expect(() => notifierSettings(config)).toThrow(
      'NOTIFIER_LEASE_MS (10000) must be longer than NOTIFIER_REQUEST_TIMEOUT_MS (10000)',
    );
  });

  it('refuses to fan out more partitions at once than the pool has connections', () => {
    const config = loadConfig({ NOTIFIER_FAN_OUT_CONCURRENCY: '10', DATABASE_POOL_SIZE: '10' });
    expect(() => notifierSettings(config)).toThrow(
      'NOTIFIER_FAN_OUT_CONCURRENCY (10) must be below DATABASE_POOL_SIZE (10)',
    );
  });

  it('refuses a backoff cap below its base', () => {
    const config = loadConfig({ NOTIFIER_RETRY_BASE_MS: '5000', NOTIFIER_RETRY_MAX_MS: '1000' });
    expect(() => notifierSettings(config)).toThrow(
      'NOTIFIER_RETRY_MAX_MS (1000) must not be below NOTIFIER_RETRY_BASE_MS (5000)',
    );
  });

  it.each([
    ['NOTIFIER_ALLOW_PRIVATE_TARGETS', 'sometimes'],
    ['NOTIFIER_CONCURRENCY', '-1'],
    ['NOTIFIER_MAX_ATTEMPTS', '0'],
    ['NOTIFIER_HTTP_PORT', '70000'],
    ['WEBHOOK_SECRET_KEYS', 'no-key-here'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
