import { Workspace } from '../../workspaces/domain/workspace.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../workspaces/infrastructure/in-memory-workspace.repository.js';
import { InvalidAccessToken } from '../domain/access-token.errors.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { InMemoryWorkspaceAccessTokenRepository } from '../infrastructure/in-memory-workspace-access-token.repository.js';
import { AuthenticateAccessTokenUseCase } from './authenticate-access-token.use-case.js';

describe('AuthenticateAccessTokenUseCase', () => {
  let tokens: InMemoryWorkspaceAccessTokenRepository;
  let useCase: AuthenticateAccessTokenUseCase;
  let workspace: Workspace;

  beforeEach(async () => {
    const store = new InMemoryWorkspaceStore();
    tokens = new InMemoryWorkspaceAccessTokenRepository(store);
    useCase = new AuthenticateAccessTokenUseCase(tokens);
    workspace = Workspace.create({
      name: 'Team',
      billingAccountEmail: 'billing@example.com',
      creator: { userId: 'alice', mayProvisionWorkspaces: false },
      now: new Date(),
    });
    await new InMemoryWorkspaceRepository(store).insert(workspace);
  });

  const issue = async (expiresAt: Date | null) => {
    const issued = WorkspaceAccessToken.issue({ membershipId: workspace.memberships[0].id, name: 't', expiresAt, now: new Date() });
    await tokens.insert(issued.token);
    return issued;
  };

  it('resolves a valid secret to its member, acting only in the token’s workspace', async () => {
    const { secret } = await issue(null);
    expect(await useCase.authenticate([secret])).toEqual({
      userId: 'alice',
      mayProvisionWorkspaces: false,
      restrictedToWorkspaceId: workspace.id,
    });
  });

  it('looks up only the form that has the shape of a secret', async () => {
    const { secret } = await issue(null);
    expect(await useCase.authenticate(['not-a-secret', secret])).toMatchObject({ userId: 'alice' });
    await expect(useCase.authenticate(['not-a-secret'])).rejects.toThrow(new InvalidAccessToken('unknown'));
  });

  it('refuses an unknown secret', async () => {
    await issue(null);
    await expect(useCase.authenticate(['wsat_' + 'A'.repeat(43)])).rejects.toThrow(new InvalidAccessToken('unknown'));
  });

  it('refuses an expired token', async () => {
    const { secret } = await issue(new Date(Date.now() - 1000));
    await expect(useCase.authenticate([secret])).rejects.toThrow(new InvalidAccessToken('expired'));
  });

  it('accepts a token that expires in the future', async () => {
    const { secret } = await issue(new Date(Date.now() + 60_000));
    await expect(useCase.authenticate([secret])).resolves.toMatchObject({ userId: 'alice' });
  });
});
