import { Injectable } from '@nestjs/common';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import { boundedCountSql, countUpTo } from '../../database/bounded-count.js';
import { Database } from '../../database/database.js';
import { lockingManager, store } from '../../database/typeorm-unit-of-work.js';
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
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';
import { WorkspaceMapper } from './workspace.mapper.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

/** One membership per user and workspace (see the migrations). */
const MEMBER_UNIQUE_CONSTRAINT = 'workspace_memberships_workspace_user_unique';
/** A workspace (and so its memberships) stored already: the same aggregate inserted twice. */
const WORKSPACE_EXISTS = ['workspaces_pkey', 'workspace_memberships_pkey'];

/** This repository's unique constraints as the domain's conflicts. */
function translate(violation: { code: string; constraint?: string }): Error | undefined {
  if (violation.code !== PG_UNIQUE_VIOLATION) return undefined;
  if (violation.constraint === MEMBER_UNIQUE_CONSTRAINT) return new MemberAlreadyExists();
  if (WORKSPACE_EXISTS.includes(violation.constraint ?? '')) return new WorkspaceAlreadyExists();
  return undefined;
}

const MEMBERSHIP_COLUMNS =
  'id, workspace_id AS "workspaceId", user_id AS "userId", privilege, created_at AS "createdAt", updated_at AS "updatedAt"';

const WORKSPACE_COLUMNS =
  'id, name, billing_account_email AS "billingAccountEmail", created_at AS "createdAt", updated_at AS "updatedAt", member_count AS "memberCount"';

@Injectable()
export class TypeOrmWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly db: Database) {
    super();
  }

  async lock(tx: Transaction, id: string): Promise<Workspace | null> {
    // FOR NO KEY UPDATE: excludes every other change to this workspace, not the inserts that only
    // reference it (a new membership's or token's foreign key).
    const manager = await lockingManager(tx);
    const [row] = await manager.query<WorkspaceOrmEntity[]>(`SELECT ${WORKSPACE_COLUMNS} FROM workspaces WHERE id = $1 FOR NO KEY UPDATE`, [
      id,
    ]);
    return row ? WorkspaceMapper.toDomain(row) : null;
  }

  save(tx: Transaction, workspace: Workspace): void {
    const isNew = workspace.isNew;
    if (isNew) {
      store(tx, {
        aggregate: workspace,
        batches: [{ target: WorkspaceOrmEntity, rows: [WorkspaceMapper.toPersistence(workspace)] }],
        translate,
      });
    } else if (workspace.isDeleted) {
      // Its memberships and their access tokens go with it (ON DELETE CASCADE).
      store(tx, {
        aggregate: workspace,
        statements: [{ table: 'workspaces', sql: 'DELETE FROM workspaces WHERE id = $1', params: [workspace.id] }],
        translate,
      });
    } else {
      store(tx, {
        aggregate: workspace,
        statements: [
          {
            table: 'workspaces',
            sql: 'UPDATE workspaces SET name = $2, updated_at = $3, member_count = $4 WHERE id = $1',
            params: [workspace.id, workspace.name, workspace.updatedAt, workspace.memberCount],
          },
        ],
        translate,
      });
    }
  }

  saveMembership(tx: Transaction, membership: WorkspaceMembership, options: { workspaceLimit?: number } = {}): void {
    const isNew = membership.isNew;
    if (membership.hasEnded) {
      // Its access tokens go with it (ON DELETE CASCADE).
      store(tx, {
        aggregate: membership,
        statements: [{ table: 'workspace_memberships', sql: 'DELETE FROM workspace_memberships WHERE id = $1', params: [membership.id] }],
        translate,
      });
      return;
    }
    if (!isNew) return;
    const limit = options.workspaceLimit;
    store(tx, {
      aggregate: membership,
      batches: [{ target: WorkspaceMembershipOrmEntity, rows: [WorkspaceMapper.membershipToPersistence(membership)] }],
      translate,
      // The user's workspaces counted in the statement (workspace_memberships_user_joined_idx, at most the limit).
      guard:
        limit === undefined
          ? undefined
          : {
              condition: `${boundedCountSql('workspace_memberships', 'user_id', '$g1', '$g2')} < $g2`,
              params: [membership.userId, limit],
              refused: () => new WorkspaceLimitReached(limit),
            },
    });
  }

  async countWorkspacesOf(userId: string, upTo: number): Promise<number> {
    return countUpTo(this.db.manager, 'workspace_memberships', 'user_id', userId, upTo);
  }

  async findById(id: string): Promise<Workspace | null> {
    const [row] = await this.db.select<WorkspaceOrmEntity>(`SELECT ${WORKSPACE_COLUMNS} FROM workspaces WHERE id = $1`, [id]);
    return row ? WorkspaceMapper.toDomain(row) : null;
  }

  async findSummaryForMember(id: string, userId: string): Promise<WorkspaceSummary | null> {
    // workspaces_pkey and workspace_memberships_workspace_user_unique: two index probes.
    const [row] = await this.db.select<WorkspaceOrmEntity>(
      `SELECT ${WORKSPACE_COLUMNS} FROM workspaces w
        WHERE w.id = $1 AND EXISTS (SELECT 1 FROM workspace_memberships m WHERE m.workspace_id = w.id AND m.user_id = $2)`,
      [id, userId],
    );
    return row ? WorkspaceMapper.toSummary(row) : null;
  }

  async hasOwnerBesides(workspaceId: string, exceptId: string): Promise<boolean> {
    // workspace_memberships_owners_idx (its condition written out, so that every plan can use it): the workspace's owners only.
    const [row] = await this.db.select<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM workspace_memberships WHERE workspace_id = $1 AND privilege = '${WorkspacePrivilege.OWNER}' AND id <> $2) AS found`,
      [workspaceId, exceptId],
    );
    return row.found;
  }

  async membersOf(workspaceId: string): Promise<WorkspaceMembership[]> {
    return this.memberships('workspace_id = $1 ORDER BY created_at, id', [workspaceId]);
  }

  async findMembershipById(id: string): Promise<WorkspaceMembership | null> {
    const [membership] = await this.memberships('id = $1', [id]);
    return membership ?? null;
  }

  async findMembership(workspaceId: string, userId: string): Promise<WorkspaceMembership | null> {
    const [membership] = await this.memberships('workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
    return membership ?? null;
  }

  /** Memberships matching `condition` (plain SQL: TypeORM's find built its statement anew on every request). */
  private async memberships(condition: string, params: unknown[]): Promise<WorkspaceMembership[]> {
    const rows = await this.db.select<WorkspaceMembershipOrmEntity>(
      `SELECT ${MEMBERSHIP_COLUMNS} FROM workspace_memberships WHERE ${condition}`,
      params,
    );
    return rows.map((row) => WorkspaceMapper.membershipToDomain(row));
  }

  async listMemberships(query: MembershipQuery): Promise<MembershipListing[]> {
    const { sql, params } = membershipSql(query);
    const rows = await this.db.select<ListingRow>(sql, params);
    return rows.map(listingOf);
  }

  /**
   * Keyset pages on (workspace_id, created_at, id), workspace_memberships_workspace_joined_idx. The
   * position carries the last row's created_at in microseconds, as PostgreSQL keeps it (a JavaScript
   * Date keeps milliseconds only), and gives it back as a timestamp exactly.
   */
  async listMembershipsPage(query: MembershipQuery, page: { after?: MembershipPosition; limit: number }): Promise<MembershipPage> {
    const { sql, params } = membershipSql(query, page);
    const found = await this.db.select<ListingRow>(sql, params);
    const rows = found.slice(0, page.limit);
    const last = rows.at(-1);
    const next =
      found.length > page.limit && last
        ? { workspaceId: last.workspaceId, joinedMicros: Number(last.joinedMicros), membershipId: last.id }
        : null;
    return { listings: rows.map(listingOf), next };
  }

  async rolesOf(pairs: readonly { workspaceId: string; userId: string }[]): Promise<MemberRole[]> {
    if (pairs.length === 0) return [];
    return this.db.select<MemberRole>(
      `SELECT m.workspace_id AS "workspaceId", m.user_id AS "userId", m.privilege
         FROM unnest($1::uuid[], $2::text[]) AS asked(workspace_id, user_id)
         JOIN workspace_memberships m ON m.workspace_id = asked.workspace_id AND m.user_id = asked.user_id`,
      [pairs.map((pair) => pair.workspaceId), pairs.map((pair) => pair.userId)],
    );
  }

  async listRolesOf(
    userId: string,
    options: { privileges: readonly WorkspacePrivilege[]; withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<MemberRolePage> {
    if (options.privileges.length === 0) return { roles: [], next: null };
    // One keyset range of workspace_memberships_user_role_joined_idx per role, merged: a page reads
    // at most limit + 1 rows of each, however many workspaces the user holds other roles in.
    const params: unknown[] = [userId, options.limit + 1];
    const conditions: string[] = [];
    if (options.withinWorkspaceId !== undefined) conditions.push(`AND workspace_id = $${params.push(options.withinWorkspaceId)}`);
    if (options.after) {
      const at = params.push(options.after.joinedAt);
      conditions.push(`AND (created_at, workspace_id) > ($${at}, $${params.push(options.after.workspaceId)})`);
    }
    const ranges = options.privileges.map(
      (privilege) =>
        `(SELECT workspace_id, user_id, privilege, created_at FROM workspace_memberships
           WHERE user_id = $1 AND privilege = $${params.push(privilege)} ${conditions.join(' ')}
           ORDER BY created_at, workspace_id LIMIT $2)`,
    );
    const rows = await this.db.select<MemberRole & { createdAt: Date }>(
      `SELECT workspace_id AS "workspaceId", user_id AS "userId", privilege, created_at AS "createdAt"
         FROM (${ranges.join(' UNION ALL ')}) AS ranges ORDER BY created_at, workspace_id LIMIT $2`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      roles: page.map(({ workspaceId, userId: user, privilege }) => ({ workspaceId, userId: user, privilege })),
      next: rows.length > options.limit && last ? { joinedAt: last.createdAt, workspaceId: last.workspaceId } : null,
    };
  }

  async listWorkspacesOf(
    userId: string,
    options: { withinWorkspaceId?: string; after?: WorkspaceListPosition; limit: number },
  ): Promise<WorkspaceListPage> {
    // Keyset pagination on the (user_id, created_at, workspace_id) index: every page costs the same.
    const params: unknown[] = [userId, options.limit + 1];
    const within = options.withinWorkspaceId !== undefined ? ` AND m.workspace_id = $${params.push(options.withinWorkspaceId)}` : '';
    const after = options.after
      ? ` AND (m.created_at, m.workspace_id) > ($${params.push(options.after.joinedAt)}, $${params.push(options.after.workspaceId)})`
      : '';
    const rows = await this.db.select<WorkspaceSummary & { joinedAt: Date }>(
      `SELECT w.id, w.name, w.created_at AS "createdAt", w.updated_at AS "updatedAt", w.member_count AS "memberCount", m.created_at AS "joinedAt"
         FROM workspace_memberships m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1${within}${after} ORDER BY m.created_at, m.workspace_id LIMIT $2`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      workspaces: page.map((row) => WorkspaceMapper.toSummary(row)),
      next: rows.length > options.limit && last ? { joinedAt: last.joinedAt, workspaceId: last.id } : null,
    };
  }
}

/** A membership row with its workspace's (`w_` columns) and its join time in microseconds. */
interface ListingRow {
  id: string;
  workspaceId: string;
  userId: string;
  privilege: WorkspacePrivilege;
  createdAt: Date;
  updatedAt: Date;
  joinedMicros: string;
  w_name: string;
  w_createdAt: Date;
  w_updatedAt: Date;
  w_memberCount: number;
}

const LISTING_COLUMNS = `m.id, m.workspace_id AS "workspaceId", m.user_id AS "userId", m.privilege, m.created_at AS "createdAt",
  m.updated_at AS "updatedAt", (EXTRACT(EPOCH FROM m.created_at) * 1000000)::bigint::text AS "joinedMicros",
  w.name AS "w_name", w.created_at AS "w_createdAt", w.updated_at AS "w_updatedAt", w.member_count AS "w_memberCount"`;

/**
 * The statement of a membership listing, by workspace, join time and id; with `page`, `limit + 1` rows
 * (one more tells whether there is a next page) after its position. Plain SQL: building it with the
 * query builder cost more CPU than the rest of the request.
 */
function membershipSql(query: MembershipQuery, page?: { after?: MembershipPosition; limit: number }): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.visibleTo];
  const where = ['m.workspace_id IN (SELECT own.workspace_id FROM workspace_memberships own WHERE own.user_id = $1)'];
  if (query.withinWorkspaceId !== undefined) where.push(`m.workspace_id = $${params.push(query.withinWorkspaceId)}`);
  // One value is written as an equality: beside `= ANY($n)` PostgreSQL cannot know the list holds one
  // workspace, and sorts the whole workspace instead of reading its index in order (234 ms for a page of
  // 100 from the middle of 100,000 members, against 5 ms).
  const oneOf = (column: string, values: readonly string[], type: string) =>
    values.length === 1 ? `${column} = $${params.push(values[0])}::${type}` : `${column} = ANY($${params.push(values)}::${type}[])`;
  if (query.userIds?.length) where.push(oneOf('m.user_id', query.userIds, 'text'));
  if (query.workspaceIds?.length) where.push(oneOf('m.workspace_id', query.workspaceIds, 'uuid'));
  if (query.membershipIds?.length) where.push(oneOf('m.id', query.membershipIds, 'uuid'));
  const after = page?.after;
  if (after !== undefined) {
    const joined = `to_timestamp(0) + $${params.push(after.joinedMicros)}::bigint * interval '1 microsecond'`;
    const id = `$${params.push(after.membershipId)}::uuid`;
    // Within one workspace, the index range starts at (workspace, join time, id) only when the
    // position is written without the workspace: beside `workspace_id = ...` PostgreSQL would start
    // the range at the workspace's first member and filter its way to the position.
    const only = query.withinWorkspaceId ?? (query.workspaceIds?.length === 1 ? query.workspaceIds[0] : undefined);
    if (only !== undefined && only === after.workspaceId) where.push(`(m.created_at, m.id) > (${joined}, ${id})`);
    else where.push(`(m.workspace_id, m.created_at, m.id) > ($${params.push(after.workspaceId)}::uuid, ${joined}, ${id})`);
  }
  const limit = page ? ` LIMIT $${params.push(page.limit + 1)}` : '';
  const sql = `SELECT ${LISTING_COLUMNS} FROM workspace_memberships m JOIN workspaces w ON w.id = m.workspace_id
    WHERE ${where.join(' AND ')} ORDER BY m.workspace_id, m.created_at, m.id${limit}`;
  return { sql, params };
}

function listingOf(row: ListingRow): MembershipListing {
  return {
    membership: WorkspaceMapper.membershipToDomain(row),
    workspace: WorkspaceMapper.toSummary({
      id: row.workspaceId,
      name: row.w_name,
      createdAt: row.w_createdAt,
      updatedAt: row.w_updatedAt,
      memberCount: row.w_memberCount,
    }),
  };
}
