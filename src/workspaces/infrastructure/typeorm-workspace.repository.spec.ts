import type { AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';
import { openTestDataSource } from '../../../test/support/test-database.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './typeorm-workspace-access-token.repository.js';
import { TypeOrmWorkspaceRepository } from './typeorm-workspace.repository.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  const db = new Database(dataSource);
  // Active, as on PostgreSQL: every contract case then also holds with credentials remembered.
  const cache = new AccessTokenCredentialCache({ accessTokenCacheSeconds: 60 } as AppConfig);
  cache.activate();
  return {
    repositories: {
      workspaces: new TypeOrmWorkspaceRepository(db, cache),
      tokens: new TypeOrmWorkspaceAccessTokenRepository(db, cache),
    },
    close: () => dataSource.destroy(),
  };
});
