import type { Actor } from '../../kernel/actor.js';
import { Workspace } from './workspace.js';
import {
  InvalidUserId,
  InvalidWorkspaceName,
  LastOwnerCannotLeave,
  MemberAlreadyExists,
  MemberLimitReached,
  NotAllowed,
  ProvisioningNotAllowed,
  WorkspaceLimitReached,
} from './workspace.errors.js';
import type { WorkspaceMembership } from './workspace-membership.js';
import { WorkspacePrivilege } from './workspace-privilege.js';

const now = new Date('2026-01-02T03:04:05.678Z');
const alice = { userId: 'alice', mayProvisionWorkspaces: false };
const provisioner = { userId: 'provisioner', mayProvisionWorkspaces: true };
const create = (overrides: Partial<Parameters<typeof Workspace.create>[0]> = {}) =>
  Workspace.create({ name: 'Team', billingAccountEmail: 'billing@example.com', creator: alice, now, ...overrides });

describe('Workspace.create', () => {
  it('makes the creator the one and only member, as owner', () => {
    const { workspace, owner } = create();
    expect(workspace.memberCount).toBe(1);
    expect(owner.userId).toBe('alice');
    expect(owner.privilege).toBe(WorkspacePrivilege.OWNER);
    expect(owner.workspaceId).toBe(workspace.id);
  });

  it('gives the workspace and its membership fresh v4 ids and the same timestamps', () => {
    const { workspace, owner } = create();
    const uuid4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(workspace.id).toMatch(uuid4);
    expect(owner.id).toMatch(uuid4);
    expect(owner.id).not.toBe(workspace.id);
    expect(create().workspace.id).not.toBe(workspace.id);
    expect(workspace.createdAt).toEqual(now);
    expect(workspace.updatedAt).toEqual(now);
    expect(owner.createdAt).toEqual(now);
  });

  it('keeps the name and billing email exactly as given', () => {
    const { workspace } = create({ name: '  Ünïcödé 🙂  ', billingAccountEmail: 'Billing@Example.com' });
    expect(workspace.name).toBe('  Ünïcödé 🙂  ');
    expect(workspace.billingAccountEmail).toBe('Billing@Example.com');
  });

  it.each([
    ['1 character', 'a'],
    ['128 characters', 'a'.repeat(128)],
    ['128 non-BMP characters (256 UTF-16 units)', '🙂'.repeat(128)],
  ])('accepts a name of %s', (_label, name) => {
    expect(create({ name }).workspace.name).toBe(name);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['129 non-BMP characters', '🙂'.repeat(129)],
  ])('refuses a name that is %s', (_label, name) => {
    expect(() => create({ name })).toThrow(InvalidWorkspaceName);
  });

  it('treats firstMemberId equal to the creator, null or absent as the creator', () => {
    expect(create({ firstMemberId: 'alice' }).owner.userId).toBe('alice');
    expect(create({ firstMemberId: null }).owner.userId).toBe('alice');
    expect(create({ firstMemberId: undefined }).owner.userId).toBe('alice');
  });

  it('refuses to create a workspace for someone else without the provisioning permission', () => {
    expect(() => create({ firstMemberId: 'bob' })).toThrow(ProvisioningNotAllowed);
  });

  it('lets a provisioner create a workspace owned by someone else, without becoming a member', () => {
    const { owner } = create({ creator: provisioner, firstMemberId: 'bob' });
    expect([owner.userId, owner.privilege]).toEqual(['bob', WorkspacePrivilege.OWNER]);
  });

  it('records its creation, naming its first owner', () => {
    const { workspace, owner } = create();
    expect(workspace.pullEvents().map((e) => [e.type, e.data.owner])).toEqual([
      ['workspace.created', { membershipId: owner.id, userId: 'alice', privilege: WorkspacePrivilege.OWNER }],
    ]);
    expect(workspace.pullEvents()).toEqual([]);
  });

  it('refuses an empty firstMemberId', () => {
    expect(() => create({ creator: provisioner, firstMemberId: '' })).toThrow(InvalidUserId);
  });
});

describe('Workspace behaviours', () => {
  const { OWNER, ADMIN, MEMBER } = WorkspacePrivilege;
  const actor = (userId: string): Actor => ({ userId, mayProvisionWorkspaces: false });
  const later = new Date('2026-02-01T00:00:00.000Z');
  const limits = { membersPerWorkspace: 10, workspacesPerUser: 10 };

  /** alice owns it; bob is admin, carol member. */
  const team = () => {
    const { workspace, owner } = create();
    const members: Record<string, WorkspaceMembership> = { alice: owner };
    const admit = (userId: string, privilege: WorkspacePrivilege) =>
      (members[userId] = workspace.admit({ userId, privilege, actor: alice, now, existing: null, userWorkspaces: 0, limits }));
    admit('bob', ADMIN);
    admit('carol', MEMBER);
    for (const aggregate of [workspace, ...Object.values(members)]) aggregate.pullEvents();
    return { workspace, members, admit };
  };

  it('is renamed by owners and admins, with a new updatedAt and its event', () => {
    const { workspace, members } = team();
    workspace.rename(members.bob, 'Renamed', actor('bob'), later);
    expect(workspace.name).toBe('Renamed');
    expect(workspace.updatedAt).toEqual(later);
    expect(workspace.createdAt).toEqual(now);
    expect(workspace.pullEvents().map((e) => [e.type, e.data])).toEqual([['workspace.renamed', { previousName: 'Team', name: 'Renamed' }]]);
    expect(() => workspace.rename(members.carol, 'Nope', actor('carol'), later)).toThrow(NotAllowed);
    expect(() => workspace.rename(members.alice, '', alice, later)).toThrow(InvalidWorkspaceName);
    expect(workspace.pullEvents()).toEqual([]);
  });

  it("is deleted by owners only, with every membership's end and its own", () => {
    const { workspace, members } = team();
    const all = [members.alice, members.bob, members.carol];
    expect(() => workspace.delete(members.bob, all, actor('bob'), later)).toThrow(NotAllowed);
    expect(workspace.isDeleted).toBe(false);
    workspace.delete(members.alice, all, alice, later);
    expect(workspace.isDeleted).toBe(true);
    expect(workspace.pullEvents().map((e) => [e.type, e.data.userId ?? null])).toEqual([
      ['membership.removed', 'alice'],
      ['membership.removed', 'bob'],
      ['membership.removed', 'carol'],
      ['workspace.deleted', null],
    ]);
  });

  it('lets owners add anyone and admins anyone but owners; members add nobody', () => {
    const { members } = team();
    expect(() => Workspace.authorizeAdding(members.alice, OWNER)).not.toThrow();
    expect(() => Workspace.authorizeAdding(members.bob, ADMIN)).not.toThrow();
    expect(() => Workspace.authorizeAdding(members.bob, OWNER)).toThrow(NotAllowed);
    expect(() => Workspace.authorizeAdding(members.carol, MEMBER)).toThrow(NotAllowed);
  });

  it('admits a member with the one privilege given, counted, with its event; never twice, never past a limit', () => {
    const { workspace, members, admit } = team();
    const dave = admit('dave', MEMBER);
    expect([dave.userId, dave.privilege, dave.workspaceId, dave.createdAt, dave.isNew]).toEqual(['dave', MEMBER, workspace.id, now, true]);
    expect(dave.pullEvents().map((e) => [e.type, e.data.userId])).toEqual([['membership.added', 'dave']]);
    expect(workspace.memberCount).toBe(4);
    const admission = { userId: 'erin', privilege: MEMBER, actor: alice, now, existing: null, userWorkspaces: 0, limits };
    expect(() => workspace.admit({ ...admission, existing: members.carol })).toThrow(MemberAlreadyExists);
    expect(() => workspace.admit({ ...admission, limits: { ...limits, membersPerWorkspace: 4 } })).toThrow(new MemberLimitReached(4));
    expect(() => workspace.admit({ ...admission, userWorkspaces: 10 })).toThrow(new WorkspaceLimitReached(10));
    expect(() => workspace.admit({ ...admission, userId: '' })).toThrow(InvalidUserId);
    expect(workspace.memberCount).toBe(4);
  });

  it('removes members as the policy allows, and lets anyone leave', () => {
    const { workspace, members } = team();
    expect(() => workspace.removeMember(members.carol, members.bob, true, actor('carol'), later)).toThrow(NotAllowed);
    expect(() => workspace.removeMember(members.bob, members.alice, false, actor('bob'), later)).toThrow(NotAllowed);
    workspace.removeMember(members.carol, members.carol, false, actor('carol'), later);
    workspace.removeMember(members.alice, members.bob, false, alice, later);
    expect([members.carol.hasEnded, members.bob.hasEnded, members.alice.hasEnded]).toEqual([true, true, false]);
    expect(members.carol.pullEvents().map((e) => e.data.reason)).toEqual(['left']);
    expect(members.bob.pullEvents().map((e) => e.data.reason)).toEqual(['removed']);
    expect(workspace.memberCount).toBe(1);
  });

  it('never loses its last owner', () => {
    const { workspace, members, admit } = team();
    expect(() => workspace.removeMember(members.alice, members.alice, false, alice, later)).toThrow(LastOwnerCannotLeave);
    const olivia = admit('olivia', OWNER);
    workspace.removeMember(olivia, members.alice, true, actor('olivia'), later);
    expect(() => workspace.removeMember(olivia, olivia, false, actor('olivia'), later)).toThrow(LastOwnerCannotLeave);
    expect(olivia.hasEnded).toBe(false);
  });
});
