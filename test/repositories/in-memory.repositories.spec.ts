import { InMemoryWorkspaceAccessTokenRepository } from '../../src/access-tokens/infrastructure/in-memory-workspace-access-token.repository.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../src/workspaces/infrastructure/in-memory-workspace.repository.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('in-memory repositories', async () => {
  const store = new InMemoryWorkspaceStore();
  return {
    repositories: { workspaces: new InMemoryWorkspaceRepository(store), tokens: new InMemoryWorkspaceAccessTokenRepository(store) },
    close: async () => undefined,
  };
});
