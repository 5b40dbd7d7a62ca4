import { InMemoryUserAccessTokenRepository } from '../../src/access-tokens/infrastructure/in-memory-user-access-token.repository.js';
import { InMemoryWorkspaceAccessTokenRepository } from '../../src/access-tokens/infrastructure/in-memory-workspace-access-token.repository.js';
import { InMemoryUnitOfWork } from '../../src/database/in-memory-unit-of-work.js';
import { InMemoryInvitationRepository } from '../../src/invitations/infrastructure/in-memory-invitation.repository.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../src/workspaces/infrastructure/in-memory-workspace.repository.js';
import { describeInvitationRepositoryContract } from './invitation-repositories.contract.js';
import { describeUserAccessTokenRepositoryContract } from './user-access-token-repositories.contract.js';
import { describeWorkspaceRepositoryContract } from './workspace-repositories.contract.js';

describeWorkspaceRepositoryContract('in-memory repositories', async () => {
  const store = new InMemoryWorkspaceStore();
  return {
    repositories: {
      unitOfWork: new InMemoryUnitOfWork(),
      workspaces: new InMemoryWorkspaceRepository(store),
      tokens: new InMemoryWorkspaceAccessTokenRepository(store),
    },
    close: async () => undefined,
  };
});

describeInvitationRepositoryContract('in-memory repositories', async () => {
  const store = new InMemoryWorkspaceStore();
  return {
    repositories: {
      unitOfWork: new InMemoryUnitOfWork(),
      workspaces: new InMemoryWorkspaceRepository(store),
      invitations: new InMemoryInvitationRepository(store),
    },
    close: async () => undefined,
  };
});

describeUserAccessTokenRepositoryContract('in-memory repositories', async () => ({
  unitOfWork: new InMemoryUnitOfWork(),
  tokens: new InMemoryUserAccessTokenRepository(),
  close: async () => undefined,
}));
