import { randomUUID } from 'node:crypto';
import { AccessTokenAlreadyExists } from '../../src/access-tokens/domain/access-token.errors.js';
import { UserAccessToken } from '../../src/access-tokens/domain/user-access-token.js';
import type { UserAccessTokenRepository } from '../../src/access-tokens/domain/user-access-token.repository.js';
import type { UnitOfWork } from '../../src/kernel/unit-of-work.js';

/** One behaviour for the in-memory and the TypeORM user access token repository. */
export function describeUserAccessTokenRepositoryContract(
  name: string,
  open: () => Promise<{ unitOfWork: UnitOfWork; tokens: UserAccessTokenRepository; close: () => Promise<void> }>,
): void {
  describe(`${name} (user access token repository contract)`, () => {
    let tokens: UserAccessTokenRepository;
    let unitOfWork: UnitOfWork;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ tokens, unitOfWork, close } = await open());
    });
    const save = (token: UserAccessToken) => unitOfWork.run('contract', async (tx) => tokens.save(tx, token));
    afterAll(() => close());

    const issue = (userId: string, minute = 0, expiresAt: Date | null = null) =>
      UserAccessToken.issue({
        name: `t${minute}`,
        expiresAt,
        now: new Date(Date.UTC(2026, 4, 1, 10, minute)),
        actor: { userId, mayProvisionWorkspaces: false },
      });
    const fields = (t: UserAccessToken | null) =>
      t && [t.id, t.userId, t.name, t.hash, t.createdAt.toISOString(), t.expiresAt?.toISOString()];

    it('stores a token and finds it by id, by hash and by its secret (in any presented form), every field unchanged', async () => {
      const { token, secret } = issue(`user-${randomUUID()}`, 0, new Date('2027-01-01T00:00:00.000Z'));
      await save(token);
      expect(fields(await tokens.findById(token.id))).toEqual(fields(token));
      expect(fields(await tokens.findByHash(token.hash))).toEqual(fields(token));
      expect(fields(await tokens.findBySecret(['not-a-secret', secret]))).toEqual(fields(token));
      expect(await tokens.findBySecret(['usat_' + 'A'.repeat(43)])).toBeNull();
      // Another new token with the same hash: refused.
      const twin = issue(token.userId, 1).token;
      (twin as unknown as { props: { hash: string } }).props.hash = token.hash;
      await expect(save(twin)).rejects.toThrow(AccessTokenAlreadyExists);
    });

    it("counts a user's tokens up to a bound", async () => {
      const userId = `user-${randomUUID()}`;
      for (let minute = 0; minute < 3; minute++) await save(issue(userId, minute).token);
      expect([await tokens.countByUser(userId, 10), await tokens.countByUser(userId, 2), await tokens.countByUser('nobody', 5)]).toEqual([
        3, 2, 0,
      ]);
    });

    it("lists a user's tokens oldest first, a page at a time, and deletes them", async () => {
      const user = `user-${randomUUID()}`;
      const issued = [issue(user, 3), issue(user, 1), issue(user, 2)].map(({ token }) => token);
      for (const token of issued) await save(token);
      await save(issue(`other-${randomUUID()}`, 0).token);
      const byAge = [issued[1], issued[2], issued[0]].map((t) => t.id);
      expect((await tokens.listByUser(user, { skip: 0, limit: 100 })).map((t) => t.id)).toEqual(byAge);
      expect((await tokens.listByUser(user, { skip: 1, limit: 1 })).map((t) => t.id)).toEqual([byAge[1]]);
      expect(await tokens.listByUser(user, { skip: 2 ** 40, limit: 100 })).toEqual([]);
      const found = (await tokens.findById(issued[0].id))!;
      found.revoke({ userId: user, mayProvisionWorkspaces: false }, new Date());
      expect(found.pullEvents().map((e) => [e.type, e.data.accessTokenId])).toEqual([['access_token.deleted', found.id]]);
      await save(found);
      expect(await tokens.findById(issued[0].id)).toBeNull();
      expect((await tokens.listByUser(user, { skip: 0, limit: 100 })).map((t) => t.id)).toEqual(byAge.filter((id) => id !== found.id));
    });
  });
}
