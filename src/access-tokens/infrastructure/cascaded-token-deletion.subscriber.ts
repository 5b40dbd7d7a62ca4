import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
  type RemoveEvent,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { WorkspaceMembershipOrmEntity } from '../../workspaces/infrastructure/workspace-membership.orm-entity.js';
import { WorkspaceOrmEntity } from '../../workspaces/infrastructure/workspace.orm-entity.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';

/** Deleting these rows deletes their access tokens too (ON DELETE CASCADE, see the migrations). */
const OWNERS_OF_TOKENS: ReadonlySet<unknown> = new Set([WorkspaceOrmEntity, WorkspaceMembershipOrmEntity]);

/**
 * This replica's credential cache forgets every token as soon as a transaction that deleted a
 * membership or a workspace commits, before its answer goes out; other replicas hear of it from
 * PostgreSQL (AccessTokenRevocationListener). Watching the data source keeps the workspaces module
 * free of any knowledge of tokens.
 */
@Injectable()
export class CascadedTokenDeletionSubscriber implements EntitySubscriberInterface {
  private readonly deletedIn = new WeakSet<QueryRunner>();

  constructor(
    dataSource: DataSource,
    private readonly cache: AccessTokenCredentialCache,
  ) {
    dataSource.subscribers.push(this);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    if (!OWNERS_OF_TOKENS.has(event.metadata.target)) return;
    if (event.queryRunner.isTransactionActive) this.deletedIn.add(event.queryRunner);
    else this.cache.revoked();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive || !this.deletedIn.delete(event.queryRunner)) return;
    this.cache.revoked();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.deletedIn.delete(event.queryRunner);
  }
}
