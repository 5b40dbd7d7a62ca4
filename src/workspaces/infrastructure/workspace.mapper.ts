import { Workspace } from '../domain/workspace.js';
import { WorkspaceMembership } from '../domain/workspace-membership.js';
import type { WorkspaceSummary } from '../domain/workspace.repository.js';
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
      memberCount: row.memberCount,
    });
  },

  membershipToDomain(
    row: Pick<WorkspaceMembershipOrmEntity, 'id' | 'workspaceId' | 'userId' | 'privilege' | 'createdAt' | 'updatedAt'>,
  ): WorkspaceMembership {
    return WorkspaceMembership.restore({
      id: row.id,
      workspaceId: row.workspaceId,
      userId: row.userId,
      privilege: row.privilege,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    });
  },

  toSummary(row: Pick<WorkspaceOrmEntity, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'memberCount'>): WorkspaceSummary {
    return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt, memberCount: row.memberCount };
  },

  toPersistence(workspace: Workspace): WorkspaceOrmEntity {
    const row = new WorkspaceOrmEntity();
    row.id = workspace.id;
    row.name = workspace.name;
    row.billingAccountEmail = workspace.billingAccountEmail;
    row.createdAt = workspace.createdAt;
    row.updatedAt = workspace.updatedAt;
    row.memberCount = workspace.memberCount;
    return row;
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
};
