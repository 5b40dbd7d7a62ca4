import type { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
import { WorkspacePolicy } from '../../workspaces/domain/workspace-policy.js';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import type { Invitation } from './invitation.js';

/**
 * Who may do what with invitations. Inviting is adding a member of the invited role
 * (Workspace.authorizeAdding); an invitation is managed (seen, revoked) by whoever may add its role,
 * and by its inviter.
 */
export const InvitationPolicy = {
  mayList: (actor: WorkspacePrivilege): boolean => actor === WorkspacePrivilege.OWNER || actor === WorkspacePrivilege.ADMIN,

  mayManage: (actor: WorkspaceMembership, invitation: Invitation): boolean =>
    WorkspacePolicy.mayAddMember(actor.privilege, invitation.privilege) || invitation.inviterId === actor.userId,
};
