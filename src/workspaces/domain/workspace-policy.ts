import { WorkspacePrivilege } from './workspace-privilege.js';

const { OWNER, ADMIN } = WorkspacePrivilege;

/**
 * Who may do what in a workspace, in one place. OWNER has full control; ADMIN manages settings and
 * non-owner members; MEMBER only views and uses (and may leave).
 */
export const WorkspacePolicy = {
  mayRename: (actor: WorkspacePrivilege): boolean => actor === OWNER || actor === ADMIN,

  mayDelete: (actor: WorkspacePrivilege): boolean => actor === OWNER,
  /** Who did what: the audit log. */
  mayReadEvents: (actor: WorkspacePrivilege): boolean => actor === OWNER || actor === ADMIN,
  /** The billing address (in the audit log's workspace.created): billing is the owners' business. */
  mayReadBilling: (actor: WorkspacePrivilege): boolean => actor === OWNER,

  mayAddMember: (actor: WorkspacePrivilege, added: WorkspacePrivilege): boolean => actor === OWNER || (actor === ADMIN && added !== OWNER),

  mayRemoveMember,

  /** Looking up and revoking a member's access tokens follows the rules for removing that member. */
  mayManageTokensOf: mayRemoveMember,
};

function mayRemoveMember(actor: WorkspacePrivilege, removed: WorkspacePrivilege, isSelf: boolean): boolean {
  return isSelf || actor === OWNER || (actor === ADMIN && removed !== OWNER);
}
