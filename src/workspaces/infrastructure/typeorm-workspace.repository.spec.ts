import { openTestDataSource } from '../../../test/support/test-database.js';
import { TypeOrmWorkspaceAccessTokenRepository } from './typeorm-workspace-access-token.repository.js';
import { TypeOrmWorkspaceRepository } from './typeorm-workspace.repository.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('TypeORM repositories', async () => {
  const dataSource = await openTestDataSource();
  return {
    repositories: {
      workspaces: new TypeOrmWorkspaceRepository(dataSource),
      tokens: new TypeOrmWorkspaceAccessTokenRepository(dataSource),
    },
    close: () => dataSource.destroy(),
  };
});
