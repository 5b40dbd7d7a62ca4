/**
 * Typed, validated configuration. Everything the service reads from the environment is read here,
 * once, at start; a bad value stops the start with a message that names the variable.
 */
export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export type JwtVerification = (
  | { kind: 'jwks'; jwksUrl: URL; issuer: string; audience: string }
  | { kind: 'secret'; secret: string; issuer?: string; audience?: string; isDevelopmentDefault: boolean }
) & {
  /** Refuse tokens without `exp` (they would never expire). */
  requireExpiry: boolean;
};

export interface DatabaseConfig {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  url?: string;
  /** Where the embedded database keeps its files; `memory://` keeps it in memory. */
  embeddedDataDir: string;
  poolSize: number;
  /** How long a request waits for a connection before it fails with 503. */
  connectTimeoutMs: number;
  /** How long one query may take before it is abandoned (a cut connection never answers). */
  queryTimeoutMs: number;
}

export type LogFormat = 'json' | 'pretty';

export interface SmtpConfig {
  /** smtp:// or smtps:// connection string; absent means emails are written to the log instead. */
  url?: string;
  /** The sender of every email. */
  from: string;
  /** How emails name the service that sent them. */
  serviceName: string;
}

export interface OutboxConfig {
  /** Whether this replica delivers messages (false: it only writes them; other replicas deliver). */
  deliver: boolean;
  /** The topics this replica delivers (`email`, `event`); absent: every topic it can. */
  topics?: readonly string[];
  /** How often each replica looks for messages to deliver. */
  pollIntervalMs: number;
  /** Retry after a failed delivery: the first wait, doubled after each failure up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a message is given up on (kept, marked failed, logged as an error). */
  maxAttempts: number;
}

export interface InvitationsConfig {
  validForDays: number;
  /** Pending invitations a workspace may have at once. */
  pendingLimit: number;
  /**
   * Invitation emails one address may receive, and one user may make the service send, within
   * `emailWindowHours` (across workspaces; a revoked invitation's email counts).
   */
  emailsPerAddress: number;
  emailsPerUser: number;
  emailWindowHours: number;
  /** The link in the invitation email; `{invitationId}` and `{workspaceId}` are replaced. */
  acceptUrlTemplate?: string;
}

/** Bounds on what one caller can make the service keep (each a conflict beyond it). */
export interface LimitsConfig {
  /** Workspaces one user may belong to (creating, being added, accepting an invitation). */
  workspacesPerUser: number;
  membersPerWorkspace: number;
  /** Workspace access tokens of one membership, and user access tokens of one user. */
  tokensPerMembership: number;
  userTokensPerUser: number;
  /** Idempotency-Keys one caller may have stored (within IDEMPOTENCY_TTL_HOURS). */
  idempotencyKeysPerCaller: number;
}

export interface EventsConfig {
  /** nats:// (or tls://) address of the NATS server; absent means events are recorded, not published. */
  natsUrl?: string;
  /** Events go to `<subjectPrefix>.<workspaceId>.<type>`. */
  subjectPrefix: string;
  /** The JetStream stream that holds them (created when missing) and how long it keeps them (0: no limit). */
  streamName: string;
  streamMaxAgeDays: number;
  /** How long the audit log keeps an event. */
  retentionDays: number;
}

export class AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly host: string;
  readonly port: number;
  readonly logLevel: LogLevel;
  readonly logFormat: LogFormat;
  readonly bodyLimitBytes: number;
  /** A request that takes longer is answered 503 and its connection closed. */
  readonly requestTimeoutMs: number;
  /** On SIGTERM: how long readiness reports down before the server stops accepting connections. */
  readonly shutdownDrainDelayMs: number;
  /** On SIGTERM: how long in-flight requests may take to finish before the process gives up. */
  readonly shutdownTimeoutMs: number;
  /** How long an Idempotency-Key and its first answer are kept. */
  readonly idempotencyTtlHours: number;
  /** How long a used access token is remembered (0: looked up on every request); revocations end it at once. */
  readonly accessTokenCacheSeconds: number;
  readonly database: DatabaseConfig;
  readonly jwt: JwtVerification;
  /** The token scope (or permission) that allows creating workspaces for other users. */
  readonly provisionScope: string;
  /** The bearer token scope that lets a caller check what other users may do (POST /api/v1/authorization/check). */
  readonly checkScope: string;
  /** Failed authentications a client may have per window before it is refused with 429 (0: no limit). */
  readonly authFailureLimit: number;
  readonly authFailureWindowSeconds: number;
  /** Which proxies' `X-Forwarded-For` to believe for the client's address: none, all, a hop count or addresses. */
  readonly trustProxy: boolean | number | string[];
  readonly smtp: SmtpConfig;
  readonly outbox: OutboxConfig;
  readonly invitations: InvitationsConfig;
  readonly events: EventsConfig;
  readonly limits: LimitsConfig;

  constructor(values: { [K in keyof AppConfig]: AppConfig[K] }) {
    Object.assign(this, values);
  }
}

/** Known to everyone: accepted only outside production, so that a fresh clone starts with no setup. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-do-not-use-in-production';

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
/** pino's names for Nest's levels, as people used to pino type them. */
const LOG_LEVEL_ALIASES: Record<string, LogLevel> = { info: 'log', trace: 'verbose' };
const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];
/** A NATS subject without wildcards, and a JetStream stream name. */
const NATS_SUBJECT = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,7}$/;
const NATS_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The service's settings, validated: every problem is reported at once (ConfigError).
 * `authRequired: false` (the migration commands) skips the checks of the authentication settings.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: { authRequired?: boolean } = {}): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = read(name) ?? fallback;
    if (!allowed.includes(value as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === 'false') return raw === 'true';
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const matching = (name: string, pattern: RegExp, what: string, fallback: string): string => {
    const value = read(name) ?? fallback;
    if (pattern.test(value)) return value;
    problems.push(`${name} must be ${what} (got "${value}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): URL | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return parsed;
    } catch {
      const schemes = protocols.map((protocol) => protocol.replace(':', '')).join(' or ');
      problems.push(`${name} must be a URL with the scheme ${schemes} (got "${redact(raw)}")`);
      return undefined;
    }
  };

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const production = nodeEnv === 'production';

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  if (production && !read('DATABASE_URL')) {
    problems.push('DATABASE_URL is required in production (the embedded database is for development only)');
  }

  const authProblems: string[] = [];
  const jwt = readJwtVerification(read, url, authProblems, production, boolean('AUTH_REQUIRE_EXP', true));
  const developmentSecret = jwt.kind === 'secret' && jwt.isDevelopmentDefault;
  if (developmentSecret && read('DATABASE_URL') && read('NODE_ENV') !== 'development') {
    authProblems.push(
      'DATABASE_URL is set but no AUTH_* setting is: the public development secret must never guard real data. ' +
        'Set AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE) or AUTH_JWT_SECRET, or NODE_ENV=development to accept it on this database',
    );
  }
  if (options.authRequired !== false) problems.push(...authProblems);

  const config = new AppConfig({
    nodeEnv,
    // With the public development secret anyone can mint tokens: reachable from this machine only, unless HOST says otherwise.
    host: read('HOST') ?? (developmentSecret ? '127.0.0.1' : '0.0.0.0'),
    port: integer('PORT', 3000, 0, 65535),
    logLevel: LOG_LEVEL_ALIASES[read('LOG_LEVEL') ?? ''] ?? oneOf('LOG_LEVEL', LOG_LEVELS, 'log'),
    logFormat: oneOf('LOG_FORMAT', LOG_FORMATS, nodeEnv === 'development' ? 'pretty' : 'json'),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 102_400, 1_024, 10_485_760),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 1_000, 600_000),
    shutdownDrainDelayMs: integer('SHUTDOWN_DRAIN_DELAY_MS', 0, 0, 120_000),
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000),
    idempotencyTtlHours: integer('IDEMPOTENCY_TTL_HOURS', 24, 24, 24 * 30),
    accessTokenCacheSeconds: integer('ACCESS_TOKEN_CACHE_SECONDS', 0, 0, 3_600),
    database: {
      url: databaseUrl?.toString(),
      embeddedDataDir: read('DATA_DIR') ?? './data/pglite',
      poolSize: integer('DATABASE_POOL_SIZE', 10, 1, 100),
      connectTimeoutMs: integer('DATABASE_CONNECT_TIMEOUT_MS', 2_000, 100, 60_000),
      queryTimeoutMs: integer('DATABASE_QUERY_TIMEOUT_MS', 5_000, 100, 600_000),
    },
    jwt,
    provisionScope: read('AUTH_PROVISION_SCOPE') ?? 'workspaces:provision',
    checkScope: read('AUTH_CHECK_SCOPE') ?? 'workspaces:check',
    authFailureLimit: integer('AUTH_FAILURE_LIMIT', 30, 0, 1_000_000),
    authFailureWindowSeconds: integer('AUTH_FAILURE_WINDOW_SECONDS', 60, 1, 86_400),
    trustProxy: readTrustProxy(read('TRUST_PROXY'), problems),
    smtp: {
      url: url('SMTP_URL', ['smtp:', 'smtps:'])?.toString(),
      from: read('SMTP_FROM') ?? 'Workspaces <no-reply@localhost>',
      serviceName: matching('EMAIL_SERVICE_NAME', /^[^\p{Cc}\p{Zl}\p{Zp}]{1,64}$/u, 'one line of 1 to 64 characters', 'Workspaces'),
    },
    outbox: {
      deliver: boolean('OUTBOX_DELIVERY', true),
      topics: read('OUTBOX_TOPICS')
        ?.split(',')
        .map((topic) => topic.trim())
        .filter((topic) => topic !== ''),
      pollIntervalMs: integer('OUTBOX_POLL_INTERVAL_MS', 1_000, 10, 60_000),
      retryBaseMs: integer('OUTBOX_RETRY_BASE_MS', 5_000, 10, 3_600_000),
      retryMaxMs: integer('OUTBOX_RETRY_MAX_MS', 900_000, 10, 86_400_000),
      maxAttempts: integer('OUTBOX_MAX_ATTEMPTS', 20, 1, 1_000),
    },
    events: {
      natsUrl: url('NATS_URL', ['nats:', 'tls:'])?.toString(),
      subjectPrefix: matching('EVENTS_SUBJECT_PREFIX', NATS_SUBJECT, 'dot-separated words of letters, digits, - and _', 'workspaces'),
      streamName: matching('EVENTS_STREAM', NATS_NAME, 'letters, digits, - and _', 'WORKSPACE_EVENTS'),
      streamMaxAgeDays: integer('EVENTS_STREAM_MAX_AGE_DAYS', 7, 0, 36_500),
      retentionDays: integer('EVENTS_RETENTION_DAYS', 365, 1, 36_500),
    },
    invitations: {
      validForDays: integer('INVITATION_EXPIRY_DAYS', 7, 1, 365),
      pendingLimit: integer('INVITATION_PENDING_LIMIT', 100, 1, 100_000),
      emailsPerAddress: integer('INVITATION_EMAILS_PER_ADDRESS', 5, 1, 1_000_000),
      emailsPerUser: integer('INVITATION_EMAILS_PER_USER', 100, 1, 1_000_000),
      emailWindowHours: integer('INVITATION_EMAIL_WINDOW_HOURS', 24, 1, 24 * 30),
      acceptUrlTemplate: readUrlTemplate('INVITE_ACCEPT_URL', read('INVITE_ACCEPT_URL'), problems),
    },
    limits: {
      workspacesPerUser: integer('WORKSPACES_PER_USER_LIMIT', 1_000, 1, 1_000_000),
      membersPerWorkspace: integer('MEMBERS_PER_WORKSPACE_LIMIT', 1_000_000, 1, 100_000_000),
      tokensPerMembership: integer('ACCESS_TOKENS_PER_MEMBERSHIP_LIMIT', 100, 1, 100_000),
      userTokensPerUser: integer('USER_ACCESS_TOKENS_PER_USER_LIMIT', 100, 1, 100_000),
      idempotencyKeysPerCaller: integer('IDEMPOTENCY_KEYS_PER_CALLER_LIMIT', 10_000, 1, 10_000_000),
    },
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readJwtVerification(
  read: (name: string) => string | undefined,
  url: (name: string, protocols: string[]) => URL | undefined,
  problems: string[],
  production: boolean,
  requireExpiry: boolean,
): JwtVerification {
  const jwksUrl = url('AUTH_JWKS_URL', ['https:', 'http:']);
  const secret = read('AUTH_JWT_SECRET');
  const issuer = read('AUTH_ISSUER');
  const audience = read('AUTH_AUDIENCE');

  if (read('AUTH_JWKS_URL') !== undefined && secret !== undefined) {
    problems.push('set either AUTH_JWKS_URL or AUTH_JWT_SECRET, not both');
  }
  if (read('AUTH_JWKS_URL') !== undefined) {
    if (!issuer) problems.push('AUTH_ISSUER is required with AUTH_JWKS_URL');
    if (!audience) problems.push('AUTH_AUDIENCE is required with AUTH_JWKS_URL');
    return { kind: 'jwks', jwksUrl: jwksUrl ?? new URL('http://invalid'), issuer: issuer ?? '', audience: audience ?? '', requireExpiry };
  }
  if (secret !== undefined) {
    if (secret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters long');
    return { kind: 'secret', secret, issuer, audience, isDevelopmentDefault: false, requireExpiry };
  }
  if (production) {
    problems.push('AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE) or AUTH_JWT_SECRET is required in production');
  }
  return { kind: 'secret', secret: DEVELOPMENT_JWT_SECRET, issuer, audience, isDevelopmentDefault: true, requireExpiry };
}

/** `false` (default), `true`, a number of proxy hops, or a comma-separated list of proxy addresses or CIDRs. */
function readTrustProxy(raw: string | undefined, problems: string[]): boolean | number | string[] {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (addresses.length === 0 || addresses.some((a) => !/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(a))) {
    problems.push(`TRUST_PROXY must be true, false, a number of hops or a comma-separated list of addresses (got "${raw}")`);
    return false;
  }
  return addresses;
}

/** An http(s) URL in which `{invitationId}` and `{workspaceId}` stand for values. */
function readUrlTemplate(name: string, raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const example = raw
    .replaceAll('{invitationId}', '00000000-0000-4000-8000-000000000000')
    .replaceAll('{workspaceId}', '00000000-0000-4000-8000-000000000000');
  let protocol = '';
  try {
    protocol = new URL(example).protocol;
  } catch {
    // reported below
  }
  if ((protocol !== 'https:' && protocol !== 'http:') || /[{}]/.test(example)) {
    problems.push(`${name} must be an http or https URL, with {invitationId} (and {workspaceId}) where the ids go (got "${raw}")`);
    return undefined;
  }
  return raw;
}

/** Never echo a password from a connection string into a log or an error. */
function redact(value: string): string {
  return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** The database settings alone, for the migration commands (they need no authentication settings). */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return loadConfig(env, { authRequired: false }).database;
}
