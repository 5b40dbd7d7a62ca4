import { DomainError, RateLimitedError } from '../../common/domain-error.js';
import type { InvitationStatus } from './invitation-status.js';

/** Also what someone hears of an invitation they may neither manage nor answer. */
export class InvitationNotFound extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'INVITATION.NOT_FOUND';
  override readonly detailAsList = true;
  constructor() {
    super('Invitation not found');
  }
}

export class InvitationNotPending extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'INVITATION.NOT_PENDING';
  constructor(readonly status: InvitationStatus) {
    super(`The invitation is ${status}: only a pending invitation can be accepted, declined or revoked`);
  }
}

export class AlreadyInvited extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'INVITATION.ALREADY_PENDING';
  constructor() {
    super('This address already has a pending invitation to the workspace; revoke it to invite again');
  }
}

export class AlreadyMember extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'INVITATION.ALREADY_MEMBER';
  constructor() {
    super('The user with this email address is already a member of this workspace');
  }
}

export class PendingInvitationLimit extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'INVITATION.PENDING_LIMIT';
  constructor(limit: number) {
    super(`The workspace has ${limit} pending invitations, the most it may have; revoke some or wait until they are answered or expire`);
  }
}

/** Answering needs the invitee's own identity: a verified email address from the identity provider. */
export class InviteeIdentityRequired extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'INVITATION.INVITEE_IDENTITY_REQUIRED';
  constructor(reason: 'access-token' | 'unverified') {
    super(
      reason === 'access-token'
        ? 'An access token cannot see or answer invitations; use the bearer token of the invited user'
        : 'Invitations are answered with a bearer token whose email is verified (claims email and email_verified: true)',
    );
  }
}

/** Someone who may see the invitation (an owner, say) but is not its invitee. */
export class NotTheInvitee extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'INVITATION.NOT_THE_INVITEE';
  constructor() {
    super('Only the invited user may accept or decline an invitation');
  }
}

export class InvitationsNotVisible extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'INVITATION.NOT_ALLOWED';
  constructor() {
    super("Only the workspace's owners and admins may see its invitations");
  }
}

/** Too many invitation emails within the window, to one address or from one user: nothing is sent. */
export class InvitationEmailLimit extends RateLimitedError {
  readonly code = 'INVITATION.EMAIL_LIMIT';
  constructor(reached: 'address' | 'sender', retryAfterSeconds: number) {
    super(
      reached === 'address'
        ? 'This address has received as many invitation emails as it may for now; try again later'
        : 'You have sent as many invitation emails as you may for now; try again later',
      retryAfterSeconds,
    );
  }
}
