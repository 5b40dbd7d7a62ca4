import { setEntry, storeInMemory } from '../../database/in-memory-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { MembershipNotFound } from '../../workspaces/domain/workspace.errors.js';
import type { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
import { AccessTokenAlreadyExists } from '../domain/access-token.errors.js';
import type { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository, type AccessTokenCredential } from '../domain/workspace-access-token.repository.js';

/** What these tokens see of the memberships (the in-memory workspaces' store). */
interface Memberships {
  findMembership(membershipId: string): WorkspaceMembership | undefined;
}

/** For unit tests: the same rules as the database (see the repository contract suite). */
export class InMemoryWorkspaceAccessTokenRepository extends WorkspaceAccessTokenRepository {
  private readonly tokens = new Map<string, WorkspaceAccessToken>();

  constructor(private readonly store: Memberships) {
    super();
  }

  /** Tokens go with their membership, as ON DELETE CASCADE does. */
  private live(): WorkspaceAccessToken[] {
    for (const [id, token] of this.tokens) if (!this.store.findMembership(token.membershipId)) this.tokens.delete(id);
    return [...this.tokens.values()];
  }

  save(tx: Transaction, token: WorkspaceAccessToken): void {
    const isNew = token.isNew;
    storeInMemory(tx, {
      aggregate: token,
      check: () => {
        if (token.isRevoked || !isNew) return;
        if (!this.store.findMembership(token.membershipId)) throw new MembershipNotFound();
        if (this.live().some((t) => t.id === token.id || t.hash === token.hash)) throw new AccessTokenAlreadyExists();
      },
      apply: () => {
        if (token.isRevoked) return setEntry(this.tokens, token.id, undefined);
        return isNew ? setEntry(this.tokens, token.id, token) : () => undefined;
      },
    });
  }

  countByMembership(membershipId: string, upTo: number): Promise<number> {
    return Promise.resolve(Math.min(upTo, this.live().filter((t) => t.membershipId === membershipId).length));
  }

  async findCredentialByHash(hash: string): Promise<AccessTokenCredential | null> {
    return this.credentialOf(this.live().find((t) => t.hash === hash));
  }

  async findCredentialById(tokenId: string): Promise<AccessTokenCredential | null> {
    return this.credentialOf(this.live().find((t) => t.id === tokenId));
  }

  private credentialOf(token: WorkspaceAccessToken | undefined): AccessTokenCredential | null {
    const membership = token && this.store.findMembership(token.membershipId);
    if (!token || !membership) return null;
    return { token, userId: membership.userId, workspaceId: membership.workspaceId };
  }

  async listByMembership(membershipId: string): Promise<WorkspaceAccessToken[]> {
    return this.live()
      .filter((token) => token.membershipId === membershipId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }
}
