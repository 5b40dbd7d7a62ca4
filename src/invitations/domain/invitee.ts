import type { Actor } from '../../kernel/actor.js';
import { InviteeIdentityRequired } from './invitation.errors.js';

/**
 * The address whose invitations the actor sees and answers: the email their identity provider
 * verified. An access token (of either kind) has none: it never answers an invitation.
 */
export function inviteeAddress(actor: Actor): string {
  if (actor.accessTokenId !== undefined || actor.restrictedToWorkspaceId !== undefined) throw new InviteeIdentityRequired('access-token');
  if (actor.verifiedEmail === undefined) throw new InviteeIdentityRequired('unverified');
  return actor.verifiedEmail;
}
