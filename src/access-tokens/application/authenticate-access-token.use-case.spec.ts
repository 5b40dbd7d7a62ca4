import { Workspace } from '../../workspaces/domain/workspace.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../workspaces/infrastructure/in-memory-workspace.repository.js';
import { InvalidAccessToken } from '../domain/access-token.errors.js';
import { UserAccessToken } from '../domain/user-access-token.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { InMemoryUserAccessTokenRepository } from '../infrastructure/in-memory-user-access-token.repository.js';
import { InMemoryWorkspaceAccessTokenRepository } from '../infrastructure/in-memory-workspace-access-token.repository.js';
import { AuthenticateAccessTokenUseCase } from './authenticate-access-token.use-case.js';

describe('AuthenticateAccessTokenUseCase', () => {
  let tokens: InMemoryWorkspaceAccessTokenRepository;
  let userTokens: InMemoryUserAccessTokenRepository;
  let useCase: AuthenticateAccessTokenUseCase;
  let workspace: Workspace;

  beforeEach(async () => {
    const store = new InMemoryWorkspaceStore();
    tokens = new InMemoryWorkspaceAccessTokenRepository(store);
    userTokens = new InMemoryUserAccessTokenRepository();
    useCase = new AuthenticateAccessTokenUseCase(tokens, userTokens);
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
    const { token, secret } = await issue(null);
    expect(await useCase.authenticate([secret])).toEqual({
      userId: 'alice',
      mayProvisionWorkspaces: false,
      restrictedToWorkspaceId: workspace.id,
      accessTokenId: token.id,
    });
  });

  it('resolves a user token (told apart by its prefix) to its user, in every workspace, until it expires', async () => {
    const live = UserAccessToken.issue({ userId: 'alice', name: 'laptop', expiresAt: null, now: new Date() });
    const expired = UserAccessToken.issue({ userId: 'alice', name: 'old', expiresAt: new Date(Date.now() - 1000), now: new Date() });
    for (const { token } of [live, expired]) await userTokens.insert(token);
    expect(live.secret).toMatch(/^usat_[A-Za-z0-9_-]{43}$/);
    expect(await useCase.authenticate([live.secret])).toEqual({
      userId: 'alice',
      mayProvisionWorkspaces: false,
      accessTokenId: live.token.id,
    });
    await expect(useCase.authenticate([expired.secret])).rejects.toThrow(new InvalidAccessToken('expired'));
    await expect(useCase.authenticate(['usat_' + 'A'.repeat(43)])).rejects.toThrow(new InvalidAccessToken('unknown'));
    await userTokens.delete(live.token.id);
    await expect(useCase.authenticate([live.secret])).rejects.toThrow(new InvalidAccessToken('unknown'));
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
