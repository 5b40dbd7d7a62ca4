import { setEntry, storeInMemory } from '../../database/in-memory-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { MemberAlreadyExists, WorkspaceAlreadyExists, WorkspaceLimitReached } from '../domain/workspace.errors.js';
import {
  WorkspaceRepository,
  type MembershipListing,
  type MembershipPage,
  type MembershipPosition,
  type MemberRole,
  type MemberRolePage,
  type MembershipQuery,
  type WorkspaceListPage,
  type WorkspaceListPosition,
  type WorkspaceSummary,
} from '../domain/workspace.repository.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { WorkspaceMapper } from './workspace.mapper.js';

/**
 * In-memory repositories for unit tests. They keep the same rules as the database (unique ids and
 * members); the repository contract suite runs against them and against TypeORM, so a test that
 * passes here means the same there. Other modules' fakes share the store to see its memberships.
 */
export class InMemoryWorkspaceStore {
  readonly workspaces = new Map<string, Workspace>();
  readonly memberships = new Map<string, WorkspaceMembership>();

  /** Memberships go with their workspace, as ON DELETE CASCADE does. */
  live(): WorkspaceMembership[] {
    return [...this.memberships.values()].filter((m) => this.workspaces.has(m.workspaceId));
  }

  findMembership(membershipId: string): WorkspaceMembership | undefined {
    const membership = this.memberships.get(membershipId);
    return membership && this.workspaces.has(membership.workspaceId) ? membership : undefined;
  }
}

/** Stored and read back through the mapper, as the database repository does: nothing is shared. */
const copy = (workspace: Workspace): Workspace => WorkspaceMapper.toDomain(WorkspaceMapper.toPersistence(workspace));
const copyMembership = (membership: WorkspaceMembership): WorkspaceMembership =>
  WorkspaceMapper.membershipToDomain(WorkspaceMapper.membershipToPersistence(membership));

const summary = (workspace: Workspace): WorkspaceSummary => ({
  id: workspace.id,
  name: workspace.name,
  createdAt: workspace.createdAt,
  updatedAt: workspace.updatedAt,
  memberCount: workspace.memberCount,
});

const byJoinTime = (a: WorkspaceMembership, b: WorkspaceMembership) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

export class InMemoryWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly store = new InMemoryWorkspaceStore()) {
    super();
  }

  /** One process, one unit of work at a time in a test: nothing to wait for. */
  async lock(_tx: Transaction, id: string): Promise<Workspace | null> {
    return this.findById(id);
  }

  save(tx: Transaction, workspace: Workspace): void {
    const isNew = workspace.isNew;
    const stored = copy(workspace);
    storeInMemory(tx, {
      aggregate: workspace,
      check: () => {
        if (isNew && this.store.workspaces.has(workspace.id)) throw new WorkspaceAlreadyExists();
      },
      apply: () => setEntry(this.store.workspaces, workspace.id, workspace.isDeleted ? undefined : stored),
    });
  }

  saveMembership(tx: Transaction, membership: WorkspaceMembership, options: { workspaceLimit?: number } = {}): void {
    const isNew = membership.isNew;
    const stored = copyMembership(membership);
    const limit = options.workspaceLimit;
    storeInMemory(tx, {
      aggregate: membership,
      check: () => {
        if (!isNew) return;
        if (this.store.memberships.has(membership.id)) throw new WorkspaceAlreadyExists();
        if (this.store.live().some((m) => m.workspaceId === membership.workspaceId && m.userId === membership.userId)) {
          throw new MemberAlreadyExists();
        }
        if (limit !== undefined && this.store.live().filter((m) => m.userId === membership.userId).length >= limit) {
          throw new WorkspaceLimitReached(limit);
        }
      },
      apply: () => {
        if (membership.hasEnded) return setEntry(this.store.memberships, membership.id, undefined);
        return isNew ? setEntry(this.store.memberships, membership.id, stored) : () => undefined;
      },
    });
  }

  countWorkspacesOf(userId: string, upTo: number): Promise<number> {
    return Promise.resolve(Math.min(upTo, this.store.live().filter((m) => m.belongsTo(userId)).length));
  }

  async findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null> {
    const workspace = this.store.workspaces.get(id);
    return workspace && (await this.findMembership(id, userId)) ? summary(workspace) : null;
  }

  async findById(id: string): Promise<Workspace | null> {
    const workspace = this.store.workspaces.get(id);
    return workspace ? copy(workspace) : null;
  }

  async hasOwnerBesides(workspaceId: string, exceptId: string): Promise<boolean> {
    return this.store.live().some((m) => m.workspaceId === workspaceId && m.privilege === WorkspacePrivilege.OWNER && m.id !== exceptId);
  }

  async membersOf(workspaceId: string): Promise<WorkspaceMembership[]> {
    return this.store
      .live()
      .filter((m) => m.workspaceId === workspaceId)
      .sort(byJoinTime)
      .map(copyMembership);
  }

  async findMembershipById(id: string): Promise<WorkspaceMembership | null> {
    const membership = this.store.findMembership(id);
    return membership ? copyMembership(membership) : null;
  }

  async findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null> {
    const membership = this.store.live().find((m) => m.workspaceId === workspaceId && m.userId === userId);
    return membership ? copyMembership(membership) : null;
  }

  async listMemberships(query: MembershipQuery): Promise<MembershipListing[]> {
    const members = (w: Workspace) => this.store.live().filter((m) => m.workspaceId === w.id);
    return [...this.store.workspaces.values()]
      .filter((w) => members(w).some((m) => m.userId === query.visibleTo))
      .filter((w) => query.withinWorkspaceId === undefined || w.id === query.withinWorkspaceId)
      .filter((w) => !query.workspaceIds?.length || query.workspaceIds.includes(w.id))
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((w) =>
        members(w)
          .filter((m) => !query.userIds?.length || query.userIds.includes(m.userId))
          .filter((m) => !query.membershipIds?.length || query.membershipIds.includes(m.id))
          .sort(byJoinTime)
          .map((membership) => ({ membership, workspace: summary(w) })),
      );
  }

  async listMembershipsPage(query: MembershipQuery, page: { after?: MembershipPosition; limit: number }): Promise<MembershipPage> {
    const positionOf = (l: MembershipListing): MembershipPosition => ({
      workspaceId: l.workspace.id,
      joinedMicros: l.membership.createdAt.getTime() * 1000,
      membershipId: l.membership.id,
    });
    // The order listMemberships sorts in.
    const isAfter = (a: MembershipPosition, b: MembershipPosition) =>
      (a.workspaceId.localeCompare(b.workspaceId) || a.joinedMicros - b.joinedMicros || a.membershipId.localeCompare(b.membershipId)) > 0;
    const all = (await this.listMemberships(query)).filter((l) => page.after === undefined || isAfter(positionOf(l), page.after));
    const listings = all.slice(0, page.limit);
    return { listings, next: all.length > page.limit ? positionOf(listings.at(-1)!) : null };
  }

  async rolesOf(pairs: readonly { workspaceId: string; userId: string }[]): Promise<MemberRole[]> {
    const live = this.store.live();
    return pairs.flatMap(({ workspaceId, userId }) => {
      const found = live.find((m) => m.workspaceId === workspaceId && m.userId === userId);
      return found ? [{ workspaceId, userId, privilege: found.privilege }] : [];
    });
  }

  async listRolesOf(
    userId: string,
    options: { privileges: readonly WorkspacePrivilege[]; withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<MemberRolePage> {
    const memberships = this.membershipsOf(userId, options).filter((m) => options.privileges.includes(m.privilege));
    const page = memberships.slice(0, options.limit);
    const last = page.at(-1);
    return {
      roles: page.map((m) => ({ workspaceId: m.workspaceId, userId: m.userId, privilege: m.privilege })),
      next: memberships.length > options.limit && last ? { joinedAt: last.createdAt, workspaceId: last.workspaceId } : null,
    };
  }

  /** The user's memberships in the order they joined, from `after` on. */
  private membershipsOf(userId: string, options: { withinWorkspaceId?: string; after?: WorkspaceListPosition }): WorkspaceMembership[] {
    const isAfter = (m: WorkspaceMembership, after: WorkspaceListPosition) =>
      m.createdAt.getTime() > after.joinedAt.getTime() ||
      (m.createdAt.getTime() === after.joinedAt.getTime() && m.workspaceId > after.workspaceId);
    return this.store
      .live()
      .filter((m) => m.userId === userId)
      .filter((m) => options.withinWorkspaceId === undefined || m.workspaceId === options.withinWorkspaceId)
      .filter((m) => !options.after || isAfter(m, options.after))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.workspaceId.localeCompare(b.workspaceId));
  }

  async listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage> {
    const memberships = this.membershipsOf(userId, options);
    const page = memberships.slice(0, options.limit);
    const last = page.at(-1);
    return {
      workspaces: page.map((m) => summary(this.store.workspaces.get(m.workspaceId)!)),
      next: memberships.length > options.limit && last ? { joinedAt: last.createdAt, workspaceId: last.workspaceId } : null,
    };
  }
}
