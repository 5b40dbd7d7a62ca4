import { Workspace } from './workspace.js';
import {
  InvalidUserId,
  InvalidWorkspaceName,
  LastOwnerCannotLeave,
  MemberAlreadyExists,
  MembershipNotFound,
  NotAllowed,
  ProvisioningNotAllowed,
  WorkspaceNotFound,
} from './workspace.errors.js';
import { WorkspacePrivilege } from './workspace-privilege.js';

const now = new Date('2026-01-02T03:04:05.678Z');
const alice = { userId: 'alice', mayProvisionWorkspaces: false };
const provisioner = { userId: 'provisioner', mayProvisionWorkspaces: true };
const create = (overrides: Partial<Parameters<typeof Workspace.create>[0]> = {}) =>
  Workspace.create({ name: 'Team', billingAccountEmail: 'billing@example.com', creator: alice, now, ...overrides });

describe('Workspace.create', () => {
  it('makes the creator the one and only member, as owner', () => {
    const workspace = create();
    expect(workspace.memberships).toHaveLength(1);
    const [owner] = workspace.memberships;
    expect(owner.userId).toBe('alice');
    expect(owner.privilege).toBe(WorkspacePrivilege.OWNER);
    expect(owner.workspaceId).toBe(workspace.id);
  });

  it('gives the workspace and its membership fresh v4 ids and the same timestamps', () => {
    const workspace = create();
    const uuid4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(workspace.id).toMatch(uuid4);
    expect(workspace.memberships[0].id).toMatch(uuid4);
    expect(workspace.memberships[0].id).not.toBe(workspace.id);
    expect(create().id).not.toBe(workspace.id);
    expect(workspace.createdAt).toEqual(now);
    expect(workspace.updatedAt).toEqual(now);
    expect(workspace.memberships[0].createdAt).toEqual(now);
  });

  it('keeps the name and billing email exactly as given', () => {
    const workspace = create({ name: '  Ünïcödé 🙂  ', billingAccountEmail: 'Billing@Example.com' });
    expect(workspace.name).toBe('  Ünïcödé 🙂  ');
    expect(workspace.billingAccountEmail).toBe('Billing@Example.com');
  });

  it.each([
    ['1 character', 'a'],
    ['128 characters', 'a'.repeat(128)],
    ['128 non-BMP characters (256 UTF-16 units)', '🙂'.repeat(128)],
  ])('accepts a name of %s', (_label, name) => {
    expect(create({ name }).name).toBe(name);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['129 non-BMP characters', '🙂'.repeat(129)],
  ])('refuses a name that is %s', (_label, name) => {
    expect(() => create({ name })).toThrow(InvalidWorkspaceName);
  });

  it('treats firstMemberId equal to the creator, null or absent as the creator', () => {
    expect(create({ firstMemberId: 'alice' }).memberships[0].userId).toBe('alice');
    expect(create({ firstMemberId: null }).memberships[0].userId).toBe('alice');
    expect(create({ firstMemberId: undefined }).memberships[0].userId).toBe('alice');
  });

  it('refuses to create a workspace for someone else without the provisioning permission', () => {
    expect(() => create({ firstMemberId: 'bob' })).toThrow(ProvisioningNotAllowed);
  });

  it('lets a provisioner create a workspace owned by someone else, without becoming a member', () => {
    const workspace = create({ creator: provisioner, firstMemberId: 'bob' });
    expect(workspace.memberships.map((m) => [m.userId, m.privilege])).toEqual([['bob', WorkspacePrivilege.OWNER]]);
  });

  it('refuses an empty firstMemberId', () => {
    expect(() => create({ creator: provisioner, firstMemberId: '' })).toThrow(InvalidUserId);
  });
});

describe('Workspace behaviours', () => {
  const { OWNER, ADMIN, MEMBER } = WorkspacePrivilege;
  const actor = (userId: string, restrictedToWorkspaceId?: string) => ({ userId, mayProvisionWorkspaces: false, restrictedToWorkspaceId });
  const later = new Date('2026-02-01T00:00:00.000Z');

  /** alice owns it; bob is admin, carol member. */
  const team = () => {
    const workspace = create();
    workspace.addMember(actor('alice'), 'bob', ADMIN, now);
    workspace.addMember(actor('alice'), 'carol', MEMBER, now);
    return workspace;
  };
  const membershipId = (workspace: Workspace, userId: string) => workspace.memberships.find((m) => m.userId === userId)!.id;

  it('hides itself from non-members and from access tokens of other workspaces', () => {
    const workspace = team();
    expect(() => workspace.membershipOf(actor('mallory'))).toThrow(WorkspaceNotFound);
    expect(() => workspace.membershipOf(actor('alice', 'another-workspace'))).toThrow(WorkspaceNotFound);
    expect(workspace.membershipOf(actor('alice', workspace.id)).privilege).toBe(OWNER);
    expect(() => workspace.rename(actor('mallory'), 'x', later)).toThrow(WorkspaceNotFound);
  });

  it('is renamed by owners and admins, with a new updatedAt', () => {
    const workspace = team();
    workspace.rename(actor('bob'), 'Renamed', later);
    expect(workspace.name).toBe('Renamed');
    expect(workspace.updatedAt).toEqual(later);
    expect(workspace.createdAt).toEqual(now);
    expect(() => workspace.rename(actor('carol'), 'Nope', later)).toThrow(NotAllowed);
    expect(() => workspace.rename(actor('alice'), '', later)).toThrow(InvalidWorkspaceName);
  });

  it('is deleted by owners only', () => {
    const workspace = team();
    expect(() => workspace.delete(actor('bob'))).toThrow(NotAllowed);
    expect(workspace.isDeleted).toBe(false);
    workspace.delete(actor('alice'));
    expect(workspace.isDeleted).toBe(true);
  });

  it('adds members with the one privilege given, never twice', () => {
    const workspace = team();
    const dave = workspace.addMember(actor('bob'), 'dave', MEMBER, later);
    expect([dave.userId, dave.privilege, dave.workspaceId, dave.createdAt]).toEqual(['dave', MEMBER, workspace.id, later]);
    expect(() => workspace.addMember(actor('bob'), 'erin', OWNER, later)).toThrow(NotAllowed);
    expect(() => workspace.addMember(actor('carol'), 'erin', MEMBER, later)).toThrow(NotAllowed);
    expect(() => workspace.addMember(actor('alice'), 'dave', ADMIN, later)).toThrow(MemberAlreadyExists);
    expect(workspace.memberships).toHaveLength(4);
  });

  it('removes members as the policy allows, and lets anyone leave', () => {
    const workspace = team();
    expect(() => workspace.removeMembership(actor('carol'), membershipId(workspace, 'bob'))).toThrow(NotAllowed);
    expect(() => workspace.removeMembership(actor('bob'), membershipId(workspace, 'alice'))).toThrow(NotAllowed);
    workspace.removeMembership(actor('carol'), membershipId(workspace, 'carol'));
    workspace.removeMembership(actor('alice'), membershipId(workspace, 'bob'));
    expect(workspace.memberships.map((m) => m.userId)).toEqual(['alice']);
    expect(() => workspace.removeMembership(actor('alice'), 'no-such-membership')).toThrow(MembershipNotFound);
  });

  it('never loses its last owner', () => {
    const workspace = team();
    expect(() => workspace.removeMembership(actor('alice'), membershipId(workspace, 'alice'))).toThrow(LastOwnerCannotLeave);
    workspace.addMember(actor('alice'), 'olivia', OWNER, later);
    workspace.removeMembership(actor('olivia'), membershipId(workspace, 'alice'));
    expect(() => workspace.removeMembership(actor('olivia'), membershipId(workspace, 'olivia'))).toThrow(LastOwnerCannotLeave);
    expect(workspace.memberships.filter((m) => m.isOwner()).map((m) => m.userId)).toEqual(['olivia']);
  });
});
