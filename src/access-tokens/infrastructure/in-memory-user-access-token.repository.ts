import { setEntry, storeInMemory } from '../../database/in-memory-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { AccessTokenAlreadyExists } from '../domain/access-token.errors.js';
import { UserAccessToken } from '../domain/user-access-token.js';
import { UserAccessTokenRepository } from '../domain/user-access-token.repository.js';

const copy = (token: UserAccessToken): UserAccessToken =>
  UserAccessToken.restore({
    id: token.id,
    userId: token.userId,
    name: token.name,
    hash: token.hash,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
  });

/** For unit tests: the same rules as the database (see the repository contract suite). */
export class InMemoryUserAccessTokenRepository extends UserAccessTokenRepository {
  private readonly tokens = new Map<string, UserAccessToken>();

  save(tx: Transaction, token: UserAccessToken): void {
    const isNew = token.isNew;
    const stored = copy(token);
    storeInMemory(tx, {
      aggregate: token,
      check: () => {
        if (!token.isRevoked && isNew && [...this.tokens.values()].some((t) => t.id === token.id || t.hash === token.hash)) {
          throw new AccessTokenAlreadyExists();
        }
      },
      apply: () => {
        if (token.isRevoked) return setEntry(this.tokens, token.id, undefined);
        return isNew ? setEntry(this.tokens, token.id, stored) : () => undefined;
      },
    });
  }

  /** One unit of work at a time in a test: nothing to wait for. */
  async lockTokensOf(): Promise<void> {}

  countByUser(userId: string, upTo: number): Promise<number> {
    return Promise.resolve(Math.min(upTo, [...this.tokens.values()].filter((t) => t.userId === userId).length));
  }

  async findByHash(hash: string): Promise<UserAccessToken | null> {
    const found = [...this.tokens.values()].find((t) => t.hash === hash);
    return found ? copy(found) : null;
  }

  async findById(id: string): Promise<UserAccessToken | null> {
    const found = this.tokens.get(id);
    return found ? copy(found) : null;
  }

  async listByUser(userId: string, page: { skip: number; limit: number }): Promise<UserAccessToken[]> {
    return [...this.tokens.values()]
      .filter((t) => t.userId === userId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .slice(page.skip, page.skip + page.limit)
      .map(copy);
  }
}
