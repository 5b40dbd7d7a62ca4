import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenOrmEntity } from './workspace-access-token.orm-entity.js';

/** Translates between access tokens and their rows; the only place that knows both. */
export const AccessTokenMapper = {
  toDomain(row: WorkspaceAccessTokenOrmEntity): WorkspaceAccessToken {
    return WorkspaceAccessToken.restore({
      id: row.id,
      membershipId: row.membershipId,
      name: row.name,
      hash: row.hash,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    });
  },

  toPersistence(token: WorkspaceAccessToken): WorkspaceAccessTokenOrmEntity {
    const row = new WorkspaceAccessTokenOrmEntity();
    row.id = token.id;
    row.membershipId = token.membershipId;
    row.name = token.name;
    row.hash = token.hash;
    row.createdAt = token.createdAt;
    row.expiresAt = token.expiresAt;
    return row;
  },
};
