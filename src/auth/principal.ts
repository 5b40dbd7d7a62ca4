import type { Actor } from '../workspaces/domain/actor.js';

/** The authenticated caller of a request. */
export interface Principal extends Actor {
  readonly authenticatedWith: 'bearer' | 'access-token';
  /** With a workspace access token (Basic): the token and the membership it acts as. */
  readonly accessToken?: { readonly id: string; readonly workspaceId: string };
}
