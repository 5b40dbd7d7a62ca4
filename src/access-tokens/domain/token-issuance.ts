import { mayCreateCredentialsAndWorkspaces, type Actor } from '../../kernel/actor.js';
import { RestrictedCredential } from '../../workspaces/domain/workspace.errors.js';
import { InvalidExpiry } from './access-token.errors.js';

/**
 * Tokens of either kind are issued with the user's own bearer token (an access token makes none), and
 * expire in the future or never.
 */
export function assertMayIssueToken(actor: Actor, expiresAt: Date | null, now: Date): void {
  if (!mayCreateCredentialsAndWorkspaces(actor)) throw new RestrictedCredential('create access tokens');
  if (expiresAt && expiresAt.getTime() <= now.getTime()) throw new InvalidExpiry();
}
