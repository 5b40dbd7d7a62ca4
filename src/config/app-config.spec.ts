import { readFileSync } from 'node:fs';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig, loadDatabaseConfig } from './app-config.js';

const SECRET = 'a-production-secret-of-at-least-32-chars';

describe('loadConfig', () => {
  it('starts a fresh clone with no configuration at all: embedded database, development secret', () => {
    const config = loadConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
    expect(config.database.embeddedDataDir).toBe('./data/pglite');
    expect(config.jwt).toMatchObject({ kind: 'secret', secret: DEVELOPMENT_JWT_SECRET, isDevelopmentDefault: true });
    expect(config.provisionScope).toBe('workspaces:provision');
  });

  it('reads the invitation, email and outbox settings, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      smtp: { url: undefined, from: 'Workspaces <no-reply@localhost>', serviceName: 'Workspaces' },
      outbox: { deliver: true, pollIntervalMs: 1000, retryBaseMs: 5000, retryMaxMs: 900_000, maxAttempts: 20 },
      invitations: {
        validForDays: 7,
        pendingLimit: 100,
        acceptUrlTemplate: undefined,
        emailsPerAddress: 5,
        emailsPerUser: 100,
        emailWindowHours: 24,
      },
    });
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465',
      SMTP_FROM: 'Acme <noreply@acme.example>',
      OUTBOX_DELIVERY: 'false',
      OUTBOX_POLL_INTERVAL_MS: '250',
      OUTBOX_RETRY_BASE_MS: '100',
      OUTBOX_RETRY_MAX_MS: '1000',
      OUTBOX_MAX_ATTEMPTS: '3',
      INVITATION_EXPIRY_DAYS: '14',
      INVITATION_PENDING_LIMIT: '5',
      INVITE_ACCEPT_URL: 'https://app.example.com/w/{workspaceId}/invites/{invitationId}',
      INVITATION_EMAILS_PER_ADDRESS: '2',
      INVITATION_EMAILS_PER_USER: '30',
      INVITATION_EMAIL_WINDOW_HOURS: '12',
      EMAIL_SERVICE_NAME: 'Acme Workspaces',
    });
    expect(config).toMatchObject({
      smtp: { url: 'smtps://mailer:pw@smtp.example.com:465', from: 'Acme <noreply@acme.example>', serviceName: 'Acme Workspaces' },
      outbox: { deliver: false, pollIntervalMs: 250, retryBaseMs: 100, retryMaxMs: 1000, maxAttempts: 3 },
      invitations: {
        validForDays: 14,
        pendingLimit: 5,
        acceptUrlTemplate: 'https://app.example.com/w/{workspaceId}/invites/{invitationId}',
        emailsPerAddress: 2,
        emailsPerUser: 30,
        emailWindowHours: 12,
      },
    });
  });

  it('refuses bad invitation, email and outbox settings, naming each (and never echoing a password)', () => {
    let error: unknown;
    try {
      loadConfig({
        SMTP_URL: 'http://mailer:hunter2@smtp.example.com',
        INVITE_ACCEPT_URL: 'app.example.com/invites/{id}',
        INVITATION_EXPIRY_DAYS: '0',
        INVITATION_PENDING_LIMIT: 'many',
        INVITATION_EMAILS_PER_ADDRESS: '0',
        INVITATION_EMAILS_PER_USER: '-1',
        INVITATION_EMAIL_WINDOW_HOURS: '1.5',
        EMAIL_SERVICE_NAME: 'Evil\r\nBcc: x@example.com',
        OUTBOX_MAX_ATTEMPTS: '0',
        OUTBOX_DELIVERY: 'yes',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of [
      'SMTP_URL',
      'INVITE_ACCEPT_URL',
      'INVITATION_EXPIRY_DAYS',
      'INVITATION_PENDING_LIMIT',
      'INVITATION_EMAILS_PER_ADDRESS',
      'INVITATION_EMAILS_PER_USER',
      'INVITATION_EMAIL_WINDOW_HOURS',
      'EMAIL_SERVICE_NAME',
      'OUTBOX_MAX_ATTEMPTS',
      'OUTBOX_DELIVERY',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('hunter2');
  });

  it('reads the event settings, with their defaults, and refuses bad ones', () => {
    expect(loadConfig({})).toMatchObject({
      outbox: { topics: undefined },
      events: { natsUrl: undefined, subjectPrefix: 'workspaces', streamName: 'WORKSPACE_EVENTS', streamMaxAgeDays: 7, retentionDays: 365 },
    });
    expect(
      loadConfig({
        OUTBOX_TOPICS: 'event, email',
        NATS_URL: 'nats://nats.internal:4222',
        EVENTS_SUBJECT_PREFIX: 'acme.workspaces',
        EVENTS_STREAM: 'ACME_EVENTS',
        EVENTS_STREAM_MAX_AGE_DAYS: '0',
        EVENTS_RETENTION_DAYS: '30',
      }),
    ).toMatchObject({
      outbox: { topics: ['event', 'email'] },
      events: {
        natsUrl: 'nats://nats.internal:4222',
        subjectPrefix: 'acme.workspaces',
        streamName: 'ACME_EVENTS',
        streamMaxAgeDays: 0,
        retentionDays: 30,
      },
    });
    for (const [name, value] of [
      ['NATS_URL', 'http://nats.internal:4222'],
      ['EVENTS_SUBJECT_PREFIX', 'workspaces.>'],
      ['EVENTS_SUBJECT_PREFIX', 'a..b'],
      ['EVENTS_STREAM', 'my.stream'],
      ['EVENTS_RETENTION_DAYS', '0'],
    ]) {
      expect(() => loadConfig({ [name]: value })).toThrow(name);
    }
  });

  it('every setting it reads is in .env.example and in the README', () => {
    const source = readFileSync(new URL('./app-config.ts', import.meta.url), 'utf8');
    const names = [...source.matchAll(/\b(?:read|integer|boolean|url|oneOf|matching|readUrlTemplate)\('([A-Z][A-Z0-9_]+)'/g)].map(
      (match) => match[1],
    );
    expect(names.length).toBeGreaterThan(30);
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(names.filter((name) => !example.includes(name))).toEqual([]);
    expect(names.filter((name) => !readme.includes(`\`${name}\``))).toEqual([]);
  });

  it('reads every setting', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '8080',
      LOG_LEVEL: 'warn',
      BODY_LIMIT_BYTES: '2048',
      DATABASE_URL: 'postgres://app:pw@db:5432/workspaces',
      DATABASE_POOL_SIZE: '20',
      AUTH_JWKS_URL: 'https://idp.example.com/.well-known/jwks.json',
      AUTH_ISSUER: 'https://idp.example.com/',
      AUTH_AUDIENCE: 'workspaces',
      AUTH_PROVISION_SCOPE: 'admin:provision',
      AUTH_CHECK_SCOPE: 'authz:check',
    });
    expect(config).toMatchObject({
      nodeEnv: 'production',
      host: '127.0.0.1',
      port: 8080,
      logLevel: 'warn',
      bodyLimitBytes: 2048,
      database: { url: 'postgres://app:pw@db:5432/workspaces', poolSize: 20 },
      jwt: { kind: 'jwks', issuer: 'https://idp.example.com/', audience: 'workspaces' },
      provisionScope: 'admin:provision',
      checkScope: 'authz:check',
    });
  });

  const problemsOf = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('expected a ConfigError');
  };

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a URL with the scheme postgres or postgresql'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE must be a whole number from 1 to 100'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET must be at least 32 characters long'],
    [{ AUTH_JWKS_URL: 'https://idp/jwks' }, 'AUTH_ISSUER is required with AUTH_JWKS_URL'],
    [{ AUTH_JWKS_URL: 'https://idp/jwks', AUTH_JWT_SECRET: SECRET }, 'set either AUTH_JWKS_URL or AUTH_JWT_SECRET, not both'],
    [{ NODE_ENV: 'production', AUTH_JWT_SECRET: SECRET }, 'DATABASE_URL is required in production'],
    [
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' },
      'AUTH_JWKS_URL (with AUTH_ISSUER and AUTH_AUDIENCE) or AUTH_JWT_SECRET is required in production',
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(problemsOf(env)).toContain(message);
  });

  it('reports every problem at once and never echoes a password', () => {
    const message = problemsOf({ PORT: 'x', DATABASE_URL: 'mysql://user:hunter2@db/x' });
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ port: 3000, database: { url: undefined } });
  });

  describe('safe defaults', () => {
    it('with the public development secret: listens on 127.0.0.1 unless HOST says otherwise', () => {
      expect(loadConfig({}).host).toBe('127.0.0.1');
      expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
      expect(loadConfig({ AUTH_JWT_SECRET: SECRET }).host).toBe('0.0.0.0');
    });

    it('refuses the development secret on PostgreSQL unless NODE_ENV=development is set explicitly', () => {
      const url = 'postgres://app@db:5432/workspaces';
      for (const env of [{ DATABASE_URL: url }, { DATABASE_URL: url, NODE_ENV: 'test' }]) {
        expect(() => loadConfig(env)).toThrow(/public development secret must never guard real data/);
      }
      expect(loadConfig({ DATABASE_URL: url, NODE_ENV: 'development' })).toMatchObject({ host: '127.0.0.1', database: { url } });
      expect(loadConfig({ DATABASE_URL: url, AUTH_JWT_SECRET: SECRET }).jwt).toMatchObject({ isDevelopmentDefault: false });
    });

    it('requires exp, limits failed authentications, caches no tokens, trusts no proxy', () => {
      const config = loadConfig({});
      expect(config.jwt.requireExpiry).toBe(true);
      expect(config).toMatchObject({ authFailureLimit: 30, authFailureWindowSeconds: 60, accessTokenCacheSeconds: 0, trustProxy: false });
      expect(loadConfig({ AUTH_REQUIRE_EXP: 'false' }).jwt.requireExpiry).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
      expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
      expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
      expect(() => loadConfig({ AUTH_REQUIRE_EXP: 'no' })).toThrow(/AUTH_REQUIRE_EXP/);
    });
  });

  it("takes pino's level names too", () => {
    expect(loadConfig({ LOG_LEVEL: 'info' }).logLevel).toBe('log');
    expect(loadConfig({ LOG_LEVEL: 'trace' }).logLevel).toBe('verbose');
    expect(loadConfig({ LOG_LEVEL: 'fatal' }).logLevel).toBe('fatal');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('gives the migration commands their database settings without asking for authentication settings', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example.com/workspaces', DATABASE_POOL_SIZE: '3' };
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(loadDatabaseConfig(env)).toMatchObject({ url: 'postgres://db.example.com/workspaces', poolSize: 3 });
    expect(() => loadDatabaseConfig({ ...env, DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a URL');
  });
});
