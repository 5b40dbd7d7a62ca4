/** Whoever performs a use case: an authenticated user, with what their credential allows. */
export interface Actor {
  readonly userId: string;
  /** May create workspaces whose first owner is someone else. */
  readonly mayProvisionWorkspaces: boolean;
  /** May ask what other users may do (POST /api/v1/authorization/check about another user): a bearer token's scope. */
  readonly mayCheckOthers?: boolean;
  /** Set for a workspace access token: the actor acts only inside this workspace. */
  readonly restrictedToWorkspaceId?: string;
  /** Set when an access token (of either kind) acts, rather than the user's own bearer token. */
  readonly accessTokenId?: string;
  /** The email address the identity provider verified (bearer tokens with email_verified: true). */
  readonly verifiedEmail?: string;
}

export function mayActIn(actor: Actor, workspaceId: string): boolean {
  return actor.restrictedToWorkspaceId === undefined || actor.restrictedToWorkspaceId === workspaceId;
}

/**
 * An access token (a workspace's or a user's) creates no workspaces and mints no tokens of either
 * kind, so that a leaked token cannot make itself permanent. Those need the user's own bearer token.
 */
export function mayCreateCredentialsAndWorkspaces(actor: Actor): boolean {
  return actor.accessTokenId === undefined && actor.restrictedToWorkspaceId === undefined;
}
