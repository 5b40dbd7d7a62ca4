import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { databaseViolation, PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import type { Workspace } from '../domain/workspace.js';
import type { WorkspaceMembership } from '../domain/workspace-membership.js';
import { MemberAlreadyExists, WorkspaceAlreadyExists, WorkspaceNotFound } from '../domain/workspace.errors.js';
import {
  WorkspaceRepository,
  type MembershipListing,
  type MembershipQuery,
  type WorkspaceListPage,
  type WorkspaceListPosition,
} from '../domain/workspace.repository.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';
import { WorkspaceMapper } from './workspace.mapper.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';
import { Database } from '../../database/database.js';

/** One membership per user and workspace (see the migrations). */
const MEMBER_UNIQUE_CONSTRAINT = 'workspace_memberships_workspace_user_unique';

@Injectable()
export class TypeOrmWorkspaceRepository extends WorkspaceRepository {
  constructor(
    private readonly db: Database,
    private readonly tokenCache: AccessTokenCredentialCache,
  ) {
    super();
  }

  /** One statement (atomic by itself): the workspace and its memberships in a single round trip. */
  async insert(workspace: Workspace): Promise<void> {
    const memberships = workspace.memberships;
    await this.translateViolations(() =>
      this.db.manager.query(
        `WITH w AS (
           INSERT INTO workspaces (id, name, billing_account_email, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5) RETURNING id
         )
         INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
         SELECT m.id, w.id, m.user_id, m.privilege, m.created_at, m.updated_at
         FROM w, unnest($6::uuid[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
           AS m(id, user_id, privilege, created_at, updated_at)`,
        [
          workspace.id,
          workspace.name,
          workspace.billingAccountEmail,
          workspace.createdAt,
          workspace.updatedAt,
          memberships.map((m) => m.id),
          memberships.map((m) => m.userId),
          memberships.map((m) => m.privilege),
          memberships.map((m) => m.createdAt),
          memberships.map((m) => m.updatedAt),
        ],
      ),
    );
  }

  async findById(id: string): Promise<Workspace | null> {
    return this.load(this.db.manager, id, false);
  }

  async update<T>(id: string, change: (workspace: Workspace) => T): Promise<T> {
    let tokensDeleted = false;
    const outcome = await this.write(async (manager) => {
      // The row lock serialises every change to this workspace until the transaction ends.
      const workspace = await this.load(manager, id, true);
      if (!workspace) throw new WorkspaceNotFound();
      const before = { name: workspace.name, updatedAt: workspace.updatedAt, memberships: [...workspace.memberships] };

      const result = change(workspace);

      if (workspace.isDeleted) {
        await manager.delete(WorkspaceOrmEntity, { id });
        tokensDeleted = true;
        return result;
      }
      if (workspace.name !== before.name || workspace.updatedAt.getTime() !== before.updatedAt.getTime()) {
        await manager.update(WorkspaceOrmEntity, { id }, { name: workspace.name, updatedAt: workspace.updatedAt });
      }
      const removed = before.memberships.filter((m) => !workspace.memberships.includes(m)).map((m) => m.id);
      if (removed.length > 0) {
        await manager.delete(WorkspaceMembershipOrmEntity, { id: In(removed) });
        tokensDeleted = true;
      }
      await this.insertMemberships(
        manager,
        workspace.memberships.filter((m) => !before.memberships.includes(m)),
      );
      return result;
    });
    // Committed: the deleted memberships' tokens are forgotten here before the answer goes out.
    if (tokensDeleted) this.tokenCache.revoked();
    return outcome;
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
    const rows = await builder.getMany();
    return rows.map((row) => ({
      membership: WorkspaceMapper.membershipToDomain(row),
      workspace: WorkspaceMapper.toSummary(row.workspace!),
    }));
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

  private async insertMemberships(manager: EntityManager, memberships: readonly WorkspaceMembership[]): Promise<void> {
    if (memberships.length === 0) return;
    await manager.insert(
      WorkspaceMembershipOrmEntity,
      memberships.map((membership) => WorkspaceMapper.membershipToPersistence(membership)),
    );
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
      if (violation?.code === PG_UNIQUE_VIOLATION) {
        throw violation.constraint === MEMBER_UNIQUE_CONSTRAINT ? new MemberAlreadyExists() : new WorkspaceAlreadyExists();
      }
      throw error;
    }
  }
}
