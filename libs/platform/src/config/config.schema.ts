import { z } from 'zod';

const hostPort = z.string().regex(/^[\w.-]+:\d{1,5}$/, 'must be host:port');
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// connection URL');
const port = z.coerce.number().int().min(1).max(65535);

/** Development only: production refuses to start with these. */
const DEVELOPMENT_JWT_SECRET = 'care-transition-engine development signing secret';
const DEVELOPMENT_ENCRYPTION_KEYS = 'dev-1:nEAI101vnOSIoP6ae4IhjaiIOJz4t2ZFR5CCePCCoQs=';

/** Every setting of every app, read from the environment. Defaults fit the local stack. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Write JSON logs to this file instead of standard output. */
    LOG_FILE: z.string().min(1).optional(),
    /** The application role: it may append events but never update or delete them. */
    DATABASE_URL: postgresUrl.default('postgres://care_app:care_app@127.0.0.1:5432/care'),
    /**
     * The relay's login: the app role's rights, and alone may hand out the analytics stream's
     * pseudonymous keys. Used by the relay and by replays.
     */
    RELAY_DATABASE_URL: postgresUrl.default('postgres://care_relay:care_relay@127.0.0.1:5432/care'),
    /** The schema owner, used only by migrations and projection rebuilds. */
    DATABASE_OWNER_URL: postgresUrl.default('postgres://care:care@127.0.0.1:5432/care'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('care-episodes'),
    /** Where operations staff open a workflow's history: the console links to it. */
    TEMPORAL_UI_URL: z.url().default('http://127.0.0.1:8233'),
    /** The built operations console the api serves at /console. */
    CONSOLE_DIR: z.string().min(1).default('dist/console'),
    KAFKA_BROKERS: z
      .string()
      .default('127.0.0.1:9092')
      .transform((value) => value.split(',').map((broker) => broker.trim()))
      .pipe(z.array(hostPort).min(1)),
    KAFKA_CLIENT_ID: z.string().min(1).default('care-engine'),
    KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(5).default(1),
    API_PORT: port.default(3000),
    RELAY_METRICS_PORT: port.default(9464),
    /** The worker's probes: /health and /ready. */
    WORKER_HTTP_PORT: port.default(9465),
    /** Loopback port of Temporal's own exporter in the worker process, merged into its /metrics. */
    WORKER_TEMPORAL_METRICS_PORT: port.default(9466),
    RELAY_POLL_INTERVAL_MS: z.coerce.number().int().min(1).max(60_000).default(100),
    RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    /** How often a standby relay tries to take the leader lock. */
    RELAY_STANDBY_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    /** Attempts a consumer makes at one message before it goes to the dead-letter topic. */
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
    PROJECTION_POLL_INTERVAL_MS: z.coerce.number().int().min(1).max(60_000).default(200),
    /** AES-256 keys for payloads in Temporal, `id:base64key[,id:base64key...]`; see README. */
    PHI_ENCRYPTION_KEYS: z
      .string()
      .regex(
        /^[\w.-]+:[A-Za-z0-9+/]+={0,2}(,[\w.-]+:[A-Za-z0-9+/]+={0,2})*$/,
        'must be id:base64key[,id:base64key...]',
      )
      .default(DEVELOPMENT_ENCRYPTION_KEYS),
    /** The key new payloads are encrypted with; listed in PHI_ENCRYPTION_KEYS. */
    PHI_ENCRYPTION_KEY_ID: z.string().min(1).default('dev-1'),
    /** HS256 secret for bearer tokens when no JWKS URL is set (at least 32 characters). */
    AUTH_JWT_SECRET: z.string().min(32).default(DEVELOPMENT_JWT_SECRET),
    /** Production identity provider's key set; when set, tokens must be signed by it. */
    AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_ISSUER: z.string().min(1).default('care-transition-engine'),
    AUTH_AUDIENCE: z.string().min(1).default('care-api'),
    /** Requests one client (bearer credential, else address) may make per minute. */
    /** Queued feed messages applied to episodes at once by each api instance; 0 turns it off. */
    INTAKE_DISPATCH_CONCURRENCY: z.coerce.number().int().min(0).max(512).default(32),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6000),
    /** The tenant whose ADT feed the MLLP listener takes; without it there is no listener. */
    MLLP_TENANT: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a tenant slug')
      .optional(),
    /** Port of the MLLP listener (0: any free port). */
    MLLP_PORT: z.coerce.number().int().min(0).max(65535).default(2575),
    MLLP_HOST: z.string().min(1).default('127.0.0.1'),
    /** Browser origins allowed to call the api, e.g. the Temporal UI using the codec endpoint. */
    API_CORS_ORIGINS: z
      .string()
      .default('http://localhost:8233,http://127.0.0.1:8233')
      .transform((value) => value.split(',').map((origin) => origin.trim()))
      .pipe(z.array(z.url()).min(1)),
    /** The notifier's /health, /ready and /metrics. */
    NOTIFIER_HTTP_PORT: port.default(9467),
    /** The topic the notifier turns into webhook deliveries, and its consumer group there. */
    NOTIFIER_TOPIC: z.string().min(1).default('care.episodes.v1'),
    NOTIFIER_CONSUMER_GROUP: z.string().min(1).default('care-notifier'),
    /** Webhook requests one notifier has in flight at once; 0 only records deliveries. */
    NOTIFIER_CONCURRENCY: z.coerce.number().int().min(0).max(1024).default(32),
    /** Partitions the notifier fans out at once, each in order; keep DATABASE_POOL_SIZE above it. */
    NOTIFIER_FAN_OUT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
    /** Attempts at one delivery before it is dead (redeliverable through the api). */
    NOTIFIER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
    /** Exponential backoff with full jitter between attempts: base, then its cap. */
    NOTIFIER_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
    NOTIFIER_RETRY_MAX_MS: z.coerce.number().int().min(1).max(86_400_000).default(3_600_000),
    /** How long one webhook request may take, connection included. */
    NOTIFIER_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** A claimed delivery's lease: a notifier that dies holding it loses it after this. */
    NOTIFIER_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
    /** Polling for due deliveries, besides the wake-up each new one sends. */
    NOTIFIER_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
    /** Delivered webhooks are kept this long, then deleted; pending and dead ones stay. */
    NOTIFIER_DELIVERED_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** Local development and tests only: loopback and private (RFC 1918, ULA) targets. */
    NOTIFIER_ALLOW_PRIVATE_TARGETS: z.stringbool().default(false),
    /**
     * The deployment's own private networks webhooks may go to (a hospital's receiver on its
     * network), as comma-separated CIDR blocks inside 10/8, 172.16/12, 192.168/16 or fc00::/7.
     */
    NOTIFIER_PRIVATE_NETWORKS: z.string().default(''),
    /** Local development and tests only: http: targets besides https:. */
    NOTIFIER_ALLOW_INSECURE_HTTP: z.stringbool().default(false),
    /** AES-256 keys for webhook signing secrets at rest, `id:base64key[,...]`; see README. */
    WEBHOOK_SECRET_KEYS: z
      .string()
      .regex(
        /^[\w.-]+:[A-Za-z0-9+/]+={0,2}(,[\w.-]+:[A-Za-z0-9+/]+={0,2})*$/,
        'must be id:base64key[,id:base64key...]',
      )
      .default('dev-webhooks-1:mNBUX2IeWfBn0jDzFWH6lB+BeUHkuj0VGj+4GfnkQ9c='),
    WEBHOOK_SECRET_KEY_ID: z.string().min(1).default('dev-webhooks-1'),
    /** The reporter's /health, /ready and /metrics. */
    REPORTER_HTTP_PORT: port.default(9468),
    /** The de-identified stream the reporter builds its tables from, and its consumer group. */
    REPORTER_TOPIC: z.string().min(1).default('care.episodes.analytics.v1'),
    REPORTER_CONSUMER_GROUP: z.string().min(1).default('care-reporter'),
    /** Partitions the reporter applies at once, each in order; keep DATABASE_POOL_SIZE above it. */
    REPORTER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(3),
  })
  .superRefine((config, context) => {
    if (
      config.NODE_ENV === 'production' &&
      !config.AUTH_JWKS_URL &&
      config.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET
    ) {
      context.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'production needs AUTH_JWKS_URL or its own secret, not the development secret',
      });
    }
    if (
      config.NODE_ENV === 'production' &&
      config.PHI_ENCRYPTION_KEYS.includes(DEVELOPMENT_ENCRYPTION_KEYS)
    ) {
      context.addIssue({
        code: 'custom',
        path: ['PHI_ENCRYPTION_KEYS'],
        message: 'production needs its own keys, not the development key',
      });
    }
  });

export type AppConfig = z.output<typeof configSchema>;

export const configVariableNames = Object.keys(configSchema.shape) as (keyof AppConfig)[];
