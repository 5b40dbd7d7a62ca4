import { RestrictedCredential } from '../../workspaces/domain/workspace.errors.js';
import { hashSecret } from './access-token-secret.js';
import { assertMayManageUserTokens, UserAccessToken } from './user-access-token.js';
import { WorkspaceAccessToken } from './workspace-access-token.js';

describe('UserAccessToken', () => {
  const now = new Date('2026-05-01T10:00:00.000Z');

  it('is issued with a usat_ secret that only its hash records; the two kinds of secret are told apart', () => {
    const { token, secret } = UserAccessToken.issue({
      actor: { userId: 'alice', mayProvisionWorkspaces: false },
      name: 'laptop',
      expiresAt: null,
      now,
    });
    expect(secret).toMatch(/^usat_[A-Za-z0-9_-]{43}$/);
    expect(token.hash).toBe(hashSecret(secret));
    expect(JSON.stringify(token)).not.toContain(secret);
    expect(UserAccessToken.hasSecretShape(secret)).toBe(true);
    expect(WorkspaceAccessToken.hasSecretShape(secret)).toBe(false);
    const workspaceSecret = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'x',
      expiresAt: null,
      now,
    }).secret;
    expect(UserAccessToken.hasSecretShape(workspaceSecret)).toBe(false);
  });

  it('expires at its expiresAt, never without one', () => {
    const { token } = UserAccessToken.issue({
      actor: { userId: 'alice', mayProvisionWorkspaces: false },
      name: 'x',
      expiresAt: new Date(now.getTime() + 1000),
      now,
    });
    expect([token.isExpiredAt(now), token.isExpiredAt(new Date(now.getTime() + 1000))]).toEqual([false, true]);
    expect(
      UserAccessToken.issue({
        actor: { userId: 'alice', mayProvisionWorkspaces: false },
        name: 'x',
        expiresAt: null,
        now,
      }).token.isExpiredAt(new Date(8.64e15)),
    ).toBe(false);
  });

  it('is managed by its user, or with the provisioning scope; never with a workspace access token', () => {
    const { token } = UserAccessToken.issue({ actor: { userId: 'alice', mayProvisionWorkspaces: false }, name: 'x', expiresAt: null, now });
    expect(token.mayBeManagedBy({ userId: 'alice', mayProvisionWorkspaces: false })).toBe(true);
    expect(token.mayBeManagedBy({ userId: 'bob', mayProvisionWorkspaces: false })).toBe(false);
    expect(token.mayBeManagedBy({ userId: 'ops', mayProvisionWorkspaces: true })).toBe(true);
    expect(() => assertMayManageUserTokens({ userId: 'alice', mayProvisionWorkspaces: false, restrictedToWorkspaceId: 'w' })).toThrow(
      RestrictedCredential,
    );
    expect(() => assertMayManageUserTokens({ userId: 'alice', mayProvisionWorkspaces: false, accessTokenId: 't' })).not.toThrow();
  });
});
