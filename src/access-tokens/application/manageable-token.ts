import type { Actor } from '../../workspaces/domain/actor.js';
import type { AccessTokenCredential } from '../domain/workspace-access-token.repository.js';
import { WorkspacePolicy } from '../../workspaces/domain/workspace-policy.js';
import type { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import { ownMembership } from '../../workspaces/application/own-membership.js';

/**
 * Whether the actor may look up and revoke this token of the workspace: their own, or another
 * member's where the role rules would let them remove that member (an owner who finds a member's
 * leaked token revokes it). A non-member fails with the usual 404.
 */
export async function manageableToken(
  workspaces: WorkspaceRepository,
  actor: Actor,
  workspaceId: string,
  credential: AccessTokenCredential | null,
): Promise<AccessTokenCredential | null> {
  const own = await ownMembership(workspaces, actor, workspaceId);
  if (!credential || credential.workspaceId !== workspaceId) return null;
  if (credential.token.membershipId === own.id) return credential;
  const holder = await workspaces.findMembershipById(credential.token.membershipId);
  return holder && WorkspacePolicy.mayManageTokensOf(own.privilege, holder.privilege, false) ? credential : null;
}
