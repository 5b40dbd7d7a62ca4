import { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { InvitationNotPending, InviteeIdentityRequired } from './invitation.errors.js';
import { InvitationPolicy } from './invitation-policy.js';
import { Invitation } from './invitation.js';
import { inviteeAddress } from './invitee.js';

const { OWNER, ADMIN, MEMBER } = WorkspacePrivilege;
const NOW = new Date('2026-05-01T10:00:00.000Z');
const DAY = 86_400_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);
const invitee = { userId: 'invitee', mayProvisionWorkspaces: false };

const invitation = (privilege = MEMBER, inviterId = 'inviter') =>
  Invitation.create({
    workspaceId: 'w',
    email: 'Alice.Smith@EXAMPLE.com',
    privilege,
    inviter: { userId: inviterId, mayProvisionWorkspaces: false },
    now: NOW,
    validForMs: 7 * DAY,
  });

describe('Invitation', () => {
  it('is pending until it expires; it keeps the address as given, the domain in lower case', () => {
    const invite = invitation();
    expect(invite.email).toBe('Alice.Smith@example.com');
    expect(invite.emailKey).toBe('alice.smith@example.com');
    expect(invite.expiresAt).toEqual(later(7 * DAY));
    expect(invite.statusAt(later(7 * DAY - 1))).toBe('pending');
    expect(invite.statusAt(later(7 * DAY))).toBe('expired');
    expect(invite.storedStatus).toBe('pending');
  });

  it('is for its mailbox: ASCII letters in any case, nothing that only looks like it', () => {
    expect(invitation().isFor('ALICE.SMITH@example.COM')).toBe(true);
    expect(invitation().isFor('alice.smith@example.org')).toBe(false);
    // U+212A KELVIN SIGN for K, a full-width A, a Cyrillic а.
    expect(invitation().isFor('\u212Alice.smith@example.com')).toBe(false);
    expect(invitation().isFor('\uFF21lice.smith@example.com')).toBe(false);
    expect(invitation().isFor('\u0430lice.smith@example.com')).toBe(false);
  });

  it('keeps the local part as given (no Unicode case mapping or normalisation)', () => {
    const invite = Invitation.create({
      workspaceId: 'w',
      email: 'İvan@Example.COM',
      privilege: MEMBER,
      inviter: { userId: 'i', mayProvisionWorkspaces: false },
      now: NOW,
      validForMs: DAY,
    });
    expect([invite.email, invite.emailKey]).toEqual(['İvan@example.com', 'İvan@example.com']);
    expect(invite.isFor('i\u0307van@example.com')).toBe(false);
    expect(invite.isFor('ivan@example.com')).toBe(false);
  });

  it.each([
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)('is answered (%s) once, while pending', (answer, status) => {
    const invite = invitation();
    invite.answer(answer, invitee, later(DAY));
    expect([invite.storedStatus, invite.updatedAt]).toEqual([status, later(DAY)]);
    expect(() => invite.answer('accept', invitee, later(DAY))).toThrow(new InvitationNotPending(status));
    expect(() => invite.revoke(invitee, later(DAY))).toThrow(InvitationNotPending);
  });

  it('cannot be answered or revoked once expired, and changes nothing trying', () => {
    const invite = invitation();
    expect(() => invite.answer('accept', invitee, later(8 * DAY))).toThrow(new InvitationNotPending('expired'));
    expect(() => invite.revoke(invitee, later(8 * DAY))).toThrow(new InvitationNotPending('expired'));
    expect([invite.storedStatus, invite.updatedAt]).toEqual(['pending', NOW]);
  });

  it('closes as expired, at its expiry, only once expired', () => {
    const invite = invitation();
    invite.closeExpired(later(DAY));
    expect(invite.storedStatus).toBe('pending');
    invite.closeExpired(later(9 * DAY));
    expect([invite.storedStatus, invite.updatedAt]).toEqual(['expired', later(7 * DAY)]);
  });
});

describe('InvitationPolicy', () => {
  const member = (privilege: WorkspacePrivilege, userId = 'someone') =>
    WorkspaceMembership.create({ workspaceId: 'w', userId, privilege, now: NOW });

  it.each([
    [OWNER, OWNER, true],
    [OWNER, MEMBER, true],
    [ADMIN, OWNER, false],
    [ADMIN, ADMIN, true],
    [ADMIN, MEMBER, true],
    [MEMBER, MEMBER, false],
  ])('a %s may manage an invitation of a %s: %s', (actor, invited, allowed) => {
    expect(InvitationPolicy.mayManage(member(actor), invitation(invited))).toBe(allowed);
  });

  it('the inviter manages their own invitation; only owners and admins list', () => {
    expect(InvitationPolicy.mayManage(member(ADMIN, 'inviter'), invitation(OWNER, 'inviter'))).toBe(true);
    expect([OWNER, ADMIN, MEMBER].map(InvitationPolicy.mayList)).toEqual([true, true, false]);
  });
});

describe('inviteeAddress', () => {
  it('is the verified email of a bearer token; a workspace access token or an unverified user has none', () => {
    expect(inviteeAddress({ userId: 'a', mayProvisionWorkspaces: false, verifiedEmail: 'a@example.com' })).toBe('a@example.com');
    expect(() => inviteeAddress({ userId: 'a', mayProvisionWorkspaces: false })).toThrow(new InviteeIdentityRequired('unverified'));
    expect(() =>
      inviteeAddress({ userId: 'a', mayProvisionWorkspaces: false, restrictedToWorkspaceId: 'w', verifiedEmail: 'a@example.com' }),
    ).toThrow(new InviteeIdentityRequired('access-token'));
  });
});
