import { AccessTokenAlreadyExists } from '../../src/access-tokens/domain/access-token.errors.js';
import { WorkspaceAccessToken } from '../../src/access-tokens/domain/workspace-access-token.js';
import type { WorkspaceAccessTokenRepository } from '../../src/access-tokens/domain/workspace-access-token.repository.js';
import type { Actor } from '../../src/kernel/actor.js';
import type { Transaction, UnitOfWork } from '../../src/kernel/unit-of-work.js';
import { Workspace } from '../../src/workspaces/domain/workspace.js';
import { WorkspaceMembership } from '../../src/workspaces/domain/workspace-membership.js';
import { WorkspacePrivilege } from '../../src/workspaces/domain/workspace-privilege.js';
import {
  MemberAlreadyExists,
  MembershipNotFound,
  WorkspaceAlreadyExists,
  WorkspaceLimitReached,
} from '../../src/workspaces/domain/workspace.errors.js';
import type { MembershipPosition, WorkspaceListPosition, WorkspaceRepository } from '../../src/workspaces/domain/workspace.repository.js';

export interface WorkspaceRepositories {
  unitOfWork: UnitOfWork;
  workspaces: WorkspaceRepository;
  tokens: WorkspaceAccessTokenRepository;
}

const LIMITS = { membersPerWorkspace: 1_000, workspacesPerUser: 1_000 };

/**
 * One behaviour for every implementation of the workspace ports and their unit of work: run against
 * the in-memory fakes and against TypeORM on a real database, so that unit tests using the fakes can
 * be trusted.
 */
export function describeWorkspaceRepositoryContract(
  name: string,
  open: () => Promise<{ repositories: WorkspaceRepositories; close: () => Promise<void> }>,
): void {
  describe(`${name} (workspace repository contract)`, () => {
    let repositories: WorkspaceRepositories;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ repositories, close } = await open());
    });
    afterAll(() => close());

    const actor = (userId: string): Actor => ({ userId, mayProvisionWorkspaces: false });
    const write = <T>(work: (tx: Transaction) => T | Promise<T>) => repositories.unitOfWork.run('contract', async (tx) => work(tx));
    const newWorkspace = (ownerId = `user-${Math.random()}`) =>
      Workspace.create({
        name: 'Team 🙂',
        billingAccountEmail: 'billing@example.com',
        creator: actor(ownerId),
        now: new Date('2026-03-04T05:06:07.089Z'),
      });
    const insert = (created: { workspace: Workspace; owner: WorkspaceMembership }, workspaceLimit?: number) =>
      write((tx) => {
        repositories.workspaces.save(tx, created.workspace);
        repositories.workspaces.saveMembership(tx, created.owner, { workspaceLimit });
      });
    const stored = async (ownerId = `user-${Math.random()}`) => {
      const created = newWorkspace(ownerId);
      await insert(created);
      return created;
    };
    /** Admits `userId` under the workspace's lock, as the use cases do. */
    const admit = (workspaceId: string, userId: string, privilege = WorkspacePrivilege.MEMBER) =>
      write(async (tx) => {
        const workspace = (await repositories.workspaces.lock(tx, workspaceId))!;
        const membership = workspace.admit({
          userId,
          privilege,
          actor: actor('adder'),
          now: new Date(),
          existing: null,
          userWorkspaces: 0,
          limits: LIMITS,
        });
        repositories.workspaces.save(tx, workspace);
        repositories.workspaces.saveMembership(tx, membership);
        return membership;
      });
    const issue = (membership: WorkspaceMembership, name = 't', now = new Date(), expiresAt: Date | null = null) =>
      WorkspaceAccessToken.issue({ membership, name, expiresAt, now, actor: actor(membership.userId) });
    const saveToken = (token: WorkspaceAccessToken) => write((tx) => repositories.tokens.save(tx, token));

    it('stores a workspace with its owner and finds it by id, unchanged, with its member count', async () => {
      const { workspace, owner } = await stored();
      const found = await repositories.workspaces.findById(workspace.id);
      expect(found && [found.id, found.name, found.billingAccountEmail, found.createdAt.toISOString(), found.memberCount]).toEqual([
        workspace.id,
        'Team 🙂',
        'billing@example.com',
        '2026-03-04T05:06:07.089Z',
        1,
      ]);
      expect((await repositories.workspaces.membersOf(workspace.id)).map((m) => [m.id, m.userId, m.privilege, m.workspaceId])).toEqual([
        [owner.id, owner.userId, WorkspacePrivilege.OWNER, workspace.id],
      ]);
    });

    it("counts a user's workspaces up to a bound, and refuses a workspace whose owner is at the limit, storing nothing", async () => {
      const owner = `user-${Math.random()}`;
      for (let i = 0; i < 2; i++) await insert(newWorkspace(owner), 2);
      expect(await repositories.workspaces.countWorkspacesOf(owner, 10)).toBe(2);
      expect(await repositories.workspaces.countWorkspacesOf(owner, 1)).toBe(1);
      const third = newWorkspace(owner);
      await expect(insert(third, 2)).rejects.toThrow(new WorkspaceLimitReached(2));
      expect(await repositories.workspaces.findById(third.workspace.id)).toBeNull();
      await insert(third, 3);
      expect(await repositories.workspaces.countWorkspacesOf(owner, 10)).toBe(3);
    });

    it("counts a membership's access tokens up to a bound", async () => {
      const { owner } = await stored();
      for (let i = 0; i < 3; i++) await saveToken(issue(owner, `t${i}`).token);
      expect([await repositories.tokens.countByMembership(owner.id, 10), await repositories.tokens.countByMembership(owner.id, 2)]).toEqual(
        [3, 2],
      );
    });

    it('finds a workspace without its memberships for a member, and nothing for anyone else', async () => {
      const { workspace, owner } = await stored();
      expect(await repositories.workspaces.findSummaryForMember(workspace.id, owner.userId)).toEqual({
        id: workspace.id,
        name: 'Team 🙂',
        createdAt: workspace.createdAt,
        updatedAt: workspace.updatedAt,
        memberCount: 1,
      });
      expect(await repositories.workspaces.findSummaryForMember(workspace.id, 'someone-else')).toBeNull();
      expect(await repositories.workspaces.findSummaryForMember('6f1c1c1e-0000-4000-8000-000000000000', owner.userId)).toBeNull();
    });

    it('finds and locks nothing for an unknown id', async () => {
      expect(await repositories.workspaces.findById('6f1c1c1e-0000-4000-8000-000000000000')).toBeNull();
      expect(await write((tx) => repositories.workspaces.lock(tx, '6f1c1c1e-0000-4000-8000-000000000000'))).toBeNull();
    });

    it('refuses a second workspace with the same id', async () => {
      const first = await stored();
      const twin = newWorkspace();
      propsOf(twin.workspace).id = first.workspace.id;
      await expect(insert({ workspace: twin.workspace, owner: first.owner })).rejects.toThrow(WorkspaceAlreadyExists);
    });

    it('writes a unit of work all or nothing: a workspace whose second member cannot be stored is not stored, nor its events', async () => {
      const created = newWorkspace('dup');
      const twin = WorkspaceMembership.create({
        workspaceId: created.workspace.id,
        userId: 'dup',
        privilege: WorkspacePrivilege.MEMBER,
        now: new Date(),
      });
      await expect(
        write((tx) => {
          repositories.workspaces.save(tx, created.workspace);
          repositories.workspaces.saveMembership(tx, created.owner);
          repositories.workspaces.saveMembership(tx, twin);
        }),
      ).rejects.toThrow(MemberAlreadyExists);
      expect(await repositories.workspaces.findById(created.workspace.id)).toBeNull();
      expect(await repositories.workspaces.findMembershipById(created.owner.id)).toBeNull();
    });

    it('stores nothing when the unit of work throws after saving', async () => {
      const { workspace } = await stored('owner-throws');
      await expect(
        write(async (tx) => {
          const locked = (await repositories.workspaces.lock(tx, workspace.id))!;
          const membership = locked.admit({
            userId: 'someone',
            privilege: WorkspacePrivilege.MEMBER,
            actor: actor('x'),
            now: new Date(),
            existing: null,
            userWorkspaces: 0,
            limits: LIMITS,
          });
          repositories.workspaces.save(tx, locked);
          repositories.workspaces.saveMembership(tx, membership);
          throw new Error('changed its mind');
        }),
      ).rejects.toThrow('changed its mind');
      expect((await repositories.workspaces.membersOf(workspace.id)).map((m) => m.userId)).toEqual(['owner-throws']);
      expect((await repositories.workspaces.findById(workspace.id))!.memberCount).toBe(1);
    });

    it('stores an access token for a membership and resolves it by hash to its member', async () => {
      const { workspace, owner } = await stored();
      const expiresAt = new Date('2030-01-01T00:00:00.000Z');
      const { token } = issue(owner, 'ci', new Date(), expiresAt);
      await saveToken(token);
      const credential = await repositories.tokens.findCredentialByHash(token.hash);
      expect(
        credential && [credential.token.id, credential.token.expiresAt?.toISOString(), credential.userId, credential.workspaceId],
      ).toEqual([token.id, expiresAt.toISOString(), owner.userId, workspace.id]);
      expect((await repositories.tokens.listByMembership(owner.id)).map((t) => [t.id, t.name, t.hash])).toEqual([
        [token.id, 'ci', token.hash],
      ]);
    });

    it('resolves nothing for an unknown hash', async () => {
      expect(await repositories.tokens.findCredentialByHash('0'.repeat(64))).toBeNull();
    });

    it('refuses a token for a membership that does not exist', async () => {
      const ghost = WorkspaceMembership.create({
        workspaceId: '6f1c1c1e-0000-4000-8000-000000000001',
        userId: 'ghost',
        privilege: WorkspacePrivilege.OWNER,
        now: new Date(),
      });
      await expect(saveToken(issue(ghost, 'orphan').token)).rejects.toThrow(MembershipNotFound);
    });

    it('refuses a second token with the same hash', async () => {
      const { owner } = await stored();
      const { token } = issue(owner, 'a');
      await saveToken(token);
      const twin = issue(owner, 'b').token;
      propsOf(twin).hash = token.hash;
      await expect(saveToken(twin)).rejects.toThrow(AccessTokenAlreadyExists);
    });

    it('locks the workspace it returns, and saves a rename: name and updatedAt, createdAt unchanged', async () => {
      const { workspace, owner } = await stored('owner-rename');
      const later = new Date('2026-05-06T07:08:09.010Z');
      const result = await write(async (tx) => {
        const locked = (await repositories.workspaces.lock(tx, workspace.id))!;
        locked.rename(owner, 'Renamed', actor('owner-rename'), later);
        repositories.workspaces.save(tx, locked);
        return 'done';
      });
      expect(result).toBe('done');
      const found = await repositories.workspaces.findById(workspace.id);
      expect([found!.name, found!.updatedAt.toISOString(), found!.createdAt.toISOString()]).toEqual([
        'Renamed',
        later.toISOString(),
        workspace.createdAt.toISOString(),
      ]);
    });

    it('saves every field of a workspace that may change', async () => {
      const { workspace } = await stored('owner-fields');
      let altered: Workspace | undefined;
      await write(async (tx) => {
        altered = (await repositories.workspaces.lock(tx, workspace.id))!;
        alterEveryField(altered, ['id', 'billingAccountEmail', 'createdAt']);
        repositories.workspaces.save(tx, altered);
      });
      expect(stateOf((await repositories.workspaces.findById(workspace.id))!)).toEqual(stateOf(altered!));
    });

    it('saves admitted and ended memberships, with the count; an ended membership takes its tokens', async () => {
      const { workspace } = await stored('owner-members');
      const added = await admit(workspace.id, 'new-admin', WorkspacePrivilege.ADMIN);
      expect((await repositories.workspaces.findMembership(workspace.id, 'new-admin'))?.id).toBe(added.id);
      expect((await repositories.workspaces.findMembershipById(added.id))?.privilege).toBe(WorkspacePrivilege.ADMIN);
      expect((await repositories.workspaces.findById(workspace.id))!.memberCount).toBe(2);
      const { token } = issue(added);
      await saveToken(token);
      expect(await repositories.tokens.findCredentialByHash(token.hash)).not.toBeNull();

      await write(async (tx) => {
        const locked = (await repositories.workspaces.lock(tx, workspace.id))!;
        const target = (await repositories.workspaces.findMembershipById(added.id))!;
        locked.removeMember(target, target, false, actor('new-admin'), new Date());
        repositories.workspaces.save(tx, locked);
        repositories.workspaces.saveMembership(tx, target);
      });
      expect(await repositories.workspaces.findMembershipById(added.id)).toBeNull();
      expect(await repositories.tokens.findCredentialByHash(token.hash)).toBeNull();
      expect((await repositories.workspaces.membersOf(workspace.id)).map((m) => m.userId)).toEqual(['owner-members']);
      expect((await repositories.workspaces.findById(workspace.id))!.memberCount).toBe(1);
    });

    it('tells whether a workspace has an owner besides one membership', async () => {
      const { workspace, owner } = await stored();
      expect(await repositories.workspaces.hasOwnerBesides(workspace.id, owner.id)).toBe(false);
      const admin = await admit(workspace.id, 'an-admin', WorkspacePrivilege.ADMIN);
      expect(await repositories.workspaces.hasOwnerBesides(workspace.id, owner.id)).toBe(false);
      const second = await admit(workspace.id, 'second-owner', WorkspacePrivilege.OWNER);
      expect([
        await repositories.workspaces.hasOwnerBesides(workspace.id, owner.id),
        await repositories.workspaces.hasOwnerBesides(workspace.id, second.id),
        await repositories.workspaces.hasOwnerBesides(workspace.id, admin.id),
      ]).toEqual([true, true, true]);
    });

    it('deleting a workspace takes its memberships and their tokens with it', async () => {
      const { workspace, owner } = await stored('owner-delete');
      const { token } = issue(owner);
      await saveToken(token);
      await write(async (tx) => {
        const locked = (await repositories.workspaces.lock(tx, workspace.id))!;
        locked.delete(owner, await repositories.workspaces.membersOf(workspace.id), actor('owner-delete'), new Date());
        repositories.workspaces.save(tx, locked);
      });
      expect(await repositories.workspaces.findById(workspace.id)).toBeNull();
      expect(await repositories.workspaces.findMembershipById(owner.id)).toBeNull();
      expect(await repositories.tokens.findCredentialByHash(token.hash)).toBeNull();
    });

    it('lists memberships only of workspaces the viewer belongs to, narrowed by the filters', async () => {
      const viewer = `viewer-${Math.random()}`;
      const mine = (await stored(viewer)).workspace;
      const theirs = (await stored(`stranger-${Math.random()}`)).workspace;
      await admit(mine.id, 'colleague');

      const all = await repositories.workspaces.listMemberships({ visibleTo: viewer });
      expect(all.map((l) => [l.workspace.id, l.membership.userId])).toEqual([
        [mine.id, viewer],
        [mine.id, 'colleague'],
      ]);
      expect([all[0].workspace.name, all[0].workspace.memberCount]).toEqual([mine.name, 2]);
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, workspaceIds: [theirs.id] })).toEqual([]);
      expect(
        (await repositories.workspaces.listMemberships({ visibleTo: viewer, userIds: ['colleague'] })).map((l) => l.membership.userId),
      ).toEqual(['colleague']);
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, withinWorkspaceId: theirs.id })).toEqual([]);
    });

    it('pages the same memberships in the same order, limit at a time, across workspaces', async () => {
      const viewer = `viewer-${Math.random()}`;
      for (const { workspace } of [await stored(viewer), await stored(viewer)]) {
        for (const name of ['a', 'b', 'c']) await admit(workspace.id, `${name}-${workspace.id}`);
      }
      const all = await repositories.workspaces.listMemberships({ visibleTo: viewer });
      expect(all).toHaveLength(8);
      const paged: string[] = [];
      let after: MembershipPosition | undefined;
      let pages = 0;
      do {
        const page = await repositories.workspaces.listMembershipsPage({ visibleTo: viewer }, { after, limit: 3 });
        paged.push(...page.listings.map((l) => l.membership.id));
        after = page.next ?? undefined;
        pages++;
      } while (after !== undefined);
      expect([paged, pages]).toEqual([all.map((l) => l.membership.id), 3]);
      const exact = await repositories.workspaces.listMembershipsPage({ visibleTo: viewer }, { limit: 8 });
      expect([exact.listings.length, exact.next]).toEqual([8, null]);
    });

    it('narrows memberships to the ids asked for, still only where the viewer belongs', async () => {
      const viewer = `viewer-${Math.random()}`;
      const mine = (await stored(viewer)).workspace;
      const theirs = await stored(`stranger-${Math.random()}`);
      const colleague = await admit(mine.id, 'colleague', WorkspacePrivilege.ADMIN);
      const [found, ...rest] = await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: [colleague.id] });
      expect(rest).toEqual([]);
      expect([found.membership.id, found.membership.userId, found.membership.privilege, found.workspace.id]).toEqual([
        colleague.id,
        'colleague',
        WorkspacePrivilege.ADMIN,
        mine.id,
      ]);
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: [theirs.owner.id] })).toEqual([]);
      expect(
        await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: ['ffffffff-0000-4000-8000-000000000000'] }),
      ).toEqual([]);
    });

    it('lists a user’s workspaces in pages, in the order they joined, without gaps or repeats', async () => {
      const user = `pager-${Math.random()}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await stored(user)).workspace.id);
      const seen: string[] = [];
      let after: WorkspaceListPosition | undefined;
      for (let page = 0; page < 5; page++) {
        const result = await repositories.workspaces.listWorkspacesOf(user, { limit: 2, after });
        seen.push(...result.workspaces.map((w) => w.id));
        if (!result.next) break;
        after = result.next;
      }
      expect(new Set(seen)).toEqual(new Set(ids));
      expect(seen).toHaveLength(5);
      const only = await repositories.workspaces.listWorkspacesOf(user, { limit: 10, withinWorkspaceId: ids[2] });
      expect(only.workspaces.map((w) => w.id)).toEqual([ids[2]]);
      expect(only.next).toBeNull();
    });

    it('reads the roles of (workspace, user) pairs at once, leaving out the pairs that are no membership', async () => {
      const user = `roles-${Math.random()}`;
      const owned = await stored(user);
      const other = await stored();
      await admit(other.workspace.id, user, WorkspacePrivilege.ADMIN);
      const roles = await repositories.workspaces.rolesOf([
        { workspaceId: owned.workspace.id, userId: user },
        { workspaceId: other.workspace.id, userId: user },
        { workspaceId: other.workspace.id, userId: 'nobody' },
        { workspaceId: 'ffffffff-0000-4000-8000-000000000000', userId: user },
      ]);
      expect(roles).toHaveLength(2);
      expect(roles).toEqual(
        expect.arrayContaining([
          { workspaceId: owned.workspace.id, userId: user, privilege: WorkspacePrivilege.OWNER },
          { workspaceId: other.workspace.id, userId: user, privilege: WorkspacePrivilege.ADMIN },
        ]),
      );
      expect(await repositories.workspaces.rolesOf([])).toEqual([]);
    });

    it('lists a user’s workspaces of some roles in join order, in pages, without gaps or repeats', async () => {
      const user = `by-role-${Math.random()}`;
      const joined: { id: string; at: number }[] = [];
      for (const privilege of [
        WorkspacePrivilege.MEMBER,
        WorkspacePrivilege.OWNER,
        WorkspacePrivilege.ADMIN,
        WorkspacePrivilege.MEMBER,
        WorkspacePrivilege.OWNER,
      ]) {
        if (privilege === WorkspacePrivilege.OWNER) {
          const { workspace, owner } = await stored(user);
          joined.push({ id: workspace.id, at: owner.createdAt.getTime() });
        } else {
          const { workspace } = await stored();
          const membership = await admit(workspace.id, user, privilege);
          if (privilege === WorkspacePrivilege.ADMIN) joined.push({ id: workspace.id, at: membership.createdAt.getTime() });
        }
      }
      // In join order, ties by workspace id.
      const expected = joined.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)).map((entry) => entry.id);
      const adminOf = joined.find((entry) => entry.at !== joined[0].at)!.id;
      const privileges = [WorkspacePrivilege.OWNER, WorkspacePrivilege.ADMIN];
      const seen: string[] = [];
      let after: WorkspaceListPosition | undefined;
      for (let page = 0; page < 5; page++) {
        const result = await repositories.workspaces.listRolesOf(user, { privileges, limit: 2, after });
        seen.push(...result.roles.map((r) => r.workspaceId));
        if (!result.next) break;
        after = result.next;
      }
      expect(seen).toEqual(expected);
      const all = await repositories.workspaces.listRolesOf(user, { privileges: [WorkspacePrivilege.ADMIN], limit: 10 });
      expect(all).toEqual({ roles: [{ workspaceId: adminOf, userId: user, privilege: WorkspacePrivilege.ADMIN }], next: null });
      const within = await repositories.workspaces.listRolesOf(user, { privileges, limit: 10, withinWorkspaceId: expected[2] });
      expect(within.roles.map((r) => r.workspaceId)).toEqual([expected[2]]);
    });

    it('lists and revokes a membership’s tokens', async () => {
      const { owner } = await stored();
      const first = issue(owner, 'first', new Date('2026-01-01')).token;
      const second = issue(owner, 'second', new Date('2026-01-02')).token;
      await saveToken(second);
      await saveToken(first);
      expect((await repositories.tokens.listByMembership(owner.id)).map((t) => t.name)).toEqual(['first', 'second']);
      expect(await repositories.tokens.findCredentialByHash(first.hash)).not.toBeNull();
      const credential = (await repositories.tokens.findCredentialById(first.id))!;
      credential.token.revoke(credential, actor(owner.userId), new Date());
      await saveToken(credential.token);
      expect(await repositories.tokens.findCredentialByHash(first.hash)).toBeNull();
      expect(await repositories.tokens.findCredentialById(first.id)).toBeNull();
      expect((await repositories.tokens.listByMembership(owner.id)).map((t) => t.name)).toEqual(['second']);
    });
  });
}

type Props = Record<string, unknown>;
const propsOf = (aggregate: object): Props => (aggregate as unknown as { props: Props }).props;

/**
 * Gives every field of the aggregate a new value (all but `keep`), whatever fields it has: a field
 * that a repository does not store is then lost.
 */
function alterEveryField(aggregate: object, keep: string[]): void {
  const props = propsOf(aggregate);
  for (const [key, value] of Object.entries(props)) {
    if (keep.includes(key)) continue;
    if (value instanceof Date) props[key] = new Date(value.getTime() + 86_400_000);
    else if (typeof value === 'number') props[key] = value + 7;
    else if (typeof value === 'string') props[key] = `${value}-altered`;
    else throw new Error(`The repository contract does not know how to alter the field ${key}: teach alterEveryField`);
  }
}

/** Everything the aggregate holds, as plain data. */
function stateOf(aggregate: object): unknown {
  return Object.fromEntries(Object.entries(propsOf(aggregate)).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}
