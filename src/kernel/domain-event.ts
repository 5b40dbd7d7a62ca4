import { randomUUID } from 'node:crypto';

/** Every kind of event the service records (the README's event catalogue). */
export const EVENT_TYPES = [
  'workspace.created',
  'workspace.renamed',
  'workspace.deleted',
  'membership.added',
  'membership.removed',
  'access_token.created',
  'access_token.deleted',
  'invitation.created',
  'invitation.accepted',
  'invitation.declined',
  'invitation.revoked',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Who made the change: the user, and the access token when one acted rather than the user's own bearer token. */
export interface EventActor {
  readonly userId: string;
  readonly accessTokenId: string | null;
}

/**
 * A change that happened: recorded in the transaction of the change (the audit log) and published
 * after it commits. `data` is what a consumer needs to know of the change; never a secret or a hash.
 */
export interface DomainEvent {
  readonly id: string;
  readonly type: EventType;
  readonly occurredAt: Date;
  /** Null for a change that belongs to no workspace (a user access token). */
  readonly workspaceId: string | null;
  readonly actor: EventActor;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A new event of `type` made by `actor` (anything with a user id and, for an access token, its id). */
export function domainEvent(
  type: EventType,
  input: { workspaceId: string | null; actor: { userId: string; accessTokenId?: string }; now: Date; data: Record<string, unknown> },
): DomainEvent {
  return {
    id: randomUUID(),
    type,
    occurredAt: input.now,
    workspaceId: input.workspaceId,
    actor: { userId: input.actor.userId, accessTokenId: input.actor.accessTokenId ?? null },
    data: input.data,
  };
}
