import { Database } from '../../database/database.js';
import { openTestDataSource } from '../../../test/support/test-database.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './typeorm-workspace-access-token.repository.js';
import { TypeOrmWorkspaceRepository } from './typeorm-workspace.repository.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  const db = new Database(dataSource);
  return {
    repositories: {
      workspaces: new TypeOrmWorkspaceRepository(db),
      tokens: new TypeOrmWorkspaceAccessTokenRepository(db),
    },
    close: () => dataSource.destroy(),
  };
});
