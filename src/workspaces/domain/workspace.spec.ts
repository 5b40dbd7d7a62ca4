import { Workspace } from './workspace.js';
import { InvalidUserId, InvalidWorkspaceName, ProvisioningNotAllowed } from './workspace.errors.js';
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
