import type { Workspace } from './workspace.js';
import { WorkspaceLimitReached } from './workspace.errors.js';
import type { WorkspaceRepository } from './workspace.repository.js';

/** Bounds on memberships (WORKSPACES_PER_USER_LIMIT, MEMBERS_PER_WORKSPACE_LIMIT). */
export interface MembershipLimits {
  workspacesPerUser: number;
  membersPerWorkspace: number;
}

/**
 * Refuses a new member when the workspace is full (MemberLimitReached) or the user belongs to as many
 * workspaces as one may (WorkspaceLimitReached); a user who is a member already is left to `admit`,
 * which refuses them as such. The user's workspaces are counted up to the limit only.
 */
export async function assertRoomToAdmit(
  workspace: Workspace,
  userId: string,
  workspaces: WorkspaceRepository,
  limits: MembershipLimits,
): Promise<void> {
  if (workspace.hasMember(userId)) return;
  workspace.assertRoomForMember(limits.membersPerWorkspace);
  if ((await workspaces.countWorkspacesOf(userId, limits.workspacesPerUser)) >= limits.workspacesPerUser) {
    throw new WorkspaceLimitReached(limits.workspacesPerUser);
  }
}
