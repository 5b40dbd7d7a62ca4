import { Injectable } from '@nestjs/common';
import { PG_FOREIGN_KEY_VIOLATION, PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import { store } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { countUpTo } from '../../database/bounded-count.js';
import { Database } from '../../database/database.js';
import { MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import { AccessTokenAlreadyExists } from '../domain/access-token.errors.js';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository, type AccessTokenCredential } from '../domain/workspace-access-token.repository.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';
import { AccessTokenMapper } from './access-token.mapper.js';
import { WorkspaceAccessTokenOrmEntity } from './workspace-access-token.orm-entity.js';

/** A token whose membership is gone, or the same token stored twice, as the domain's errors. */
function translate(violation: { code: string }): Error | undefined {
  if (violation.code === PG_FOREIGN_KEY_VIOLATION) return new MembershipNotFound();
  if (violation.code === PG_UNIQUE_VIOLATION) return new AccessTokenAlreadyExists();
  return undefined;
}

@Injectable()
export class TypeOrmWorkspaceAccessTokenRepository extends WorkspaceAccessTokenRepository {
  constructor(
    private readonly db: Database,
    private readonly cache: AccessTokenCredentialCache,
  ) {
    super();
  }

  save(tx: Transaction, token: WorkspaceAccessToken): void {
    const isNew = token.isNew;
    if (token.isRevoked) {
      // This replica's cache forgets it once the unit of work commits (AccessTokenRevocations); the others hear of it from the database.
      store(tx, {
        aggregate: token,
        statements: [{ table: 'workspace_access_tokens', sql: 'DELETE FROM workspace_access_tokens WHERE id = $1', params: [token.id] }],
      });
    } else if (isNew) {
      store(tx, {
        aggregate: token,
        batches: [{ target: WorkspaceAccessTokenOrmEntity, rows: [AccessTokenMapper.toPersistence(token)] }],
        translate,
      });
    }
  }

  /** On every Basic-authenticated request: from the cache, else one indexed lookup (the unique hash), written lean. */
  async countByMembership(membershipId: string, upTo: number): Promise<number> {
    // workspace_access_tokens_membership_id_idx
    return countUpTo(this.db.manager, 'workspace_access_tokens', 'membership_id', membershipId, upTo);
  }

  async findCredentialByHash(hash: string): Promise<AccessTokenCredential | null> {
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const position = this.cache.position();
    const credential = await this.findCredential('hash', hash);
    if (credential) this.cache.put(hash, credential, position);
    return credential;
  }

  async findCredentialById(tokenId: string): Promise<AccessTokenCredential | null> {
    return this.findCredential('id', tokenId);
  }

  private async findCredential(by: 'hash' | 'id', value: string): Promise<AccessTokenCredential | null> {
    const [row] = await this.db.select<WorkspaceAccessTokenOrmEntity & { userId: string; workspaceId: string }>(
      `SELECT t.id, t.membership_id AS "membershipId", t.name, t.hash, t.created_at AS "createdAt",
              t.expires_at AS "expiresAt", m.user_id AS "userId", m.workspace_id AS "workspaceId"
         FROM workspace_access_tokens t JOIN workspace_memberships m ON m.id = t.membership_id
        WHERE t.${by} = $1`,
      [value],
    );
    return row ? { token: AccessTokenMapper.toDomain(row), userId: row.userId, workspaceId: row.workspaceId } : null;
  }

  async listByMembership(membershipId: string): Promise<WorkspaceAccessToken[]> {
    const rows = await this.db.manager.find(WorkspaceAccessTokenOrmEntity, {
      where: { membershipId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => AccessTokenMapper.toDomain(row));
  }
}
