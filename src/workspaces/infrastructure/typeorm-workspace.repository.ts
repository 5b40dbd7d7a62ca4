import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { DomainEvent } from '../../events/domain/domain-event.js';
import { EventRecords } from '../../events/infrastructure/event-records.js';
import { databaseViolation, PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import { boundedCountSql, countUpTo } from '../../database/bounded-count.js';
import { Database } from '../../database/database.js';
import { changedColumns, insertRows } from '../../database/row-statements.js';
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
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';
import { WorkspaceMapper } from './workspace.mapper.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

/** One membership per user and workspace (see the migrations). */
const MEMBER_UNIQUE_CONSTRAINT = 'workspace_memberships_workspace_user_unique';
/** A workspace (and so its memberships) stored already: the same aggregate inserted twice. */
const WORKSPACE_EXISTS = ['workspaces_pkey', 'workspace_memberships_pkey'];

@Injectable()
export class TypeOrmWorkspaceRepository extends WorkspaceRepository {
  constructor(
    private readonly db: Database,
    private readonly events: EventRecords,
  ) {
    super();
  }

  /**
   * One statement (atomic by itself): the workspace, its memberships and its events in a single round
   * trip, with the owner's workspaces counted in it (workspace_memberships_user_joined_idx, at most the limit).
   */
  async insert(workspace: Workspace, events: readonly DomainEvent[] = [], options: { ownerWorkspaceLimit?: number } = {}): Promise<void> {
    const row = WorkspaceMapper.toPersistence(workspace);
    const limit = options.ownerWorkspaceLimit;
    const inserted = await this.translateViolations(() =>
      insertRows(
        this.db.manager,
        [
          { target: WorkspaceOrmEntity, rows: [row] },
          { target: WorkspaceMembershipOrmEntity, rows: row.memberships ?? [] },
          ...this.events.rows(events),
        ],
        limit === undefined
          ? undefined
          : {
              condition: `${boundedCountSql('workspace_memberships', 'user_id', '$g1', '$g2')} < $g2`,
              params: [workspace.memberships[0].userId, limit],
            },
      ),
    );
    if (!inserted) throw new WorkspaceLimitReached(limit!);
  }

  async countWorkspacesOf(userId: string, upTo: number): Promise<number> {
    return countUpTo(this.db.manager, 'workspace_memberships', 'user_id', userId, upTo);
  }

  async findById(id: string): Promise<Workspace | null> {
    return this.load(this.db.manager, id, false);
  }

  async update<T>(id: string, change: (workspace: Workspace) => T | Promise<T>): Promise<T> {
    return this.write(async (manager) => {
      // The row lock serialises every change to this workspace until the transaction ends.
      const workspace = await this.load(manager, id, true);
      if (!workspace) throw new WorkspaceNotFound();
      const before = WorkspaceMapper.toPersistence(workspace);
      const result = await change(workspace);
      if (workspace.isDeleted) await manager.delete(WorkspaceOrmEntity, { id });
      else await this.storeChanges(manager, before, WorkspaceMapper.toPersistence(workspace));
      return result;
    });
  }

  /** Writes every column that differs between the rows before and after a change; memberships by id. */
  private async storeChanges(manager: EntityManager, before: WorkspaceOrmEntity, after: WorkspaceOrmEntity): Promise<void> {
    const changed = changedColumns(manager, WorkspaceOrmEntity, before, after);
    if (Object.keys(changed).length > 0) await manager.update(WorkspaceOrmEntity, { id: after.id }, changed);

    const previous = new Map((before.memberships ?? []).map((row) => [row.id, row]));
    const current = after.memberships ?? [];
    const kept = new Set(current.map((row) => row.id));
    const removed = [...previous.keys()].filter((membershipId) => !kept.has(membershipId));
    if (removed.length > 0) await manager.delete(WorkspaceMembershipOrmEntity, { id: In(removed) });
    for (const row of current) {
      const old = previous.get(row.id);
      if (!old) continue;
      const changes = changedColumns(manager, WorkspaceMembershipOrmEntity, old, row);
      if (Object.keys(changes).length > 0) await manager.update(WorkspaceMembershipOrmEntity, { id: row.id }, changes);
    }
    await insertRows(manager, [{ target: WorkspaceMembershipOrmEntity, rows: current.filter((row) => !previous.has(row.id)) }]);
  }

  async findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null> {
    // workspaces_pkey and workspace_memberships_workspace_user_unique: two index probes.
    const [row] = await this.db.manager.query<{ id: string; name: string; created_at: Date; updated_at: Date }[]>(
      `SELECT w.id, w.name, w.created_at, w.updated_at FROM workspaces w
        WHERE w.id = $1 AND EXISTS (SELECT 1 FROM workspace_memberships m WHERE m.workspace_id = w.id AND m.user_id = $2)`,
      [id, userId],
    );
    return row ? { id: row.id, name: row.name, createdAt: new Date(row.created_at), updatedAt: new Date(row.updated_at) } : null;
  }

  async findMembershipById(id: string): Promise<WorkspaceMembership | null> {
    const row = await this.db.manager.findOneBy(WorkspaceMembershipOrmEntity, { id });
    return row ? WorkspaceMapper.membershipToDomain(row) : null;
  }

  async findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null> {
    const row = await this.db.manager.findOneBy(WorkspaceMembershipOrmEntity, { workspaceId, userId });
    return row ? WorkspaceMapper.membershipToDomain(row) : null;
  }

  async listMemberships(query: MembershipQuery): Promise<MembershipListing[]> {
    const rows = await this.membershipQuery(query).getMany();
    return rows.map((row) => this.listingOf(row));
  }

  /**
   * Keyset pages on (workspace_id, created_at, id), workspace_memberships_workspace_joined_idx. The
   * mark carries the last row's created_at as PostgreSQL writes it (microseconds: a JavaScript Date
   * keeps milliseconds only).
   */
  async listMembershipsPage(query: MembershipQuery, page: { after?: string; limit: number }): Promise<MembershipPage> {
    const builder = this.membershipQuery(query)
      .addSelect('m.created_at::text', 'joined_key')
      .limit(page.limit + 1);
    if (page.after !== undefined) {
      const [workspaceId, joined, id] = JSON.parse(Buffer.from(page.after, 'base64url').toString('utf8')) as string[];
      builder.andWhere('(m.workspace_id, m.created_at, m.id) > (:afterWorkspace, CAST(:afterJoined AS timestamptz), :afterId)', {
        afterWorkspace: workspaceId,
        afterJoined: joined,
        afterId: id,
      });
    }
    const { entities, raw } = await builder.getRawAndEntities<{ joined_key: string }>();
    const rows = entities.slice(0, page.limit);
    const last = rows.at(-1);
    const next =
      entities.length > page.limit && last
        ? Buffer.from(JSON.stringify([last.workspaceId, raw[rows.length - 1].joined_key, last.id])).toString('base64url')
        : null;
    return { listings: rows.map((row) => this.listingOf(row)), next };
  }

  private membershipQuery(query: MembershipQuery) {
    const builder = this.db.manager
      .createQueryBuilder(WorkspaceMembershipOrmEntity, 'm')
      .innerJoinAndSelect('m.workspace', 'w')
      .where('m.workspace_id IN (SELECT own.workspace_id FROM workspace_memberships own WHERE own.user_id = :visibleTo)', {
        visibleTo: query.visibleTo,
      })
      .orderBy('m.workspace_id', 'ASC')
      .addOrderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC');
    if (query.withinWorkspaceId !== undefined) builder.andWhere('m.workspace_id = :within', { within: query.withinWorkspaceId });
    if (query.userIds?.length) builder.andWhere('m.user_id IN (:...userIds)', { userIds: query.userIds });
    if (query.workspaceIds?.length) builder.andWhere('m.workspace_id IN (:...workspaceIds)', { workspaceIds: query.workspaceIds });
    if (query.membershipIds?.length) builder.andWhere('m.id IN (:...membershipIds)', { membershipIds: query.membershipIds });
    return builder;
  }

  private listingOf(row: WorkspaceMembershipOrmEntity): MembershipListing {
    return { membership: WorkspaceMapper.membershipToDomain(row), workspace: WorkspaceMapper.toSummary(row.workspace!) };
  }

  async listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage> {
    const builder = this.db.manager
      .createQueryBuilder(WorkspaceMembershipOrmEntity, 'm')
      .innerJoinAndSelect('m.workspace', 'w')
      .where('m.user_id = :userId', { userId })
      // Keyset pagination on the (user_id, created_at, workspace_id) index: every page costs the same.
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.workspace_id', 'ASC')
      .limit(options.limit + 1);
    if (options.withinWorkspaceId !== undefined) builder.andWhere('m.workspace_id = :within', { within: options.withinWorkspaceId });
    if (options.after) {
      builder.andWhere('(m.created_at, m.workspace_id) > (:afterAt, :afterId)', {
        afterAt: options.after.joinedAt,
        afterId: options.after.workspaceId,
      });
    }
    const rows = await builder.getMany();
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      workspaces: page.map((row) => WorkspaceMapper.toSummary(row.workspace!)),
      next: rows.length > options.limit && last ? { joinedAt: last.createdAt, workspaceId: last.workspaceId } : null,
    };
  }

  private async load(manager: EntityManager, id: string, lock: boolean): Promise<Workspace | null> {
    const row = await manager.findOne(WorkspaceOrmEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
    if (!row) return null;
    row.memberships = await manager.find(WorkspaceMembershipOrmEntity, {
      where: { workspaceId: id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return WorkspaceMapper.toDomain(row);
  }

  /** A transaction whose unique violations become the domain's conflicts. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.translateViolations(() => this.db.transaction(work));
  }

  private async translateViolations<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const violation = databaseViolation(error);
      // Only this repository's own constraints: another feature's work inside update() translates its own.
      if (violation?.code === PG_UNIQUE_VIOLATION && violation.constraint === MEMBER_UNIQUE_CONSTRAINT) throw new MemberAlreadyExists();
      if (violation?.code === PG_UNIQUE_VIOLATION && WORKSPACE_EXISTS.includes(violation.constraint ?? ''))
        throw new WorkspaceAlreadyExists();
      throw error;
    }
  }
}
