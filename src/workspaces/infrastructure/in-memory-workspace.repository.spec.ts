import { InMemoryWorkspaceAccessTokenRepository, InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from './in-memory-workspace.repository.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('in-memory repositories', async () => {
  const store = new InMemoryWorkspaceStore();
  return {
    repositories: { workspaces: new InMemoryWorkspaceRepository(store), tokens: new InMemoryWorkspaceAccessTokenRepository(store) },
    close: async () => undefined,
  };
});
