import type { Transaction } from '../../kernel/unit-of-work.js';
import { InvitationEmailLimit } from './invitation.errors.js';

/** How many invitation emails one subject (an address, a sender) was counted in its current window. */
export interface EmailWindow {
  sent: number;
  /** When the window began: it ends `windowMs` later, and the count starts again. */
  startedAt: Date;
}

export interface InvitationEmailLimits {
  perAddress: number;
  perSender: number;
  windowMs: number;
}

/**
 * Port: counts the invitation emails each address receives and each user makes the service send, in
 * windows that outlive invitations and workspaces (a revoked invitation's email was sent). Counts in
 * the invitation's unit of work at once (its row locks serialise one address's and one sender's
 * invitations until it ends): a refused invitation rolls its counts back with it.
 */
export abstract class InvitationEmailCounter {
  /** Counts one more email to `mailboxKey` from `senderId`; returns both windows with it counted. */
  abstract count(
    tx: Transaction,
    mailboxKey: string,
    senderId: string,
    now: Date,
    windowMs: number,
  ): Promise<{ address: EmailWindow; sender: EmailWindow }>;

  /** Forgets windows that ended before `now`; returns how many. */
  abstract forgetEnded(now: Date, windowMs: number): Promise<number>;
}

/** Refuses (InvitationEmailLimit, with when to try again) an email past either limit. */
export function assertWithinEmailLimits(
  counted: { address: EmailWindow; sender: EmailWindow },
  limits: InvitationEmailLimits,
  now: Date,
): void {
  const over = counted.address.sent > limits.perAddress ? 'address' : counted.sender.sent > limits.perSender ? 'sender' : undefined;
  if (!over) return;
  const endsAt = counted[over].startedAt.getTime() + limits.windowMs;
  throw new InvitationEmailLimit(over, Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)));
}
