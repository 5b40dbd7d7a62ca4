/** Whoever performs a use case: an authenticated user, with what their credential allows. */
export interface Actor {
  readonly userId: string;
  /** May create workspaces whose first owner is someone else. */
  readonly mayProvisionWorkspaces: boolean;
}
