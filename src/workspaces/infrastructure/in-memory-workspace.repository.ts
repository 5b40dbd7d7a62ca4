import type { DomainEvent } from '../../events/domain/domain-event.js';
import type { EventLog } from '../../events/application/event-log.js';
import { InMemoryEventLog } from '../../events/infrastructure/in-memory-event-log.js';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { MemberAlreadyExists, WorkspaceAlreadyExists, WorkspaceLimitReached, WorkspaceNotFound } from '../domain/workspace.errors.js';
import {
  WorkspaceRepository,
  type MembershipListing,
  type MembershipPage,
  type MembershipQuery,
  type WorkspaceListPage,
  type WorkspaceListPosition,
  type WorkspaceSummary,
} from '../domain/workspace.repository.js';
import { WorkspaceMapper } from './workspace.mapper.js';

/**
 * In-memory repositories for unit tests. They keep the same rules as the database (unique ids and
 * members); the repository contract suite runs against them and against TypeORM, so a test that
 * passes here means the same there. Other modules' fakes share the store to see its memberships.
 */
export class InMemoryWorkspaceStore {
  readonly workspaces = new Map<string, Workspace>();

  memberships(): WorkspaceMembership[] {
    return [...this.workspaces.values()].flatMap((workspace) => [...workspace.memberships]);
  }

  findMembership(membershipId: string): WorkspaceMembership | undefined {
    return this.memberships().find((m) => m.id === membershipId);
  }
}

/** Stored and read back through the mapper, as the database repository does: nothing is shared. */
const copy = (workspace: Workspace): Workspace => WorkspaceMapper.toDomain(WorkspaceMapper.toPersistence(workspace));

const summary = (workspace: Workspace): WorkspaceSummary => ({
  id: workspace.id,
  name: workspace.name,
  createdAt: workspace.createdAt,
  updatedAt: workspace.updatedAt,
});

const byJoinTime = (a: WorkspaceMembership, b: WorkspaceMembership) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export class InMemoryWorkspaceRepository extends WorkspaceRepository {
  constructor(
    private readonly store = new InMemoryWorkspaceStore(),
    private readonly events: EventLog = new InMemoryEventLog(),
  ) {
    super();
  }

  async insert(workspace: Workspace, events: readonly DomainEvent[] = [], options: { ownerWorkspaceLimit?: number } = {}): Promise<void> {
    if (this.store.workspaces.has(workspace.id)) throw new WorkspaceAlreadyExists();
    const limit = options.ownerWorkspaceLimit;
    if (limit !== undefined && (await this.countWorkspacesOf(workspace.memberships[0].userId, limit)) >= limit) {
      throw new WorkspaceLimitReached(limit);
    }
    assertUniqueMembers(workspace);
    this.store.workspaces.set(workspace.id, copy(workspace));
    await this.events.record(events);
  }

  countWorkspacesOf(userId: string, upTo: number): Promise<number> {
    return Promise.resolve(Math.min(upTo, this.store.memberships().filter((m) => m.belongsTo(userId)).length));
  }

  findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null> {
    const workspace = this.store.workspaces.get(id);
    return Promise.resolve(workspace?.hasMember(userId) ? summary(workspace) : null);
  }

  async findById(id: string): Promise<Workspace | null> {
    const workspace = this.store.workspaces.get(id);
    return workspace ? copy(workspace) : null;
  }

  async update<T>(id: string, change: (workspace: Workspace) => T | Promise<T>): Promise<T> {
    const stored = this.store.workspaces.get(id);
    if (!stored) throw new WorkspaceNotFound();
    const workspace = copy(stored);
    const result = await change(workspace);
    if (workspace.isDeleted) {
      this.store.workspaces.delete(id);
    } else {
      assertUniqueMembers(workspace);
      this.store.workspaces.set(id, copy(workspace));
    }
    return result;
  }

  async findMembershipById(id: string): Promise<WorkspaceMembership | null> {
    return this.store.findMembership(id) ?? null;
  }

  async findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null> {
    return this.store.workspaces.get(workspaceId)?.memberships.find((m) => m.userId === userId) ?? null;
  }

  async listMemberships(query: MembershipQuery): Promise<MembershipListing[]> {
    return [...this.store.workspaces.values()]
      .filter((w) => w.memberships.some((m) => m.userId === query.visibleTo))
      .filter((w) => query.withinWorkspaceId === undefined || w.id === query.withinWorkspaceId)
      .filter((w) => !query.workspaceIds?.length || query.workspaceIds.includes(w.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((w) =>
        [...w.memberships]
          .filter((m) => !query.userIds?.length || query.userIds.includes(m.userId))
          .filter((m) => !query.membershipIds?.length || query.membershipIds.includes(m.id))
          .sort(byJoinTime)
          .map((membership) => ({ membership, workspace: summary(w) })),
      );
  }

  async listMembershipsPage(query: MembershipQuery, page: { after?: string; limit: number }): Promise<MembershipPage> {
    const all = await this.listMemberships(query);
    const start = page.after === undefined ? 0 : all.findIndex((l) => l.membership.id === page.after) + 1;
    const listings = all.slice(start, start + page.limit);
    return { listings, next: start + page.limit < all.length ? listings.at(-1)!.membership.id : null };
  }

  async listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage> {
    const isAfter = (m: WorkspaceMembership, after: WorkspaceListPosition) =>
      m.createdAt.getTime() > after.joinedAt.getTime() ||
      (m.createdAt.getTime() === after.joinedAt.getTime() && m.workspaceId > after.workspaceId);
    const memberships = this.store
      .memberships()
      .filter((m) => m.userId === userId)
      .filter((m) => options.withinWorkspaceId === undefined || m.workspaceId === options.withinWorkspaceId)
      .filter((m) => !options.after || isAfter(m, options.after))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.workspaceId.localeCompare(b.workspaceId));
    const page = memberships.slice(0, options.limit);
    const last = page.at(-1);
    return {
      workspaces: page.map((m) => summary(this.store.workspaces.get(m.workspaceId)!)),
      next: memberships.length > options.limit && last ? { joinedAt: last.createdAt, workspaceId: last.workspaceId } : null,
    };
  }
}

function assertUniqueMembers(workspace: Workspace): void {
  const userIds = workspace.memberships.map((m) => m.userId);
  if (new Set(userIds).size !== userIds.length) throw new MemberAlreadyExists();
}
