import { randomUUID } from 'node:crypto';
import type { Actor } from '../../kernel/actor.js';
import { AggregateRoot } from '../../kernel/aggregate-root.js';
import { mailboxKey } from '../../users/domain/mailbox.js';
import { InvitationEvents } from './invitation-events.js';
import type { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { InvitationNotPending } from './invitation.errors.js';
import type { InvitationAnswer, InvitationStatus } from './invitation-status.js';

export interface InvitationProps {
  id: string;
  workspaceId: string;
  /** As the inviter gave it (in NFC), with the domain in lower case (as pydantic's EmailStr returns it). */
  email: string;
  privilege: WorkspacePrivilege;
  inviterId: string;
  /** As stored: an invitation stored as pending reads `expired` once `expiresAt` has passed. */
  status: InvitationStatus;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
}

/** The domain of an address in lower case (as pydantic's EmailStr returns it), the local part exactly as given. */
function normalizedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${address.slice(at + 1).toLowerCase()}`;
}

/**
 * An invitation to join a workspace with one role, sent to an email address. It is answered once
 * (accepted or declined) by the owner of that address, or revoked, while pending; after `expiresAt`
 * it reads expired, with no job having to run.
 */
export class Invitation extends AggregateRoot {
  private constructor(
    private readonly props: InvitationProps,
    isNew: boolean,
  ) {
    super(isNew);
  }

  /** A new invitation from `inviter` (whom the use case authorised to add a member of `privilege`). */
  static create(input: {
    workspaceId: string;
    email: string;
    privilege: WorkspacePrivilege;
    inviter: Actor;
    now: Date;
    validForMs: number;
  }): Invitation {
    const invitation = new Invitation(
      {
        id: randomUUID(),
        workspaceId: input.workspaceId,
        email: normalizedEmail(input.email),
        privilege: input.privilege,
        inviterId: input.inviter.userId,
        status: 'pending',
        createdAt: input.now,
        updatedAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.validForMs),
      },
      true,
    );
    invitation.record(InvitationEvents.created(invitation, input.inviter));
    return invitation;
  }

  static restore(props: InvitationProps): Invitation {
    return new Invitation({ ...props }, false);
  }

  statusAt(now: Date): InvitationStatus {
    return this.props.status === 'pending' && now.getTime() >= this.props.expiresAt.getTime() ? 'expired' : this.props.status;
  }

  isPendingAt(now: Date): boolean {
    return this.statusAt(now) === 'pending';
  }

  /** Whether the address is this invitation's mailbox (see mailboxKey: look-alike letters are other mailboxes). */
  isFor(address: string): boolean {
    return mailboxKey(address) === this.emailKey;
  }

  /** The invitee's answer (the use case checked that `actor` is the invitee). */
  answer(answer: InvitationAnswer, actor: Actor, now: Date): void {
    this.close(answer === 'accept' ? 'accepted' : 'declined', now);
    this.record(InvitationEvents.answered(this, answer, actor, now));
  }

  revoke(actor: Actor, now: Date): void {
    this.close('revoked', now);
    this.record(InvitationEvents.revoked(this, actor, now));
  }

  /**
   * Records that an invitation read as expired is closed (so that the address may be invited again);
   * it expired when `expiresAt` passed.
   */
  closeExpired(now: Date): void {
    if (this.statusAt(now) !== 'expired' || this.props.status === 'expired') return;
    this.props.status = 'expired';
    this.props.updatedAt = this.props.expiresAt;
  }

  /** Only a pending invitation changes; anything else is refused with nothing changed. */
  private close(status: Exclude<InvitationStatus, 'pending'>, now: Date): void {
    const current = this.statusAt(now);
    if (current !== 'pending') throw new InvitationNotPending(current);
    this.props.status = status;
    this.props.updatedAt = now;
  }

  get id(): string {
    return this.props.id;
  }
  get workspaceId(): string {
    return this.props.workspaceId;
  }
  get email(): string {
    return this.props.email;
  }
  get emailKey(): string {
    return mailboxKey(this.props.email);
  }
  get privilege(): WorkspacePrivilege {
    return this.props.privilege;
  }
  get inviterId(): string {
    return this.props.inviterId;
  }
  /** The status as stored; what a reader sees is statusAt(now). */
  get storedStatus(): InvitationStatus {
    return this.props.status;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }
  get expiresAt(): Date {
    return this.props.expiresAt;
  }
}
