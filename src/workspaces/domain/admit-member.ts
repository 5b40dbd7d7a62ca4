import type { Actor } from '../../kernel/actor.js';
import type { MembershipLimits } from './membership-limits.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceMembership } from './workspace-membership.js';
import type { WorkspacePrivilege } from './workspace-privilege.js';
import type { WorkspaceRepository } from './workspace.repository.js';

/**
 * Admits a member into a workspace its unit of work holds locked (Workspace.admit), with what the
 * rules need read by index: whether the user is a member already, and their workspaces counted up to
 * the limit. Adding a member directly and accepting an invitation both come here.
 */
export async function admitMember(
  workspaces: WorkspaceRepository,
  workspace: Workspace,
  input: { userId: string; privilege: WorkspacePrivilege; actor: Actor; now: Date; limits: MembershipLimits; invitationId?: string },
): Promise<WorkspaceMembership> {
  const existing = await workspaces.findMembership(workspace.id, input.userId);
  const userWorkspaces = existing ? 0 : await workspaces.countWorkspacesOf(input.userId, input.limits.workspacesPerUser);
  return workspace.admit({ ...input, existing, userWorkspaces });
}
