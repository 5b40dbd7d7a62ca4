import { Workspace } from '../domain/workspace.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { InvalidAccessToken } from '../domain/workspace.errors.js';
import {
  InMemoryWorkspaceAccessTokenRepository,
  InMemoryWorkspaceRepository,
  InMemoryWorkspaceStore,
} from '../infrastructure/in-memory-workspace.repository.js';
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

  it('resolves a valid secret to its member and workspace', async () => {
    const { token, secret } = await issue(null);
    const credential = await useCase.execute(secret);
    expect(credential.token.id).toBe(token.id);
    expect(credential.userId).toBe('alice');
    expect(credential.workspaceId).toBe(workspace.id);
  });

  it('refuses an unknown secret', async () => {
    await issue(null);
    await expect(useCase.execute('wsat_unknown')).rejects.toThrow(new InvalidAccessToken('unknown'));
  });

  it('refuses an expired token', async () => {
    const { secret } = await issue(new Date(Date.now() - 1000));
    await expect(useCase.execute(secret)).rejects.toThrow(new InvalidAccessToken('expired'));
  });

  it('accepts a token that expires in the future', async () => {
    const { secret } = await issue(new Date(Date.now() + 60_000));
    await expect(useCase.execute(secret)).resolves.toMatchObject({ userId: 'alice' });
  });
});
