import type { Actor } from '../workspaces/domain/actor.js';

/** The authenticated caller of a request. */
export interface Principal extends Actor {
  readonly authenticatedWith: 'bearer' | 'access-token';
  /** With a workspace access token (Basic): which one (it acts only in `restrictedToWorkspaceId`). */
  readonly accessTokenId?: string;
}
