export enum WorkspacePrivilege {
  OWNER = 'ROLE_WORKSPACE_OWNER',
  ADMIN = 'ROLE_WORKSPACE_ADMIN',
  MEMBER = 'ROLE_WORKSPACE_MEMBER',
}

export const WORKSPACE_PRIVILEGES: readonly WorkspacePrivilege[] = Object.values(WorkspacePrivilege);
