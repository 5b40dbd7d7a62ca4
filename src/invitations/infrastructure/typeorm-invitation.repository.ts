import { Injectable } from '@nestjs/common';
import { PG_UNIQUE_VIOLATION } from '../../database/database-errors.js';
import { store } from '../../database/typeorm-unit-of-work.js';
import type { Transaction } from '../../kernel/unit-of-work.js';
import { Database } from '../../database/database.js';
import { AlreadyInvited } from '../domain/invitation.errors.js';
import type { Invitation } from '../domain/invitation.js';
import { InvitationRepository, type InvitationListing } from '../domain/invitation.repository.js';
import { InvitationMapper } from './invitation.mapper.js';
import { InvitationOrmEntity } from './invitation.orm-entity.js';

/** One pending invitation per address and workspace (see the migrations). */
const ONE_PENDING_PER_EMAIL = 'invitations_one_pending_per_email';

@Injectable()
export class TypeOrmInvitationRepository extends InvitationRepository {
  constructor(private readonly db: Database) {
    super();
  }

  save(tx: Transaction, invitation: Invitation): void {
    const row = InvitationMapper.toPersistence(invitation);
    const isNew = invitation.isNew;
    if (isNew) {
      store(tx, {
        aggregate: invitation,
        batches: [{ target: InvitationOrmEntity, rows: [row] }],
        translate: (violation) =>
          violation.code === PG_UNIQUE_VIOLATION && violation.constraint === ONE_PENDING_PER_EMAIL ? new AlreadyInvited() : undefined,
      });
    } else {
      store(tx, {
        aggregate: invitation,
        statements: [
          {
            table: 'invitations',
            sql: 'UPDATE invitations SET status = $2, updated_at = $3 WHERE id = $1',
            params: [row.id, row.status, row.updatedAt],
          },
        ],
      });
    }
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<Invitation | null> {
    const row = await this.db.manager.findOneBy(InvitationOrmEntity, { id, workspaceId });
    return row ? InvitationMapper.toDomain(row) : null;
  }

  async findStoredPending(workspaceId: string, emailKey: string): Promise<Invitation | null> {
    const row = await this.db.manager.findOneBy(InvitationOrmEntity, { workspaceId, emailKey, status: 'pending' });
    return row ? InvitationMapper.toDomain(row) : null;
  }

  async countPending(workspaceId: string, now: Date): Promise<number> {
    return this.db.manager
      .createQueryBuilder(InvitationOrmEntity, 'i')
      .where(`i.workspace_id = :workspaceId AND i.status = 'pending' AND i.expires_at > :now`, { workspaceId, now })
      .getCount();
  }

  async listByWorkspace(workspaceId: string): Promise<InvitationListing[]> {
    return this.listed(
      this.listing()
        .where('i.workspace_id = :workspaceId', { workspaceId })
        .orderBy('i.created_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .getRawAndEntities<{ workspace_name: string }>(),
    );
  }

  async listPendingFor(emailKey: string, now: Date): Promise<InvitationListing[]> {
    return this.listed(
      this.listing()
        .where(`i.email_key = :emailKey AND i.status = 'pending' AND i.expires_at > :now`, { emailKey, now })
        .orderBy('i.created_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .getRawAndEntities<{ workspace_name: string }>(),
    );
  }

  /** Invitations with their workspace's current name (the workspaces module's table, by its key). */
  private listing() {
    return this.db.manager
      .createQueryBuilder(InvitationOrmEntity, 'i')
      .innerJoin('workspaces', 'w', 'w.id = i.workspace_id')
      .addSelect('w.name', 'workspace_name');
  }

  private async listed(
    query: Promise<{ entities: InvitationOrmEntity[]; raw: { workspace_name: string }[] }>,
  ): Promise<InvitationListing[]> {
    const { entities, raw } = await query;
    return entities.map((row, index) => ({ invitation: InvitationMapper.toDomain(row), workspaceName: raw[index].workspace_name }));
  }
}
