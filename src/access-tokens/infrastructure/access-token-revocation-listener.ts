import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../../config/app-config.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';

/** The channel the migrations' trigger announces deleted tokens on (payload: the hash, or '' for all). */
const REVOCATION_CHANNEL = 'workspace_access_token_revoked';
const CHECK_EVERY_MS = 10_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * Listens on PostgreSQL for deleted access tokens, on a connection of its own, and keeps the credential
 * cache in step: the cache is used only while this connection is up and answering. A lost or silent
 * connection switches the cache off (and empties it) until listening again. Not used on the embedded
 * database (one process: nothing to hear from), where the cache stays off.
 */
@Injectable()
export class AccessTokenRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AccessTokenCache');
  private client?: pg.Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private failures = 0;

  constructor(
    private readonly config: AppConfig,
    private readonly cache: AccessTokenCredentialCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.database.url || this.config.accessTokenCacheSeconds === 0) return;
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.cache.deactivate();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.database.url,
      connectionTimeoutMillis: this.config.database.connectTimeoutMs,
      query_timeout: this.config.database.connectTimeoutMs,
      keepAlive: true,
      // Tells this connection apart in pg_stat_activity (one per replica).
      application_name: `workspaces-service token revocations (pid ${process.pid})`,
    });
    client.on('error', () => undefined); // the connection then ends: see 'end'
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.failures++ === 0) {
        this.logger.warn(`Cannot listen for token revocations (${String(error)}): access tokens are looked up on every request`);
      }
      return this.retry();
    }
    if (this.stopped) return void client.end().catch(() => undefined);
    client.on('notification', (message) => this.cache.revoked(message.payload || undefined));
    client.on('end', () => this.lost(client));
    if (this.failures > 0) this.logger.log('Listening for token revocations again: access tokens are cached');
    this.failures = 0;
    this.client = client;
    this.cache.activate();
    this.timer = setTimeout(() => this.check(client), CHECK_EVERY_MS).unref();
  }

  /** A connection that no longer answers may also have stopped delivering notifications. */
  private check(client: pg.Client): void {
    client.query('SELECT 1').then(
      () => {
        if (this.client === client) this.timer = setTimeout(() => this.check(client), CHECK_EVERY_MS).unref();
      },
      () => void client.end().catch(() => undefined),
    );
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearTimeout(this.timer);
    this.cache.deactivate();
    if (this.stopped) return;
    this.failures = 1;
    this.logger.warn('Lost the connection that hears token revocations: access tokens are looked up on every request until it is back');
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    const delay = Math.min(RETRY_FIRST_MS * 2 ** (this.failures - 1), RETRY_MAX_MS);
    this.timer = setTimeout(() => void this.listen(), delay).unref();
  }
}
