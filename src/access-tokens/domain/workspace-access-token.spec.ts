import { createHash } from 'node:crypto';
import { WORKSPACE_TOKEN_PREFIX as ACCESS_TOKEN_PREFIX } from './access-token-secret.js';
import { WorkspaceAccessToken } from './workspace-access-token.js';

const now = new Date('2026-01-01T00:00:00.000Z');

describe('WorkspaceAccessToken', () => {
  it('issues a prefixed secret and keeps only its SHA-256 hash', () => {
    const { token, secret } = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'ci',
      expiresAt: null,
      now,
    });
    expect(secret.startsWith(ACCESS_TOKEN_PREFIX)).toBe(true);
    expect(secret.length).toBeGreaterThanOrEqual(ACCESS_TOKEN_PREFIX.length + 43);
    expect(token.hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(Object.values(token).join(' ')).not.toContain(secret);
  });

  it('issues a different secret every time', () => {
    const a = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'a',
      expiresAt: null,
      now,
    });
    const b = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'b',
      expiresAt: null,
      now,
    });
    expect(a.secret).not.toBe(b.secret);
    expect(a.token.id).not.toBe(b.token.id);
  });

  it('never expires without an expiry date, and expires at its expiry date', () => {
    const forever = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'f',
      expiresAt: null,
      now,
    }).token;
    expect(forever.isExpiredAt(new Date('2999-01-01'))).toBe(false);
    const expiresAt = new Date('2026-06-01T00:00:00.000Z');
    const limited = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'l',
      expiresAt,
      now,
    }).token;
    expect(limited.isExpiredAt(new Date(expiresAt.getTime() - 1))).toBe(false);
    expect(limited.isExpiredAt(expiresAt)).toBe(true);
  });

  it('recognises the shape of an issued secret and nothing else', () => {
    const { secret } = WorkspaceAccessToken.issue({
      membership: { id: 'm', workspaceId: 'w', userId: 'u' },
      actor: { userId: 'u', mayProvisionWorkspaces: false },
      name: 'a',
      expiresAt: null,
      now,
    });
    expect(WorkspaceAccessToken.hasSecretShape(secret)).toBe(true);
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    for (const garbage of ['', 'abcd', base64(secret), `${secret}x`, 'wsat_' + 'a'.repeat(42), 'A'.repeat(5_000)]) {
      expect(WorkspaceAccessToken.hasSecretShape(garbage)).toBe(false);
    }
  });
});
