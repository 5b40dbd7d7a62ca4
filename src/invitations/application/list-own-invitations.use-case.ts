import { Injectable } from '@nestjs/common';
import type { Actor } from '../../kernel/actor.js';
import { mailboxKey } from '../../users/domain/mailbox.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { inviteeAddress } from '../domain/invitee.js';

/** The invitations the actor may answer now: pending, not expired, to their verified email. */
@Injectable()
export class ListOwnInvitationsUseCase {
  constructor(private readonly invitations: InvitationRepository) {}

  async execute(input: { actor: Actor }): Promise<InvitationListing[]> {
    return this.invitations.listPendingFor(mailboxKey(inviteeAddress(input.actor)), new Date());
  }
}
