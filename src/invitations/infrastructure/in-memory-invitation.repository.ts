import { setEntry, storeInMemory } from '../../database/in-memory-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { WorkspaceNotFound } from '../../workspaces/domain/workspace.errors.js';
import { AlreadyInvited } from '../domain/invitation.errors.js';
import type { Invitation } from '../domain/invitation.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { InvitationMapper } from './invitation.mapper.js';

/** Stored and read back through the mapper, as the database repository does: nothing is shared. */
const copy = (invitation: Invitation): Invitation => InvitationMapper.toDomain(InvitationMapper.toPersistence(invitation));

const newestFirst = (a: Invitation, b: Invitation) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);

/** What invitations see of the workspaces (the in-memory workspaces' store). */
interface Workspaces {
  readonly workspaces: ReadonlyMap<string, { readonly name: string }>;
}

/** For unit tests: the same rules as the database (see the repository contract suite). */
export class InMemoryInvitationRepository extends InvitationRepository {
  private readonly invitations = new Map<string, Invitation>();

  constructor(private readonly store: Workspaces) {
    super();
  }

  /** Invitations go with their workspace, as ON DELETE CASCADE does. */
  private live(): Invitation[] {
    for (const [id, invitation] of this.invitations) if (!this.store.workspaces.has(invitation.workspaceId)) this.invitations.delete(id);
    return [...this.invitations.values()];
  }

  save(tx: Transaction, invitation: Invitation): void {
    const isNew = invitation.isNew;
    const stored = copy(invitation);
    storeInMemory(tx, {
      aggregate: invitation,
      check: () => {
        if (!isNew) return;
        if (!this.store.workspaces.has(invitation.workspaceId)) throw new WorkspaceNotFound();
        const pending = this.live().some(
          (i) => i.workspaceId === invitation.workspaceId && i.emailKey === invitation.emailKey && i.storedStatus === 'pending',
        );
        if (pending) throw new AlreadyInvited();
      },
      apply: () => (isNew || this.invitations.has(invitation.id) ? setEntry(this.invitations, invitation.id, stored) : () => undefined),
    });
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<Invitation | null> {
    const found = this.live().find((invitation) => invitation.id === id && invitation.workspaceId === workspaceId);
    return found ? copy(found) : null;
  }

  async findStoredPending(workspaceId: string, emailKey: string): Promise<Invitation | null> {
    const found = this.live().find((i) => i.workspaceId === workspaceId && i.emailKey === emailKey && i.storedStatus === 'pending');
    return found ? copy(found) : null;
  }

  async countPending(workspaceId: string, now: Date): Promise<number> {
    return this.live().filter((i) => i.workspaceId === workspaceId && i.isPendingAt(now)).length;
  }

  async listByWorkspace(workspaceId: string): Promise<InvitationListing[]> {
    return this.listed(this.live().filter((i) => i.workspaceId === workspaceId));
  }

  async listPendingFor(emailKey: string, now: Date): Promise<InvitationListing[]> {
    return this.listed(this.live().filter((i) => i.emailKey === emailKey && i.isPendingAt(now)));
  }

  private listed(invitations: Invitation[]): InvitationListing[] {
    return invitations
      .sort(newestFirst)
      .map((invitation) => ({ invitation: copy(invitation), workspaceName: this.store.workspaces.get(invitation.workspaceId)!.name }));
  }
}
