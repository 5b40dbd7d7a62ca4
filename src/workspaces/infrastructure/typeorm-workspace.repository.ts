import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseViolation, PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import type { Workspace } from '../domain/workspace.js';
import { MemberAlreadyExists, WorkspaceAlreadyExists } from '../domain/workspace.errors.js';
import { WorkspaceRepository } from '../domain/workspace.repository.js';
import { WorkspaceMembershipOrmEntity } from './workspace-membership.orm-entity.js';
import { WorkspaceMapper } from './workspace.mapper.js';
import { WorkspaceOrmEntity } from './workspace.orm-entity.js';

/** One membership per user and workspace (see the migrations). */
const MEMBER_UNIQUE_CONSTRAINT = 'workspace_memberships_workspace_user_unique';

@Injectable()
export class TypeOrmWorkspaceRepository extends WorkspaceRepository {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async insert(workspace: Workspace): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(WorkspaceOrmEntity, WorkspaceMapper.toPersistence(workspace));
        await manager.insert(
          WorkspaceMembershipOrmEntity,
          workspace.memberships.map((membership) => WorkspaceMapper.membershipToPersistence(membership)),
        );
      });
    } catch (error) {
      const violation = databaseViolation(error);
      if (violation?.code === PG_UNIQUE_VIOLATION) {
        throw violation.constraint === MEMBER_UNIQUE_CONSTRAINT ? new MemberAlreadyExists() : new WorkspaceAlreadyExists();
      }
      throw error;
    }
  }

  async findById(id: string): Promise<Workspace | null> {
    const row = await this.dataSource.manager.findOne(WorkspaceOrmEntity, {
      where: { id },
      relations: { memberships: { accessTokens: true } },
      order: { memberships: { createdAt: 'ASC', id: 'ASC', accessTokens: { createdAt: 'ASC', id: 'ASC' } } },
    });
    return row ? WorkspaceMapper.toDomain(row) : null;
  }
}
