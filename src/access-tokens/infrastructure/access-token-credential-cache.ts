import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { AccessTokenCredential } from '../domain/workspace-access-token.repository.js';

const MAX_ENTRIES = 10_000;

/**
 * Recently used access tokens, by hash, so that a Basic-authenticated request does not look its token
 * up again. Used only while this replica hears of every revocation (AccessTokenRevocationListener
 * activates it); a revocation makes it forget the token at once, and an entry is kept at most
 * ACCESS_TOKEN_CACHE_SECONDS. A token's expiry is still checked on every request.
 */
@Injectable()
export class AccessTokenCredentialCache {
  private readonly entries = new Map<string, { credential: AccessTokenCredential; until: number }>();
  private readonly ttlMs: number;
  private active = false;
  /** Counts revocations: a lookup that started before one may not store what it read. */
  private revocations = 0;

  constructor(config: AppConfig) {
    this.ttlMs = config.accessTokenCacheSeconds * 1000;
  }

  get(hash: string): AccessTokenCredential | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.credential;
    this.entries.delete(hash);
    return undefined;
  }

  /** Taken before a lookup and handed to `put` with its result. */
  position(): number {
    return this.revocations;
  }

  put(hash: string, credential: AccessTokenCredential, position: number): void {
    if (!this.active || position !== this.revocations) return;
    this.entries.delete(hash);
    this.entries.set(hash, { credential, until: Date.now() + this.ttlMs });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A token was deleted (by hash), or, without a hash, any number of them. */
  revoked(hash?: string): void {
    this.revocations++;
    if (hash) this.entries.delete(hash);
    else this.entries.clear();
  }

  /** Revocations are heard from now on (nothing from before is kept). */
  activate(): void {
    this.entries.clear();
    this.active = this.ttlMs > 0;
  }

  /** Revocations may go unheard: keep nothing until activated again. */
  deactivate(): void {
    this.active = false;
    this.revoked();
  }
}
