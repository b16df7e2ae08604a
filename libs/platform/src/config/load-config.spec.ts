import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the local stack defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://care_app:care_app@127.0.0.1:5432/care',
      DATABASE_OWNER_URL: 'postgres://care:care@127.0.0.1:5432/care',
      TEMPORAL_ADDRESS: '127.0.0.1:7233',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      API_PORT: 3000,
    });
  });

  it('splits and trims a broker list', () => {
    expect(loadConfig({ KAFKA_BROKERS: 'a:9092, b:9093' }).KAFKA_BROKERS).toEqual([
      'a:9092',
      'b:9093',
    ]);
  });

  it.each([
    ['API_PORT', 'eighty', 'API_PORT'],
    ['API_PORT', '70000', 'API_PORT'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL: must be a postgres:// connection URL'],
    ['DATABASE_OWNER_URL', 'x', 'DATABASE_OWNER_URL: must be a postgres:// connection URL'],
    ['CONSUMER_MAX_ATTEMPTS', '0', 'CONSUMER_MAX_ATTEMPTS'],
    ['TEMPORAL_ADDRESS', 'localhost', 'TEMPORAL_ADDRESS: must be host:port'],
    ['KAFKA_BROKERS', 'a:1,nope', 'KAFKA_BROKERS.1: must be host:port'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL'],
    ['PHI_ENCRYPTION_KEYS', 'no-key-here', 'PHI_ENCRYPTION_KEYS: must be id:base64key'],
    ['AUTH_JWT_SECRET', 'short', 'AUTH_JWT_SECRET'],
    ['AUTH_JWKS_URL', 'ftp://idp/keys', 'AUTH_JWKS_URL'],
  ])('rejects %s=%s naming the variable', (name, value, expected) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(expected);
  });

  it('lists every bad variable at once', () => {
    const load = () => loadConfig({ API_PORT: 'x', TEMPORAL_ADDRESS: 'y' });
    expect(load).toThrow(/- API_PORT: /);
    expect(load).toThrow(/- TEMPORAL_ADDRESS: /);
  });

  it('refuses the development encryption key and token secret in production', () => {
    const production = () => loadConfig({ NODE_ENV: 'production' });
    expect(production).toThrow('PHI_ENCRYPTION_KEYS: production needs its own keys');
    expect(production).toThrow('AUTH_JWT_SECRET: production needs AUTH_JWKS_URL or its own secret');
    expect(
      loadConfig({
        NODE_ENV: 'production',
        PHI_ENCRYPTION_KEYS: `prod-1:${Buffer.alloc(32, 7).toString('base64')}`,
        PHI_ENCRYPTION_KEY_ID: 'prod-1',
        AUTH_JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
      }).PHI_ENCRYPTION_KEY_ID,
    ).toBe('prod-1');
  });
});
