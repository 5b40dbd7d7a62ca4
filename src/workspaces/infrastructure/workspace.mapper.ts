import { Workspace } from '../domain/workspace.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceMembership } from '../domain/workspace-membership.js';
import type { WorkspaceSummary } from '../domain/workspace.repository.js';
import { WorkspaceAccessTokenOrmEntity } from './workspace-access-token.orm-entity.js';
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

/** Translates between the domain and the rows; the only place that knows both. */
export const WorkspaceMapper = {
  toDomain(row: WorkspaceOrmEntity): Workspace {
    return Workspace.restore({
      id: row.id,
      name: row.name,
      billingAccountEmail: row.billingAccountEmail,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      memberships: (row.memberships ?? []).map((membership) => WorkspaceMapper.membershipToDomain(membership)),
    });
  },

  membershipToDomain(row: WorkspaceMembershipOrmEntity): WorkspaceMembership {
    return WorkspaceMembership.restore({
      id: row.id,
      workspaceId: row.workspaceId,
      userId: row.userId,
      privilege: row.privilege,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  },

  toSummary(row: WorkspaceOrmEntity): WorkspaceSummary {
    return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt };
  },

  accessTokenToDomain(row: WorkspaceAccessTokenOrmEntity): WorkspaceAccessToken {
    return WorkspaceAccessToken.restore({
      id: row.id,
      membershipId: row.membershipId,
      name: row.name,
      hash: row.hash,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
    });
  },

  membershipToPersistence(membership: WorkspaceMembership): WorkspaceMembershipOrmEntity {
    const row = new WorkspaceMembershipOrmEntity();
    row.id = membership.id;
    row.workspaceId = membership.workspaceId;
    row.userId = membership.userId;
    row.privilege = membership.privilege;
    row.createdAt = membership.createdAt;
    row.updatedAt = membership.updatedAt;
    return row;
  },

  accessTokenToPersistence(token: WorkspaceAccessToken): WorkspaceAccessTokenOrmEntity {
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
