/** Bounds on memberships (WORKSPACES_PER_USER_LIMIT, MEMBERS_PER_WORKSPACE_LIMIT). */
export interface MembershipLimits {
  workspacesPerUser: number;
  membersPerWorkspace: number;
}
