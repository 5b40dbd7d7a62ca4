import { AccessTokenCredentialCache } from '../../src/access-tokens/infrastructure/access-token-credential-cache.js';
import { CascadedTokenDeletionSubscriber } from '../../src/access-tokens/infrastructure/cascaded-token-deletion.subscriber.js';
import { TypeOrmUserAccessTokenRepository } from '../../src/access-tokens/infrastructure/typeorm-user-access-token.repository.js';
import { TypeOrmWorkspaceAccessTokenRepository } from '../../src/access-tokens/infrastructure/typeorm-workspace-access-token.repository.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { Database } from '../../src/database/database.js';
import { TypeOrmInvitationRepository } from '../../src/invitations/infrastructure/typeorm-invitation.repository.js';
import { EventRecords } from '../../src/events/infrastructure/event-records.js';
import { TypeOrmOutbox } from '../../src/outbox/infrastructure/typeorm-outbox.js';
import { TypeOrmWorkspaceRepository } from '../../src/workspaces/infrastructure/typeorm-workspace.repository.js';
import { openTestDataSource } from '../support/test-database.js';
import { describeInvitationRepositoryContract } from './invitation-repositories.contract.js';
import { describeUserAccessTokenRepositoryContract } from './user-access-token-repositories.contract.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

/** Events recorded in the audit log only (as without NATS_URL). */
const eventRecords = (db: Database) => new EventRecords(new TypeOrmOutbox(db), { events: {} } as AppConfig);

describeWorkspaceRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  const db = new Database(dataSource);
  // Active, as on PostgreSQL: every contract case then also holds with credentials remembered.
  const cache = new AccessTokenCredentialCache({ accessTokenCacheSeconds: 60 } as AppConfig);
  cache.activate();
  new CascadedTokenDeletionSubscriber(dataSource, cache);
  return {
    repositories: {
      workspaces: new TypeOrmWorkspaceRepository(db, eventRecords(db)),
      tokens: new TypeOrmWorkspaceAccessTokenRepository(db, cache),
    },
    close: () => dataSource.destroy(),
  };
});

describeInvitationRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  const db = new Database(dataSource);
  return {
    repositories: { workspaces: new TypeOrmWorkspaceRepository(db, eventRecords(db)), invitations: new TypeOrmInvitationRepository(db) },
    close: () => dataSource.destroy(),
  };
});

describeUserAccessTokenRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  return { tokens: new TypeOrmUserAccessTokenRepository(new Database(dataSource)), close: () => dataSource.destroy() };
});
