import { InvitationPolicy } from '../../invitations/domain/invitation-policy.js';
import { WorkspacePolicy } from '../../workspaces/domain/workspace-policy.js';
import { WORKSPACE_PRIVILEGES, WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';

const { OWNER, ADMIN, MEMBER } = WorkspacePrivilege;
const anyMember = (): boolean => true;

/**
 * What a caller may ask about (POST /api/v1/authorization/check): one stable name per row of the
 * README's who-may-do-what table, each answered by the rule the endpoint itself applies
 * (WorkspacePolicy, InvitationPolicy), given the user's role in the workspace. Someone who is not a
 * member may do none of them.
 */
export const WORKSPACE_ACTIONS = {
  /** See the workspace and its members, list or read memberships. */
  'workspace.read': anyMember,
  'workspace.rename': WorkspacePolicy.mayRename,
  'workspace.delete': WorkspacePolicy.mayDelete,
  /** Add an admin or a member. */
  'membership.add': (role: WorkspacePrivilege) => WorkspacePolicy.mayAddMember(role, MEMBER) && WorkspacePolicy.mayAddMember(role, ADMIN),
  'membership.add_owner': (role: WorkspacePrivilege) => WorkspacePolicy.mayAddMember(role, OWNER),
  /** Remove another admin or member. */
  'membership.remove': (role: WorkspacePrivilege) =>
    WorkspacePolicy.mayRemoveMember(role, MEMBER, false) && WorkspacePolicy.mayRemoveMember(role, ADMIN, false),
  /** Remove another owner. */
  'membership.remove_owner': (role: WorkspacePrivilege) => WorkspacePolicy.mayRemoveMember(role, OWNER, false),
  /** Remove one's own membership (never the last owner's: that is a 409, whoever asks). */
  'membership.leave': (role: WorkspacePrivilege) => WorkspacePolicy.mayRemoveMember(role, role, true),
  /** Create, list, delete and look up one's own access tokens in the workspace. */
  'access_token.manage_own': anyMember,
  /** Look up and delete an admin's or a member's access token. */
  'access_token.manage_members': (role: WorkspacePrivilege) =>
    WorkspacePolicy.mayManageTokensOf(role, MEMBER, false) && WorkspacePolicy.mayManageTokensOf(role, ADMIN, false),
  /** Invite an admin or a member. */
  'invitation.create': (role: WorkspacePrivilege) =>
    WorkspacePolicy.mayAddMember(role, MEMBER) && WorkspacePolicy.mayAddMember(role, ADMIN),
  'invitation.create_owner': (role: WorkspacePrivilege) => WorkspacePolicy.mayAddMember(role, OWNER),
  'invitation.list': InvitationPolicy.mayList,
  /** Revoke an invitation of an admin or a member (and, whatever its role, one's own). */
  'invitation.revoke': (role: WorkspacePrivilege) =>
    WorkspacePolicy.mayAddMember(role, MEMBER) && WorkspacePolicy.mayAddMember(role, ADMIN),
  'audit_log.read': WorkspacePolicy.mayReadEvents,
} as const satisfies Record<string, (role: WorkspacePrivilege) => boolean>;

export type WorkspaceAction = keyof typeof WORKSPACE_ACTIONS;

export const WORKSPACE_ACTION_NAMES = Object.keys(WORKSPACE_ACTIONS) as WorkspaceAction[];

/** Whether a member of role `role` may do `action`; nobody outside the workspace may (null). */
export function mayDo(action: WorkspaceAction, role: WorkspacePrivilege | null): boolean {
  return role !== null && WORKSPACE_ACTIONS[action](role);
}

/** The roles whose members may do `action`, in the order owner, admin, member. */
export function rolesAllowedTo(action: WorkspaceAction): WorkspacePrivilege[] {
  return WORKSPACE_PRIVILEGES.filter((role) => mayDo(action, role));
}
