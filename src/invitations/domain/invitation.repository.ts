import type { Transaction } from '../../kernel/unit-of-work.js';
import type { Invitation } from './invitation.js';

/** An invitation with the current name of its workspace, as answers show it. */
export interface InvitationListing {
  invitation: Invitation;
  workspaceName: string;
}

/**
 * Port: where invitations live. Changes to a workspace's invitations are made in a unit of work that
 * holds the workspace's lock (WorkspaceRepository.lock), which keeps the rules about them atomic.
 */
export abstract class InvitationRepository {
  /**
   * Stores a new invitation (AlreadyInvited when the address already has one stored as pending in the
   * workspace), or what may change of a stored one (its status and updatedAt), with its events.
   */
  abstract save(tx: Transaction, invitation: Invitation): void;

  /** The invitation with this id, if it belongs to this workspace (an id addressed through another workspace finds nothing). */
  abstract findInWorkspace(workspaceId: string, id: string): Promise<Invitation | null>;

  /** The invitation stored as pending for this address in the workspace (it may have expired since). */
  abstract findStoredPending(workspaceId: string, emailKey: string): Promise<Invitation | null>;

  /** Invitations of the workspace that are pending and not expired at `now`. */
  abstract countPending(workspaceId: string, now: Date): Promise<number>;

  /** Every invitation of the workspace, newest first. */
  abstract listByWorkspace(workspaceId: string): Promise<InvitationListing[]>;

  /** The invitations to this address that are pending and not expired at `now`, newest first. */
  abstract listPendingFor(emailKey: string, now: Date): Promise<InvitationListing[]>;
}
