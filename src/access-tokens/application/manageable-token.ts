import type { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
import { WorkspacePolicy } from '../../workspaces/domain/workspace-policy.js';
import type { WorkspaceRepository } from '../../workspaces/domain/workspace.repository.js';
import type { AccessTokenCredential } from '../domain/workspace-access-token.repository.js';

/**
 * Whether the member `own` may look up and revoke this token of their workspace: their own, or
 * another member's where the role rules would let them remove that member (an owner who finds a
 * member's leaked token revokes it).
 */
export async function manageableToken(
  workspaces: WorkspaceRepository,
  own: WorkspaceMembership,
  credential: AccessTokenCredential | null,
): Promise<AccessTokenCredential | null> {
  if (!credential || credential.workspaceId !== own.workspaceId) return null;
  if (credential.token.membershipId === own.id) return credential;
  const holder = await workspaces.findMembershipById(credential.token.membershipId);
  return holder && WorkspacePolicy.mayManageTokensOf(own.privilege, holder.privilege, false) ? credential : null;
}
