import { Workspace } from '../domain/workspace.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository, type AccessTokenCredential } from '../domain/workspace-access-token.repository.js';
import { WorkspaceMembership } from '../domain/workspace-membership.js';
import { AccessTokenAlreadyExists, MemberAlreadyExists, MembershipNotFound, WorkspaceAlreadyExists } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';

/**
 * In-memory repositories for unit tests. They keep the same rules as the database (unique ids,
 * tokens belong to an existing membership, unique hashes); the repository contract suite runs
 * against them and against TypeORM, so a test that passes here means the same there.
 */
export class InMemoryWorkspaceStore {
  readonly workspaces = new Map<string, Workspace>();
  readonly tokens = new Map<string, WorkspaceAccessToken>();

  findMembership(membershipId: string): WorkspaceMembership | undefined {
    for (const workspace of this.workspaces.values()) {
      const membership = workspace.memberships.find((m) => m.id === membershipId);
      if (membership) return membership;
    }
    return undefined;
  }

  tokensOf(membershipId: string): WorkspaceAccessToken[] {
    return [...this.tokens.values()]
      .filter((token) => token.membershipId === membershipId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }
}

export class InMemoryWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly store = new InMemoryWorkspaceStore()) {
    super();
  }

  async insert(workspace: Workspace): Promise<void> {
    if (this.store.workspaces.has(workspace.id)) throw new WorkspaceAlreadyExists();
    const memberIds = workspace.memberships.map((m) => m.userId);
    if (new Set(memberIds).size !== memberIds.length) throw new MemberAlreadyExists();
    this.store.workspaces.set(workspace.id, workspace);
  }

  async findById(id: string): Promise<Workspace | null> {
    const workspace = this.store.workspaces.get(id);
    if (!workspace) return null;
    return Workspace.restore({
      id: workspace.id,
      name: workspace.name,
      billingAccountEmail: workspace.billingAccountEmail,
      createdAt: workspace.createdAt,
      updatedAt: workspace.updatedAt,
      memberships: workspace.memberships.map((membership) =>
        WorkspaceMembership.restore({
          id: membership.id,
          workspaceId: membership.workspaceId,
          userId: membership.userId,
          privilege: membership.privilege,
          createdAt: membership.createdAt,
          updatedAt: membership.updatedAt,
          accessTokens: this.store.tokensOf(membership.id),
        }),
      ),
    });
  }
}

export class InMemoryWorkspaceAccessTokenRepository extends WorkspaceAccessTokenRepository {
  constructor(private readonly store: InMemoryWorkspaceStore) {
    super();
  }

  async insert(token: WorkspaceAccessToken): Promise<void> {
    if (!this.store.findMembership(token.membershipId)) throw new MembershipNotFound();
    const clash = [...this.store.tokens.values()].some((t) => t.id === token.id || t.hash === token.hash);
    if (clash) throw new AccessTokenAlreadyExists();
    this.store.tokens.set(token.id, token);
  }

  async findCredentialByHash(hash: string): Promise<AccessTokenCredential | null> {
    const token = [...this.store.tokens.values()].find((t) => t.hash === hash);
    const membership = token && this.store.findMembership(token.membershipId);
    if (!token || !membership) return null;
    return { token, userId: membership.userId, workspaceId: membership.workspaceId };
  }
}
