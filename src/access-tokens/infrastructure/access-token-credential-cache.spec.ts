import { jest } from '@jest/globals';
import type { AppConfig } from '../../config/app-config.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import { AccessTokenCredentialCache } from './access-token-credential-cache.js';

const credential = (name: string) => ({
  token: WorkspaceAccessToken.issue({
    membership: { id: '6f1c1c1e-0000-4000-8000-000000000001', workspaceId: '6f1c1c1e-0000-4000-8000-000000000002', userId: 'user' },
    name,
    expiresAt: null,
    now: new Date(),
    actor: { userId: 'user', mayProvisionWorkspaces: false },
  }).token,
  userId: 'user',
  workspaceId: '6f1c1c1e-0000-4000-8000-000000000002',
});

const cacheFor = (seconds = 60) => new AccessTokenCredentialCache({ accessTokenCacheSeconds: seconds } as AppConfig);

describe('AccessTokenCredentialCache', () => {
  afterEach(() => jest.restoreAllMocks());

  it('keeps nothing until activated (revocations may go unheard)', () => {
    const cache = cacheFor();
    cache.put('h', credential('a'), cache.position());
    expect(cache.get('h')).toBeUndefined();
  });

  it('remembers a credential once active, and forgets a revoked one', () => {
    const cache = cacheFor();
    cache.activate();
    const a = credential('a');
    const b = credential('b');
    cache.put('a', a, cache.position());
    cache.put('b', b, cache.position());
    expect(cache.get('a')).toBe(a);
    cache.revoked('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(b);
    cache.revoked();
    expect(cache.get('b')).toBeUndefined();
  });

  it('does not store what a lookup read before a revocation came in', () => {
    const cache = cacheFor();
    cache.activate();
    const position = cache.position();
    cache.revoked('other');
    cache.put('a', credential('a'), position);
    expect(cache.get('a')).toBeUndefined();
  });

  it('forgets an entry after ACCESS_TOKEN_CACHE_SECONDS', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const cache = cacheFor(60);
    cache.activate();
    const a = credential('a');
    cache.put('a', a, cache.position());
    now.mockReturnValue(1_000_000 + 59_999);
    expect(cache.get('a')).toBe(a);
    now.mockReturnValue(1_000_000 + 60_000);
    expect(cache.get('a')).toBeUndefined();
  });

  it('deactivating empties it; activating again starts empty', () => {
    const cache = cacheFor();
    cache.activate();
    cache.put('a', credential('a'), cache.position());
    cache.deactivate();
    expect(cache.get('a')).toBeUndefined();
    cache.activate();
    expect(cache.get('a')).toBeUndefined();
  });

  it('stays off when ACCESS_TOKEN_CACHE_SECONDS is 0', () => {
    const cache = cacheFor(0);
    cache.activate();
    cache.put('a', credential('a'), cache.position());
    expect(cache.get('a')).toBeUndefined();
  });

  it('holds at most 10,000 entries, dropping the oldest', () => {
    const cache = cacheFor();
    cache.activate();
    const c = credential('a');
    for (let i = 0; i <= 10_000; i++) cache.put(`h${i}`, c, cache.position());
    expect(cache.get('h0')).toBeUndefined();
    expect(cache.get('h1')).toBe(c);
    expect(cache.get('h10000')).toBe(c);
  });
});
