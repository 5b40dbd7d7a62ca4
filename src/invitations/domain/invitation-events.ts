import { domainEvent, type DomainEvent } from '../../kernel/domain-event.js';
import type { Actor } from '../../kernel/actor.js';
import type { InvitationAnswer } from './invitation-status.js';
import type { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';

/** What events say of an invitation (the invitation records its events with these). */
interface Invitation {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly privilege: WorkspacePrivilege;
  readonly inviterId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

const invitationData = (invitation: Invitation): Record<string, unknown> => ({
  invitationId: invitation.id,
  email: invitation.email,
  privilege: invitation.privilege,
  inviterId: invitation.inviterId,
  expiresAt: invitation.expiresAt.toISOString(),
});

const ANSWERED = { accept: 'invitation.accepted', decline: 'invitation.declined' } as const;

/** The events of invitations (accepting one also adds a membership: WorkspaceEvents.memberAdded). */
export const InvitationEvents = {
  created(invitation: Invitation, actor: Actor): DomainEvent {
    return domainEvent('invitation.created', {
      workspaceId: invitation.workspaceId,
      actor,
      now: invitation.createdAt,
      data: invitationData(invitation),
    });
  },

  answered(invitation: Invitation, answer: InvitationAnswer, actor: Actor, now: Date): DomainEvent {
    return domainEvent(ANSWERED[answer], { workspaceId: invitation.workspaceId, actor, now, data: invitationData(invitation) });
  },

  revoked(invitation: Invitation, actor: Actor, now: Date): DomainEvent {
    return domainEvent('invitation.revoked', { workspaceId: invitation.workspaceId, actor, now, data: invitationData(invitation) });
  },
};
