import { AccessTokenAlreadyExists } from '../../src/access-tokens/domain/access-token.errors.js';
import { WorkspaceAccessToken } from '../../src/access-tokens/domain/workspace-access-token.js';
import type { WorkspaceAccessTokenRepository } from '../../src/access-tokens/domain/workspace-access-token.repository.js';
import { Workspace } from '../../src/workspaces/domain/workspace.js';
import { WorkspaceMembership } from '../../src/workspaces/domain/workspace-membership.js';
import { WorkspacePrivilege } from '../../src/workspaces/domain/workspace-privilege.js';
import {
  LastOwnerCannotLeave,
  MemberAlreadyExists,
  MembershipNotFound,
  WorkspaceAlreadyExists,
  WorkspaceLimitReached,
  WorkspaceNotFound,
} from '../../src/workspaces/domain/workspace.errors.js';
import type { WorkspaceListPosition, WorkspaceRepository } from '../../src/workspaces/domain/workspace.repository.js';

export interface WorkspaceRepositories {
  workspaces: WorkspaceRepository;
  tokens: WorkspaceAccessTokenRepository;
}

/**
 * One behaviour for every implementation of the workspace ports: run against the in-memory fakes
 * and against TypeORM on a real database, so that unit tests using the fakes can be trusted.
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

    const newWorkspace = (ownerId = `user-${Math.random()}`) =>
      Workspace.create({
        name: 'Team 🙂',
        billingAccountEmail: 'billing@example.com',
        creator: { userId: ownerId, mayProvisionWorkspaces: false },
        now: new Date('2026-03-04T05:06:07.089Z'),
      });

    it('stores a workspace with its owner and finds it by id, unchanged', async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      const found = await repositories.workspaces.findById(workspace.id);
      expect(found).not.toBeNull();
      expect({ id: found!.id, name: found!.name, email: found!.billingAccountEmail, at: found!.createdAt.toISOString() }).toEqual({
        id: workspace.id,
        name: 'Team 🙂',
        email: 'billing@example.com',
        at: '2026-03-04T05:06:07.089Z',
      });
      expect(found!.memberships.map((m) => [m.id, m.userId, m.privilege, m.workspaceId])).toEqual([
        [workspace.memberships[0].id, workspace.memberships[0].userId, WorkspacePrivilege.OWNER, workspace.id],
      ]);
    });

    it("counts a user's workspaces up to a bound, and refuses a workspace whose owner is at the limit, storing nothing", async () => {
      const owner = `user-${Math.random()}`;
      for (let i = 0; i < 2; i++) await repositories.workspaces.insert(newWorkspace(owner), [], { ownerWorkspaceLimit: 2 });
      expect(await repositories.workspaces.countWorkspacesOf(owner, 10)).toBe(2);
      expect(await repositories.workspaces.countWorkspacesOf(owner, 1)).toBe(1);
      const third = newWorkspace(owner);
      await expect(repositories.workspaces.insert(third, [], { ownerWorkspaceLimit: 2 })).rejects.toThrow(new WorkspaceLimitReached(2));
      expect(await repositories.workspaces.findById(third.id)).toBeNull();
      await repositories.workspaces.insert(third, [], { ownerWorkspaceLimit: 3 });
      expect(await repositories.workspaces.countWorkspacesOf(owner, 10)).toBe(3);
    });

    it("counts a membership's access tokens up to a bound", async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      const membershipId = workspace.memberships[0].id;
      for (let i = 0; i < 3; i++)
        await repositories.tokens.insert(
          WorkspaceAccessToken.issue({ membershipId, name: `t${i}`, expiresAt: null, now: new Date() }).token,
        );
      expect([
        await repositories.tokens.countByMembership(membershipId, 10),
        await repositories.tokens.countByMembership(membershipId, 2),
      ]).toEqual([3, 2]);
    });

    it('finds a workspace without its memberships for a member, and nothing for anyone else', async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      const owner = workspace.memberships[0].userId;
      expect(await repositories.workspaces.findSummaryForMember(workspace.id, owner)).toEqual({
        id: workspace.id,
        name: 'Team 🙂',
        createdAt: workspace.createdAt,
        updatedAt: workspace.updatedAt,
      });
      expect(await repositories.workspaces.findSummaryForMember(workspace.id, 'someone-else')).toBeNull();
      expect(await repositories.workspaces.findSummaryForMember('6f1c1c1e-0000-4000-8000-000000000000', owner)).toBeNull();
    });

    it('finds nothing for an unknown id', async () => {
      expect(await repositories.workspaces.findById('6f1c1c1e-0000-4000-8000-000000000000')).toBeNull();
    });

    it('refuses a second workspace with the same id', async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      await expect(repositories.workspaces.insert(workspace)).rejects.toThrow(WorkspaceAlreadyExists);
    });

    it('writes all or nothing: a workspace whose memberships cannot be stored is not stored either', async () => {
      const valid = newWorkspace('dup');
      const now = new Date();
      const duplicateMember = (id: string) =>
        WorkspaceMembership.restore({
          id,
          workspaceId: valid.id,
          userId: 'dup',
          privilege: WorkspacePrivilege.MEMBER,
          createdAt: now,
          updatedAt: now,
        });
      const broken = Workspace.restore({
        id: valid.id,
        name: valid.name,
        billingAccountEmail: valid.billingAccountEmail,
        createdAt: now,
        updatedAt: now,
        memberships: [...valid.memberships, duplicateMember('0b0e1a52-1111-4111-8111-111111111111')],
      });
      await expect(repositories.workspaces.insert(broken)).rejects.toThrow(MemberAlreadyExists);
      expect(await repositories.workspaces.findById(valid.id)).toBeNull();
    });

    it('stores an access token for a membership and resolves it by hash to its member', async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      const expiresAt = new Date('2030-01-01T00:00:00.000Z');
      const { token } = WorkspaceAccessToken.issue({ membershipId: workspace.memberships[0].id, name: 'ci', expiresAt, now: new Date() });
      await repositories.tokens.insert(token);

      const credential = await repositories.tokens.findCredentialByHash(token.hash);
      expect(credential?.token.id).toBe(token.id);
      expect(credential?.token.expiresAt?.toISOString()).toBe(expiresAt.toISOString());
      expect(credential?.userId).toBe(workspace.memberships[0].userId);
      expect(credential?.workspaceId).toBe(workspace.id);
      expect((await repositories.tokens.listByMembership(workspace.memberships[0].id)).map((t) => [t.id, t.name, t.hash])).toEqual([
        [token.id, 'ci', token.hash],
      ]);
    });

    it('resolves nothing for an unknown hash', async () => {
      expect(await repositories.tokens.findCredentialByHash('0'.repeat(64))).toBeNull();
    });

    it('refuses a token for a membership that does not exist', async () => {
      const { token } = WorkspaceAccessToken.issue({
        membershipId: '6f1c1c1e-0000-4000-8000-000000000001',
        name: 'orphan',
        expiresAt: null,
        now: new Date(),
      });
      await expect(repositories.tokens.insert(token)).rejects.toThrow(MembershipNotFound);
    });

    it('refuses a second token with the same hash', async () => {
      const workspace = newWorkspace();
      await repositories.workspaces.insert(workspace);
      const { token } = WorkspaceAccessToken.issue({
        membershipId: workspace.memberships[0].id,
        name: 'a',
        expiresAt: null,
        now: new Date(),
      });
      await repositories.tokens.insert(token);
      const twin = WorkspaceAccessToken.restore({
        id: '6f1c1c1e-0000-4000-8000-000000000002',
        membershipId: token.membershipId,
        name: 'b',
        hash: token.hash,
        createdAt: new Date(),
        expiresAt: null,
      });
      await expect(repositories.tokens.insert(twin)).rejects.toThrow(AccessTokenAlreadyExists);
    });

    const actor = (userId: string) => ({ userId, mayProvisionWorkspaces: false });
    const stored = async (ownerId = `user-${Math.random()}`) => {
      const workspace = newWorkspace(ownerId);
      await repositories.workspaces.insert(workspace);
      return workspace;
    };

    it('update stores a rename and returns what the change returned', async () => {
      const workspace = await stored('owner-rename');
      const later = new Date('2026-05-06T07:08:09.010Z');
      const result = await repositories.workspaces.update(workspace.id, (w) => {
        w.rename(actor('owner-rename'), 'Renamed', later);
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

    it('update stores every field of the workspace and its memberships that the change altered', async () => {
      const workspace = await stored('owner-fields');
      await repositories.workspaces.update(workspace.id, (w) =>
        w.addMember(actor('owner-fields'), 'member-fields', WorkspacePrivilege.MEMBER, new Date()),
      );
      let altered: Workspace | undefined;
      await repositories.workspaces.update(workspace.id, (w) => {
        alterEveryField(w);
        altered = w;
      });
      expect(stateOf((await repositories.workspaces.findById(workspace.id))!)).toEqual(stateOf(altered!));
    });

    it('update stores added and removed memberships', async () => {
      const workspace = await stored('owner-members');
      const added = await repositories.workspaces.update(workspace.id, (w) =>
        w.addMember(actor('owner-members'), 'new-admin', WorkspacePrivilege.ADMIN, new Date()),
      );
      expect((await repositories.workspaces.findMembership(workspace.id, 'new-admin'))?.id).toBe(added.id);
      expect((await repositories.workspaces.findMembershipById(added.id))?.privilege).toBe(WorkspacePrivilege.ADMIN);
      const { token } = WorkspaceAccessToken.issue({ membershipId: added.id, name: 't', expiresAt: null, now: new Date() });
      await repositories.tokens.insert(token);
      expect(await repositories.tokens.findCredentialByHash(token.hash)).not.toBeNull();

      await repositories.workspaces.update(workspace.id, (w) => w.removeMembership(actor('new-admin'), added.id));
      expect(await repositories.workspaces.findMembershipById(added.id)).toBeNull();
      expect(await repositories.tokens.findCredentialByHash(token.hash)).toBeNull();
      expect((await repositories.workspaces.findById(workspace.id))!.memberships.map((m) => m.userId)).toEqual(['owner-members']);
    });

    it('update stores nothing when the change throws', async () => {
      const workspace = await stored('owner-throws');
      await expect(
        repositories.workspaces.update(workspace.id, (w) => {
          w.addMember(actor('owner-throws'), 'someone', WorkspacePrivilege.MEMBER, new Date());
          w.removeMembership(actor('owner-throws'), w.membershipOf(actor('owner-throws')).id);
        }),
      ).rejects.toThrow(LastOwnerCannotLeave);
      expect((await repositories.workspaces.findById(workspace.id))!.memberships.map((m) => m.userId)).toEqual(['owner-throws']);
    });

    it('update of an unknown workspace fails with WorkspaceNotFound', async () => {
      await expect(repositories.workspaces.update('6f1c1c1e-0000-4000-8000-000000000009', () => undefined)).rejects.toThrow(
        WorkspaceNotFound,
      );
    });

    it('deleting a workspace takes its memberships and their tokens with it', async () => {
      const workspace = await stored('owner-delete');
      const membershipId = workspace.memberships[0].id;
      const { token } = WorkspaceAccessToken.issue({ membershipId, name: 't', expiresAt: null, now: new Date() });
      await repositories.tokens.insert(token);
      expect(await repositories.tokens.findCredentialByHash(token.hash)).not.toBeNull();
      await repositories.workspaces.update(workspace.id, (w) => w.delete(actor('owner-delete')));
      expect(await repositories.workspaces.findById(workspace.id)).toBeNull();
      expect(await repositories.workspaces.findMembershipById(membershipId)).toBeNull();
      expect(await repositories.tokens.findCredentialByHash(token.hash)).toBeNull();
    });

    it('lists memberships only of workspaces the viewer belongs to, narrowed by the filters', async () => {
      const viewer = `viewer-${Math.random()}`;
      const mine = await stored(viewer);
      const theirs = await stored(`stranger-${Math.random()}`);
      await repositories.workspaces.update(mine.id, (w) => w.addMember(actor(viewer), 'colleague', WorkspacePrivilege.MEMBER, new Date()));

      const all = await repositories.workspaces.listMemberships({ visibleTo: viewer });
      expect(all.map((l) => [l.workspace.id, l.membership.userId])).toEqual([
        [mine.id, viewer],
        [mine.id, 'colleague'],
      ]);
      expect(all[0].workspace.name).toBe(mine.name);
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, workspaceIds: [theirs.id] })).toEqual([]);
      expect(
        (await repositories.workspaces.listMemberships({ visibleTo: viewer, userIds: ['colleague'] })).map((l) => l.membership.userId),
      ).toEqual(['colleague']);
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, withinWorkspaceId: theirs.id })).toEqual([]);
    });

    it('pages the same memberships in the same order, limit at a time, across workspaces', async () => {
      const viewer = `viewer-${Math.random()}`;
      for (const workspace of [await stored(viewer), await stored(viewer)]) {
        for (const name of ['a', 'b', 'c'])
          await repositories.workspaces.update(workspace.id, (w) =>
            w.addMember(actor(viewer), `${name}-${workspace.id}`, WorkspacePrivilege.MEMBER, new Date()),
          );
      }
      const all = await repositories.workspaces.listMemberships({ visibleTo: viewer });
      expect(all).toHaveLength(8);
      const paged: string[] = [];
      let after: string | undefined;
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
      const mine = await stored(viewer);
      const theirs = await stored(`stranger-${Math.random()}`);
      const colleague = await repositories.workspaces.update(mine.id, (w) =>
        w.addMember(actor(viewer), 'colleague', WorkspacePrivilege.ADMIN, new Date()),
      );
      const [found, ...rest] = await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: [colleague.id] });
      expect(rest).toEqual([]);
      expect([found.membership.id, found.membership.userId, found.membership.privilege, found.workspace.id]).toEqual([
        colleague.id,
        'colleague',
        WorkspacePrivilege.ADMIN,
        mine.id,
      ]);
      const strangersMembership = theirs.memberships[0].id;
      expect(await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: [strangersMembership] })).toEqual([]);
      expect(
        await repositories.workspaces.listMemberships({ visibleTo: viewer, membershipIds: ['ffffffff-0000-4000-8000-000000000000'] }),
      ).toEqual([]);
    });

    it('lists a user’s workspaces in pages, in the order they joined, without gaps or repeats', async () => {
      const user = `pager-${Math.random()}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await stored(user)).id);
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

    it('lists and deletes a membership’s tokens', async () => {
      const workspace = await stored();
      const membershipId = workspace.memberships[0].id;
      const first = WorkspaceAccessToken.issue({ membershipId, name: 'first', expiresAt: null, now: new Date('2026-01-01') }).token;
      const second = WorkspaceAccessToken.issue({ membershipId, name: 'second', expiresAt: null, now: new Date('2026-01-02') }).token;
      await repositories.tokens.insert(second);
      await repositories.tokens.insert(first);
      expect((await repositories.tokens.listByMembership(membershipId)).map((t) => t.name)).toEqual(['first', 'second']);
      expect(await repositories.tokens.findCredentialByHash(first.hash)).not.toBeNull();
      expect(await repositories.tokens.delete(first.id, 'ffffffff-0000-4000-8000-000000000000')).toBe(false);
      expect(await repositories.tokens.findCredentialByHash(first.hash)).not.toBeNull();
      expect(await repositories.tokens.delete(first.id, membershipId)).toBe(true);
      expect(await repositories.tokens.findCredentialByHash(first.hash)).toBeNull();
      expect(await repositories.tokens.delete(first.id, membershipId)).toBe(false);
      expect((await repositories.tokens.listByMembership(membershipId)).map((t) => t.name)).toEqual(['second']);
    });
  });
}

type Props = Record<string, unknown>;
const propsOf = (aggregate: object): Props => (aggregate as unknown as { props: Props }).props;

/**
 * Gives every field of the aggregate and of its memberships a new value (all but the ids that tie
 * them together), whatever fields they have: a field that a repository does not store is then lost.
 */
function alterEveryField(workspace: Workspace): void {
  const props = propsOf(workspace);
  alterFields(props, ['id', 'memberships']);
  for (const membership of props.memberships as object[]) alterFields(propsOf(membership), ['id', 'workspaceId']);
}

function alterFields(props: Props, keep: string[]): void {
  const privileges: unknown[] = Object.values(WorkspacePrivilege);
  for (const [key, value] of Object.entries(props)) {
    if (keep.includes(key)) continue;
    if (value instanceof Date) props[key] = new Date(value.getTime() + 86_400_000);
    else if (privileges.includes(value)) props[key] = privileges.find((privilege) => privilege !== value);
    else if (typeof value === 'string') props[key] = `${value}-altered`;
    else throw new Error(`The repository contract does not know how to alter the field ${key}: teach alterFields`);
  }
}

/** Everything the aggregate holds, as plain data, memberships by id. */
function stateOf(workspace: Workspace): unknown {
  const plain = (props: Props) => Object.fromEntries(Object.entries(props).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
  const { memberships, ...fields } = propsOf(workspace);
  return {
    ...plain(fields),
    memberships: (memberships as object[]).map((m) => plain(propsOf(m))).sort((a, b) => String(a.id).localeCompare(String(b.id))),
  };
}
