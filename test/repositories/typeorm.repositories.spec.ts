import { AccessTokenCredentialCache } from '../../src/access-tokens/infrastructure/access-token-credential-cache.js';
import { AccessTokenRevocations } from '../../src/access-tokens/infrastructure/access-token-revocations.js';
import { TypeOrmUserAccessTokenRepository } from '../../src/access-tokens/infrastructure/typeorm-user-access-token.repository.js';
import { TypeOrmWorkspaceAccessTokenRepository } from '../../src/access-tokens/infrastructure/typeorm-workspace-access-token.repository.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { Database } from '../../src/database/database.js';
import { CommittedEvents, TypeOrmUnitOfWork } from '../../src/database/typeorm-unit-of-work.js';
import { EventRecords } from '../../src/events/infrastructure/event-records.js';
import { TypeOrmInvitationRepository } from '../../src/invitations/infrastructure/typeorm-invitation.repository.js';
import { TypeOrmOutbox } from '../../src/outbox/infrastructure/typeorm-outbox.js';
import { TypeOrmWorkspaceRepository } from '../../src/workspaces/infrastructure/typeorm-workspace.repository.js';
import { openTestDataSource } from '../support/test-database.js';
import { describeInvitationRepositoryContract } from './invitation-repositories.contract.js';
import { describeUserAccessTokenRepositoryContract } from './user-access-token-repositories.contract.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

/** The database, and its unit of work with events recorded in the audit log only (as without NATS_URL). */
async function openDatabase() {
  const dataSource = await openTestDataSource();
  const db = new Database(dataSource);
  const committed = new CommittedEvents();
  const unitOfWork = new TypeOrmUnitOfWork(dataSource, db, new EventRecords(new TypeOrmOutbox(db), { events: {} } as AppConfig), committed);
  return { db, unitOfWork, committed, close: () => dataSource.destroy() };
}

describeWorkspaceRepositoryContract('TypeORM repositories', async () => {
  const { db, unitOfWork, committed, close } = await openDatabase();
  // Active, as on PostgreSQL: every contract case then also holds with credentials remembered.
  const cache = new AccessTokenCredentialCache({ accessTokenCacheSeconds: 60 } as AppConfig);
  cache.activate();
  new AccessTokenRevocations(committed, cache);
  return {
    repositories: {
      unitOfWork,
      workspaces: new TypeOrmWorkspaceRepository(db),
      tokens: new TypeOrmWorkspaceAccessTokenRepository(db, cache),
    },
    close,
  };
});

describeInvitationRepositoryContract('TypeORM repositories', async () => {
  const { db, unitOfWork, close } = await openDatabase();
  return {
    repositories: { unitOfWork, workspaces: new TypeOrmWorkspaceRepository(db), invitations: new TypeOrmInvitationRepository(db) },
    close,
  };
});

describeUserAccessTokenRepositoryContract('TypeORM repositories', async () => {
  const { db, unitOfWork, close } = await openDatabase();
  return { unitOfWork, tokens: new TypeOrmUserAccessTokenRepository(db), close };
});
