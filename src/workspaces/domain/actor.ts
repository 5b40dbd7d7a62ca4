/** Whoever performs a use case: an authenticated user, with what their credential allows. */
export interface Actor {
  readonly userId: string;
  /** May create workspaces whose first owner is someone else. */
  readonly mayProvisionWorkspaces: boolean;
  /** Set for a workspace access token: the actor acts only inside this workspace. */
  readonly restrictedToWorkspaceId?: string;
  /** The email address the identity provider verified (bearer tokens with email_verified: true). */
  readonly verifiedEmail?: string;
}

export function mayActIn(actor: Actor, workspaceId: string): boolean {
  return actor.restrictedToWorkspaceId === undefined || actor.restrictedToWorkspaceId === workspaceId;
}

/**
 * A workspace access token acts only inside its workspace: it creates no workspaces and mints no
 * tokens, so that a leaked token cannot make itself permanent. Those need the user's own credential.
 */
export function mayCreateCredentialsAndWorkspaces(actor: Actor): boolean {
  return actor.restrictedToWorkspaceId === undefined;
}
