import type { Transaction } from '../../kernel/unit-of-work.js';
import { presentedSecretHash, USER_TOKEN_PREFIX } from './access-token-secret.js';
import type { UserAccessToken } from './user-access-token.js';

/** Port: user access tokens, stored by the hash of their secret only. */
export abstract class UserAccessTokenRepository {
  /** Stores a new or deleted token and its events with the unit of work. */
  abstract save(tx: Transaction, token: UserAccessToken): void;

  /**
   * Holds back the user's other token changes until the unit of work ends, so that a limit checked
   * after it holds under concurrency (users have no row of their own to lock).
   */
  abstract lockTokensOf(tx: Transaction, userId: string): Promise<void>;

  /** How many tokens the user has, counted up to `upTo` at most. */
  abstract countByUser(userId: string, upTo: number): Promise<number>;

  abstract findByHash(hash: string): Promise<UserAccessToken | null>;

  abstract findById(id: string): Promise<UserAccessToken | null>;

  /** The user's tokens, oldest first, `skip` and `limit` as the contract's listing takes them. */
  abstract listByUser(userId: string, page: { skip: number; limit: number }): Promise<UserAccessToken[]>;

  /** The token whose secret is one of `forms`; only a form shaped like a user token's secret is looked up. */
  async findBySecret(forms: readonly string[]): Promise<UserAccessToken | null> {
    const hash = presentedSecretHash(forms, USER_TOKEN_PREFIX);
    return hash === undefined ? null : this.findByHash(hash);
  }
}
