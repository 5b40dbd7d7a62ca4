import { InMemoryUnitOfWork } from '../../database/in-memory-unit-of-work.js';
import { Workspace } from '../../workspaces/domain/workspace.js';
import type { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
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
  let owner: WorkspaceMembership;
  const unitOfWork = new InMemoryUnitOfWork();
  const alice = { userId: 'alice', mayProvisionWorkspaces: false };

  beforeEach(async () => {
    const store = new InMemoryWorkspaceStore();
    tokens = new InMemoryWorkspaceAccessTokenRepository(store);
    userTokens = new InMemoryUserAccessTokenRepository();
    useCase = new AuthenticateAccessTokenUseCase(tokens, userTokens);
    ({ workspace, owner } = Workspace.create({
      name: 'Team',
      billingAccountEmail: 'billing@example.com',
      creator: alice,
      now: new Date(),
    }));
    const workspaces = new InMemoryWorkspaceRepository(store);
    await unitOfWork.run('test', async (tx) => {
      workspaces.save(tx, workspace);
      workspaces.saveMembership(tx, owner);
    });
  });

  const issue = async (expiresAt: Date | null) => {
    const issued = WorkspaceAccessToken.issue({ membership: owner, name: 't', expiresAt, now: new Date(), actor: alice });
    await unitOfWork.run('test', async (tx) => tokens.save(tx, issued.token));
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
    const live = UserAccessToken.issue({ name: 'laptop', expiresAt: null, now: new Date(), actor: alice });
    const expired = UserAccessToken.issue({ name: 'old', expiresAt: new Date(Date.now() - 1000), now: new Date(), actor: alice });
    for (const { token } of [live, expired]) await unitOfWork.run('test', async (tx) => userTokens.save(tx, token));
    expect(live.secret).toMatch(/^usat_[A-Za-z0-9_-]{43}$/);
    expect(await useCase.authenticate([live.secret])).toEqual({
      userId: 'alice',
      mayProvisionWorkspaces: false,
      accessTokenId: live.token.id,
    });
    await expect(useCase.authenticate([expired.secret])).rejects.toThrow(new InvalidAccessToken('expired'));
    await expect(useCase.authenticate(['usat_' + 'A'.repeat(43)])).rejects.toThrow(new InvalidAccessToken('unknown'));
    live.token.revoke(alice, new Date());
    await unitOfWork.run('test', async (tx) => userTokens.save(tx, live.token));
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
