import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { InvitationEmailCounter } from '../../src/invitations/domain/invitation-email-counter.js';
import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer, bearerWithProfile, TEST_JWT_SECRET } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, createWorkspace, mintToken, newUserId, team, type Role } from '../support/workspace-fixtures.js';

const newAddress = (label = 'invitee'): string => `${label}-${randomUUID()}@example.com`;

/** The bearer token of a user whose identity provider verified `email`. */
const verified = (userId: string, email: string) => bearerWithProfile(userId, { email, email_verified: true });

describe('Invitations', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof team>>;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    ws = await team(t);
  });
  afterAll(async () => t.close());

  const invite = async (headers: Record<string, string>, workspaceId: string, email: string, privilege: Role = 'ROLE_WORKSPACE_MEMBER') =>
    t.request({ method: 'POST', url: `/api/v1/workspaces/${workspaceId}/invites`, headers, body: { email, privilege } });
  const answer = async (headers: Record<string, string>, workspaceId: string, invitationId: string, action: string) =>
    t.request({ method: 'PUT', url: `/api/v1/workspaces/${workspaceId}/invites/${invitationId}`, headers, body: { action } });
  const revoke = async (headers: Record<string, string>, workspaceId: string, invitationId: string) =>
    t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/invites/${invitationId}`, headers });
  const listOf = async (headers: Record<string, string>, workspaceId: string) =>
    t.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}/invites`, headers });
  const ownList = async (headers: Record<string, string>) => t.request({ method: 'GET', url: '/api/v1/invites', headers });

  const invitationRow = async (id: string) =>
    (await t.dataSource.query(`SELECT email, email_key, privilege, inviter_id, status FROM invitations WHERE id = $1`, [id]))[0];
  const membershipsOf = async (workspaceId: string, userId: string) =>
    t.dataSource.query(`SELECT privilege FROM workspace_memberships WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
  const emailsTo = async (address: string) =>
    t.dataSource.query(`SELECT payload FROM outbox_messages WHERE topic = 'email' AND payload->>'to' = $1`, [address]);
  const pending = async (email: string, privilege: Role = 'ROLE_WORKSPACE_MEMBER') => {
    const response = await invite(await bearer(ws.users.owner), ws.workspaceId, email, privilege);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };

  describe('POST /api/v1/workspaces/{workspace_id}/invites', () => {
    it('creates a pending invitation as the contract shapes it, stores it and writes its email to the outbox', async () => {
      const email = newAddress();
      const before = Date.now();
      const response = await invite(await bearer(ws.users.owner), ws.workspaceId, email, 'ROLE_WORKSPACE_ADMIN');

      expect(response.status).toBe(201);
      assertMatchesContract('InviteResponse', response.body);
      expect(response.body).toEqual({
        id: expect.any(String),
        email,
        workspaceId: ws.workspaceId,
        inviterId: ws.users.owner,
        privileges: ['ROLE_WORKSPACE_ADMIN'],
        status: 'pending',
        updatedAt: expect.any(String),
        expiresAt: expect.any(String),
        workspaceName: 'Team',
      });
      const validFor = Date.parse(response.body.expiresAt) - Date.parse(response.body.updatedAt);
      expect(validFor).toBe(7 * 86_400_000);
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await invitationRow(response.body.id)).toEqual({
        email,
        email_key: email,
        privilege: 'ROLE_WORKSPACE_ADMIN',
        inviter_id: ws.users.owner,
        status: 'pending',
      });
      const [message] = await emailsTo(email);
      expect(message.payload.subject).toBe('Workspaces: an invitation to join a workspace');
      expect(message.payload.text).toContain(`${ws.users.owner} invited you to join a workspace`);
      expect(message.payload.text).toContain('    "Team"');
      expect(message.payload.text).toContain('as an admin (ROLE_WORKSPACE_ADMIN)');
      expect(message.payload.text).toContain(`/api/v1/workspaces/${ws.workspaceId}/invites/${response.body.id}`);
    });

    it('keeps the address as given but for the domain, which is lower-cased as pydantic’s EmailStr does', async () => {
      const local = `Mixed.Case-${randomUUID()}`;
      const response = await invite(await bearer(ws.users.owner), ws.workspaceId, `  ${local}@EXAMPLE.Com `);
      expect(response.status).toBe(201);
      expect(response.body.email).toBe(`${local}@example.com`);
      expect((await invitationRow(response.body.id)).email_key).toBe(`${local.toLowerCase()}@example.com`);
    });

    it.each([
      ['owner', 'ROLE_WORKSPACE_OWNER', 201],
      ['owner', 'ROLE_WORKSPACE_ADMIN', 201],
      ['admin', 'ROLE_WORKSPACE_OWNER', 403],
      ['admin', 'ROLE_WORKSPACE_ADMIN', 201],
      ['admin', 'ROLE_WORKSPACE_MEMBER', 201],
      ['member', 'ROLE_WORKSPACE_MEMBER', 403],
    ] as const)('follows the rules for adding members: a %s inviting a %s gets %s', async (role, privilege, status) => {
      const email = newAddress();
      const response = await invite(await bearer(ws.users[role]), ws.workspaceId, email, privilege);
      expect(response.status).toBe(status);
      const stored = await t.dataSource.query(`SELECT 1 FROM invitations WHERE email_key = $1`, [email]);
      expect(stored).toHaveLength(status === 201 ? 1 : 0);
      expect(await emailsTo(email)).toHaveLength(status === 201 ? 1 : 0);
    });

    it('answers an outsider, and a token of another workspace, with the 404 of an unknown workspace', async () => {
      const email = newAddress();
      const other = await createWorkspace(t, newUserId('other'));
      const foreignToken = await mintToken(t, ws.users.owner, ws.workspaceId);
      for (const headers of [await bearer(newUserId('outsider')), basic(foreignToken.secret)]) {
        const response = await invite(headers, other.id, email);
        expect([response.status, response.body]).toEqual([404, { detail: [{ msg: 'Workspace not found' }] }]);
      }
      expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE email_key = $1`, [email])).toEqual([]);
    });

    it('accepts a workspace access token, acting as its member with their role', async () => {
      const adminToken = await mintToken(t, ws.users.admin, ws.workspaceId);
      expect((await invite(basic(adminToken.secret), ws.workspaceId, newAddress(), 'ROLE_WORKSPACE_MEMBER')).status).toBe(201);
      expect((await invite(basic(adminToken.secret), ws.workspaceId, newAddress(), 'ROLE_WORKSPACE_OWNER')).status).toBe(403);
    });

    it('refuses a second pending invitation to the same address (in any case) with 409, writing nothing', async () => {
      const email = newAddress();
      await pending(email);
      const response = await invite(
        await bearer(ws.users.admin),
        ws.workspaceId,
        email.toUpperCase().replace('@EXAMPLE.COM', '@example.com'),
        'ROLE_WORKSPACE_ADMIN',
      );
      expect(response.status).toBe(409);
      expect(response.body.detail).toMatch(/already has a pending invitation/);
      expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE email_key = $1`, [email])).toHaveLength(1);
      expect(await emailsTo(email)).toHaveLength(1);
    });

    it('refuses to invite the verified address of someone who is already a member, with 409', async () => {
      const email = newAddress('member');
      // The member's identity token told the service their verified address.
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/workspaces/${ws.workspaceId}`, headers: await verified(ws.users.member, email) }))
          .status,
      ).toBe(200);
      const response = await invite(
        await bearer(ws.users.owner),
        ws.workspaceId,
        email.toUpperCase().replace('@EXAMPLE.COM', '@example.com'),
      );
      expect([response.status, response.body.detail]).toEqual([
        409,
        'The user with this email address is already a member of this workspace',
      ]);
      expect(await emailsTo(email)).toHaveLength(0);
    });

    it('still serves a user whose token carries an email claim longer than an index entry', async () => {
      const huge = `${'x'.repeat(5_000)}@example.com`;
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/workspaces/${ws.workspaceId}`,
        headers: await verified(ws.users.member, huge),
      });
      expect(response.status).toBe(200);
      expect((await invite(await bearer(ws.users.owner), ws.workspaceId, newAddress())).status).toBe(201);
      expect((await ownList(await verified(newUserId('huge'), huge))).body).toEqual({ invites: [] });
    });

    it('invites an address again once its earlier invitation has expired, closing that one as expired', async () => {
      const email = newAddress();
      const first = await pending(email);
      await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [first]);
      const second = await invite(await bearer(ws.users.owner), ws.workspaceId, email);
      expect(second.status).toBe(201);
      expect((await invitationRow(first)).status).toBe('expired');
      expect(await emailsTo(email)).toHaveLength(2);
    });

    it('answers a body that is not the contract’s with 422 and writes nothing', async () => {
      const response = await t.request({
        method: 'POST',
        url: `/api/v1/workspaces/${ws.workspaceId}/invites`,
        headers: await bearer(ws.users.owner),
        body: { email: 'not-an-address', privilege: 'ROLE_KING' },
      });
      expect(response.status).toBe(422);
      expect(response.body.detail.map((issue: { loc: unknown[]; type: string }) => [issue.loc, issue.type])).toEqual([
        [['body', 'email'], 'value_error'],
        [['body', 'privilege'], 'enum'],
      ]);
    });
  });

  describe('PUT /api/v1/workspaces/{workspace_id}/invites/{invitation_id}', () => {
    it('accepting, the invitee (verified email, any case) becomes a member with the invited role', async () => {
      const email = newAddress();
      const id = await pending(email, 'ROLE_WORKSPACE_ADMIN');
      const invitee = newUserId('invitee');
      const response = await answer(await verified(invitee, email.toUpperCase()), ws.workspaceId, id, 'accept');

      expect(response.status).toBe(200);
      assertMatchesContract('InviteResponse', response.body);
      expect(response.body).toMatchObject({ id, status: 'accepted', privileges: ['ROLE_WORKSPACE_ADMIN'], workspaceName: 'Team' });
      expect(await membershipsOf(ws.workspaceId, invitee)).toEqual([{ privilege: 'ROLE_WORKSPACE_ADMIN' }]);
      expect((await invitationRow(id)).status).toBe('accepted');
      // The new member acts with their role at once.
      const members = await t.request({
        method: 'GET',
        url: `/api/v1/workspace-memberships?workspace_id=${ws.workspaceId}`,
        headers: await bearer(invitee),
      });
      expect(members.status).toBe(200);
      expect(members.body.data.map((m: { userId: string }) => m.userId)).toContain(invitee);
    });

    it('declining closes the invitation and adds no one', async () => {
      const email = newAddress();
      const id = await pending(email);
      const invitee = newUserId('invitee');
      const response = await answer(await verified(invitee, email), ws.workspaceId, id, 'decline');
      expect([response.status, response.body.status]).toEqual([200, 'declined']);
      expect(await membershipsOf(ws.workspaceId, invitee)).toEqual([]);
    });

    it.each(['accepted', 'declined', 'revoked', 'expired'] as const)(
      'refuses to answer an invitation that is %s with 409, changing nothing',
      async (state) => {
        const email = newAddress();
        const id = await pending(email);
        const invitee = newUserId('invitee');
        if (state === 'accepted' || state === 'declined') {
          expect(
            (await answer(await verified(newUserId('first'), email), ws.workspaceId, id, state === 'accepted' ? 'accept' : 'decline'))
              .status,
          ).toBe(200);
        } else if (state === 'revoked') {
          expect((await revoke(await bearer(ws.users.owner), ws.workspaceId, id)).status).toBe(200);
        } else {
          await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
        }
        const stored = await invitationRow(id);
        for (const action of ['accept', 'decline']) {
          const response = await answer(await verified(invitee, email), ws.workspaceId, id, action);
          expect([response.status, response.body.detail]).toEqual([
            409,
            `The invitation is ${state}: only a pending invitation can be accepted, declined or revoked`,
          ]);
        }
        expect(await invitationRow(id)).toEqual(stored);
        expect(await membershipsOf(ws.workspaceId, invitee)).toEqual([]);
      },
    );

    it('refuses whoever is not the verified invitee, telling only those who may see the invitation why', async () => {
      const email = newAddress();
      const id = await pending(email);
      const ownerToken = await mintToken(t, ws.users.owner, ws.workspaceId);
      const cases: [Record<string, string>, number, string | { msg: string }[]][] = [
        [
          await bearerWithProfile(newUserId('unverified'), { email, email_verified: false }),
          403,
          'Invitations are answered with a bearer token whose email is verified (claims email and email_verified: true)',
        ],
        [
          await bearerWithProfile(newUserId('no-claim'), { email }),
          403,
          'Invitations are answered with a bearer token whose email is verified (claims email and email_verified: true)',
        ],
        [basic(ownerToken.secret), 403, 'An access token cannot see or answer invitations; use the bearer token of the invited user'],
        [await verified(ws.users.owner, newAddress('owner')), 403, 'Only the invited user may accept or decline an invitation'],
        [await verified(ws.users.member, newAddress('member')), 404, [{ msg: 'Invitation not found' }]],
        [await verified(newUserId('stranger'), newAddress('stranger')), 404, [{ msg: 'Invitation not found' }]],
      ];
      for (const [headers, status, detail] of cases) {
        const response = await answer(headers, ws.workspaceId, id, 'accept');
        expect([response.status, response.body.detail]).toEqual([status, detail]);
      }
      expect((await invitationRow(id)).status).toBe('pending');
    });

    it('answers an invitation addressed through another workspace’s path, or unknown, with 404', async () => {
      const email = newAddress();
      const id = await pending(email);
      const other = await createWorkspace(t, newUserId('other'));
      for (const [workspaceId, invitationId] of [
        [other.id, id],
        [ws.workspaceId, randomUUID()],
      ]) {
        const response = await answer(await verified(newUserId('invitee'), email), workspaceId, invitationId, 'accept');
        expect([response.status, response.body]).toEqual([404, { detail: [{ msg: 'Invitation not found' }] }]);
      }
      expect((await invitationRow(id)).status).toBe('pending');
    });

    it('refuses an invitee who is already a member with 409 and leaves the invitation pending', async () => {
      const email = newAddress();
      const id = await pending(email);
      const response = await answer(await verified(ws.users.member, email), ws.workspaceId, id, 'accept');
      expect([response.status, response.body.detail]).toEqual([409, 'The user is already a member of this workspace']);
      expect((await invitationRow(id)).status).toBe('pending');
    });

    it('two concurrent accepts make exactly one membership; the other gets 409', async () => {
      for (let round = 0; round < 5; round++) {
        const email = newAddress();
        const id = await pending(email);
        const invitee = newUserId('invitee');
        const headers = await verified(invitee, email);
        const responses = await Promise.all([1, 2, 3].map(() => answer(headers, ws.workspaceId, id, 'accept')));
        expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
        expect(await membershipsOf(ws.workspaceId, invitee)).toHaveLength(1);
      }
    });

    it('an accept racing a revoke: exactly one of them wins', async () => {
      for (let round = 0; round < 5; round++) {
        const email = newAddress();
        const id = await pending(email);
        const invitee = newUserId('invitee');
        const [accepted, revoked] = await Promise.all([
          answer(await verified(invitee, email), ws.workspaceId, id, 'accept'),
          revoke(await bearer(ws.users.owner), ws.workspaceId, id),
        ]);
        expect([accepted.status, revoked.status].sort()).toEqual([200, 409]);
        const { status } = await invitationRow(id);
        expect(await membershipsOf(ws.workspaceId, invitee)).toHaveLength(status === 'accepted' ? 1 : 0);
      }
    });
  });

  describe('DELETE /api/v1/workspaces/{workspace_id}/invites/{invitation_id}', () => {
    it('lets the owner revoke: 200 with the revoked invitation', async () => {
      const id = await pending(newAddress());
      const response = await revoke(await bearer(ws.users.owner), ws.workspaceId, id);
      expect(response.status).toBe(200);
      assertMatchesContract('InviteResponse', response.body);
      expect(response.body).toMatchObject({ id, status: 'revoked' });
      expect((await invitationRow(id)).status).toBe('revoked');
      expect((await revoke(await bearer(ws.users.owner), ws.workspaceId, id)).status).toBe(409);
    });

    it('lets admins revoke invitations of admins and members, and their own; anyone else gets 404', async () => {
      const ownerInvite = await pending(newAddress(), 'ROLE_WORKSPACE_OWNER');
      const memberInvite = await pending(newAddress(), 'ROLE_WORKSPACE_MEMBER');
      const outsider = await revoke(await bearer(newUserId('outsider')), ws.workspaceId, memberInvite);
      expect([outsider.status, outsider.body]).toEqual([404, { detail: [{ msg: 'Workspace not found' }] }]);
      for (const [role, id] of [
        ['admin', ownerInvite],
        ['member', memberInvite],
      ] as const) {
        const response = await revoke(await bearer(ws.users[role]), ws.workspaceId, id);
        expect([response.status, response.body]).toEqual([404, { detail: [{ msg: 'Invitation not found' }] }]);
      }
      expect((await revoke(await bearer(ws.users.admin), ws.workspaceId, memberInvite)).status).toBe(200);
      expect((await invitationRow(ownerInvite)).status).toBe('pending');
    });

    it('lets an inviter revoke their own invitation', async () => {
      const invited = await invite(await bearer(ws.users.admin), ws.workspaceId, newAddress(), 'ROLE_WORKSPACE_ADMIN');
      const response = await revoke(await bearer(ws.users.admin), ws.workspaceId, invited.body.id);
      expect([response.status, response.body.status]).toEqual([200, 'revoked']);
    });
  });

  describe('GET /api/v1/workspaces/{workspace_id}/invites', () => {
    it('lists every invitation, newest first, with its status read now; admins see no owner invitations', async () => {
      const accepted = newAddress();
      const first = await pending(accepted);
      const ownerInvite = await pending(newAddress(), 'ROLE_WORKSPACE_OWNER');
      const expired = await pending(newAddress());
      await answer(await verified(newUserId('joined'), accepted), ws.workspaceId, first, 'accept');
      await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired]);

      const owner = await listOf(await bearer(ws.users.owner), ws.workspaceId);
      expect(owner.status).toBe(200);
      assertMatchesContract('ListInvitesResponse', owner.body);
      expect(owner.body.invites.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
        [expired, 'expired'],
        [ownerInvite, 'pending'],
        [first, 'accepted'],
      ]);
      const admin = await listOf(await bearer(ws.users.admin), ws.workspaceId);
      expect(admin.body.invites.map((i: { id: string }) => i.id)).toEqual([expired, first]);
    });

    it('refuses members with 403 and outsiders with 404', async () => {
      await pending(newAddress());
      const member = await listOf(await bearer(ws.users.member), ws.workspaceId);
      expect([member.status, member.body.detail]).toEqual([403, "Only the workspace's owners and admins may see its invitations"]);
      const outsider = await listOf(await bearer(newUserId('outsider')), ws.workspaceId);
      expect([outsider.status, outsider.body]).toEqual([404, { detail: [{ msg: 'Workspace not found' }] }]);
    });
  });

  describe('GET /api/v1/invites', () => {
    it('lists the pending, unexpired invitations to the caller’s verified address, across workspaces', async () => {
      const email = newAddress();
      const here = await pending(email, 'ROLE_WORKSPACE_ADMIN');
      const otherOwner = newUserId('other-owner');
      const other = await createWorkspace(t, otherOwner, 'Elsewhere');
      const there = (await invite(await bearer(otherOwner), other.id, email)).body.id;
      const gone = await pending(newAddress()); // someone else's
      const third = await createWorkspace(t, otherOwner, 'Third');
      const expired = (await invite(await bearer(otherOwner), third.id, email)).body.id;
      await t.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired]);

      const response = await ownList(await verified(newUserId('invitee'), email.toUpperCase()));
      expect(response.status).toBe(200);
      assertMatchesContract('ListUserInvitesResponse', response.body);
      expect(response.body.invites.map((i: { id: string; workspaceName: string }) => [i.id, i.workspaceName])).toEqual([
        [there, 'Elsewhere'],
        [here, 'Team'],
      ]);
      expect(response.body.invites.map((i: { id: string }) => i.id)).not.toContain(gone);
    });

    it('refuses a workspace access token and a bearer token without a verified email with 403', async () => {
      const token = await mintToken(t, ws.users.owner, ws.workspaceId);
      for (const headers of [basic(token.secret), await bearer(newUserId('plain'))]) expect((await ownList(headers)).status).toBe(403);
    });
  });

  describe('who an invitation is for: the same mailbox, never a look-alike', () => {
    const unique = () => randomUUID().slice(0, 8);

    it.each([
      ['KELVIN SIGN for K', (u: string) => [`kevin-${u}@example.com`, `\u212Aevin-${u}@example.com`]],
      ['ANGSTROM SIGN for Å', (u: string) => [`\u00E5sa-${u}@example.com`, `\u212Bsa-${u}@example.com`]],
      ['a combining ring for å', (u: string) => [`\u00E5sa-${u}@example.com`, `a\u030Asa-${u}@example.com`]],
      ['Turkish dotted İ for i + combining dot', (u: string) => [`i\u0307van-${u}@example.com`, `\u0130van-${u}@example.com`]],
      ['Turkish dotless ı for i', (u: string) => [`ivan-${u}@example.com`, `\u0131van-${u}@example.com`]],
      ['a full-width letter', (u: string) => [`kevin-${u}@example.com`, `\uFF4Bevin-${u}@example.com`]],
      ['a Cyrillic look-alike', (u: string) => [`kevin-${u}@example.com`, `\u043Aevin-${u}@example.com`]],
      ['a Greek look-alike', (u: string) => [`Kevin-${u}@example.com`, `\u039Aevin-${u}@example.com`]],
    ])('an invitation to one address is not seen or answered by %s', async (_, addresses) => {
      const [victim, lookAlike] = addresses(unique());
      const id = await pending(victim, 'ROLE_WORKSPACE_OWNER');
      const attacker = newUserId('attacker');
      const headers = await verified(attacker, lookAlike);

      expect((await ownList(headers)).body).toEqual({ invites: [] });
      const accepted = await answer(headers, ws.workspaceId, id, 'accept');
      expect(accepted.status).toBe(404);
      expect(await membershipsOf(ws.workspaceId, attacker)).toEqual([]);
      expect((await invitationRow(id)).status).toBe('pending');
      // Nor does the look-alike's verified address make the real invitee "already a member".
      await addMember(t, ws.users.owner, ws.workspaceId, attacker, 'ROLE_WORKSPACE_MEMBER');
      expect((await ownList(headers)).status).toBe(200);
      expect((await revoke(await bearer(ws.users.owner), ws.workspaceId, id)).status).toBe(200);
      expect((await invite(await bearer(ws.users.owner), ws.workspaceId, victim)).status).toBe(201);
    });

    it.each([
      ['a KELVIN SIGN', '\u212Aevin'],
      ['an ANGSTROM SIGN', '\u212Bsa'],
      ['a decomposed å (a + combining ring)', 'a\u030Asa'],
    ])('refuses to invite an address that Unicode normalisation would change (%s) with 422, writing nothing', async (_, local) => {
      const email = `${local}-${unique()}@example.com`;
      const response = await invite(await bearer(ws.users.owner), ws.workspaceId, email);
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([
        {
          loc: ['body', 'email'],
          msg: 'value is not a valid email address: The address must be in Unicode normalization form NFC (check for look-alike characters).',
          type: 'value_error',
        },
      ]);
      expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE workspace_id = $1`, [ws.workspaceId])).toEqual([]);
      expect(await emailsTo(email)).toEqual([]);
    });

    it('is answered by the same mailbox written otherwise: ASCII case anywhere, the domain in IDNA form', async () => {
      const u = unique();
      const id = await pending(`Kevin.Müller-${u}@BÜCHER.de`, 'ROLE_WORKSPACE_ADMIN');
      const kevin = newUserId('kevin');
      const headers = await verified(kevin, `kevin.Müller-${u}@xn--bcher-kva.DE`);
      expect((await ownList(headers)).body.invites.map((i: { id: string }) => i.id)).toEqual([id]);
      expect((await answer(headers, ws.workspaceId, id, 'accept')).status).toBe(200);
      expect(await membershipsOf(ws.workspaceId, kevin)).toEqual([{ privilege: 'ROLE_WORKSPACE_ADMIN' }]);
      // Non-ASCII letters keep their case: KEVIN.MÜLLER is another mailbox.
      const other = await pending(`Kevin.Müller-${u}-2@bücher.de`);
      expect((await ownList(await verified(newUserId('k'), `KEVIN.MÜLLER-${u}-2@bücher.de`))).body.invites).toEqual([]);
      expect(
        (await ownList(await verified(newUserId('k'), `KEVIN.Müller-${u}-2@bücher.de`))).body.invites.map((i: { id: string }) => i.id),
      ).toEqual([other]);
    });
  });

  describe('what a token says about an address holds only with the verification that came with it', () => {
    const profile = (email: string, verifiedClaim?: boolean) => ({
      email,
      name: 'Mal',
      picture: 'https://example.com/mal.png',
      ...(verifiedClaim === undefined ? {} : { email_verified: verifiedClaim }),
    });
    const userOf = async (userId: string) =>
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/workspace-memberships?workspace_id=${ws.workspaceId}&user_id=${userId}&expand=user`,
          headers: await bearer(ws.users.owner),
        })
      ).body.data[0].user;

    it('a new email without email_verified is not verified: expand=user says so, and inviting that address is not refused', async () => {
      const mal = ws.users.member;
      const own = newAddress('mal');
      const victim = newAddress('victim');
      expect((await ownList(await bearerWithProfile(mal, profile(own, true)))).status).toBe(200);
      expect(await userOf(mal)).toMatchObject({ email: own, emailVerified: true });

      // A later token names another address and says nothing of its verification.
      expect((await ownList(await bearerWithProfile(mal, profile(victim)))).status).toBe(403);
      expect(await userOf(mal)).toMatchObject({ email: victim, emailVerified: false });
      expect(await t.dataSource.query(`SELECT email_verified, email_key FROM users WHERE id = $1`, [mal])).toEqual([
        { email_verified: null, email_key: null },
      ]);
      const response = await invite(await bearer(ws.users.owner), ws.workspaceId, victim);
      expect(response.status).toBe(201);
      // Nor does the earlier, verified address still count as the member's.
      expect((await invite(await bearer(ws.users.owner), ws.workspaceId, own)).status).toBe(201);
    });

    it('email_verified: false, and a token without any email claim, change nothing that was verified before them wrongly', async () => {
      const user = ws.users.admin;
      const address = newAddress('admin');
      await ownList(await bearerWithProfile(user, profile(address, true)));
      // A token without an email claim keeps the address and its verification.
      await ownList(await bearerWithProfile(user, { name: 'Renamed' }));
      expect(await userOf(user)).toMatchObject({ email: address, emailVerified: true, name: 'Renamed' });
      expect((await invite(await bearer(ws.users.owner), ws.workspaceId, address)).status).toBe(409);
      // The same address, now said to be unverified, no longer counts.
      await ownList(await bearerWithProfile(user, profile(address, false)));
      expect(await userOf(user)).toMatchObject({ email: address, emailVerified: false });
      expect((await invite(await bearer(ws.users.owner), ws.workspaceId, address)).status).toBe(201);
    });
  });

  it('the invitation and its email are written together: a failure writing the email leaves no invitation', async () => {
    const email = newAddress('fault');
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION outbox_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.payload->>'to' LIKE 'fault-%' THEN RAISE EXCEPTION 'injected outbox fault'; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(`CREATE TRIGGER outbox_fault BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION outbox_fault()`);
    try {
      const response = await invite(await bearer(ws.users.owner), ws.workspaceId, email);
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER outbox_fault ON outbox_messages`);
    }
    expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE email_key = $1`, [email])).toEqual([]);
    expect((await invite(await bearer(ws.users.owner), ws.workspaceId, email)).status).toBe(201);
  });

  it('the README walk-through: `npm run token -- bob --email …` mints the token that accepts, and bob becomes a member', async () => {
    const email = newAddress('bob');
    const id = await pending(email, 'ROLE_WORKSPACE_ADMIN');
    const bob = newUserId('bob');
    const token = execFileSync(process.execPath, ['dist/src/auth/mint-token.js', bob, '--email', email, '--name', 'Bob'], {
      env: { PATH: process.env.PATH, AUTH_JWT_SECRET: TEST_JWT_SECRET },
      encoding: 'utf8',
    }).trim();
    const headers = { authorization: `Bearer ${token}` };
    expect((await ownList(headers)).body.invites.map((i: { id: string }) => i.id)).toEqual([id]);
    const accepted = await answer(headers, ws.workspaceId, id, 'accept');
    expect([accepted.status, accepted.body.status]).toEqual([200, 'accepted']);
    const members = await t.request({
      method: 'GET',
      url: `/api/v1/workspace-memberships?workspace_id=${ws.workspaceId}&user_id=${bob}`,
      headers,
    });
    expect(members.body.data.map((m: { userId: string; privileges: string[] }) => [m.userId, m.privileges])).toEqual([
      [bob, ['ROLE_WORKSPACE_ADMIN']],
    ]);
  });

  it('an invitation goes with its workspace', async () => {
    const id = await pending(newAddress());
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${ws.workspaceId}`, headers: await bearer(ws.users.owner) })).status,
    ).toBe(204);
    expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE id = $1`, [id])).toEqual([]);
  });
});

describe('Invitation limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ INVITATION_PENDING_LIMIT: '2', INVITATION_EXPIRY_DAYS: '3' });
  });
  afterAll(async () => t.close());

  it('refuses an invitation past the pending limit with 409; answered or revoked ones free a place', async () => {
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    const send = async (email: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/invites`,
        headers: await bearer(owner),
        body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
      });
    const first = await send(newAddress());
    expect(Date.parse(first.body.expiresAt) - Date.parse(first.body.updatedAt)).toBe(3 * 86_400_000);
    expect((await send(newAddress())).status).toBe(201);
    const refused = await send(newAddress());
    expect([refused.status, refused.body.detail]).toEqual([
      409,
      'The workspace has 2 pending invitations, the most it may have; revoke some or wait until they are answered or expire',
    ]);
    await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspace.id}/invites/${first.body.id}`, headers: await bearer(owner) });
    expect((await send(newAddress())).status).toBe(201);
  });

  it('holds the limit under concurrent invitations', async () => {
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    const headers = await bearer(owner);
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request({
          method: 'POST',
          url: `/api/v1/workspaces/${workspace.id}/invites`,
          headers,
          body: { email: newAddress(), privilege: 'ROLE_WORKSPACE_MEMBER' },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE workspace_id = $1`, [workspace.id])).toHaveLength(2);
  });

  it('concurrent invitations of one address make one invitation and one email', async () => {
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    await addMember(t, owner, workspace.id, newUserId('admin'), 'ROLE_WORKSPACE_ADMIN');
    const email = newAddress();
    const headers = await bearer(owner);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.request({
          method: 'POST',
          url: `/api/v1/workspaces/${workspace.id}/invites`,
          headers,
          body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE payload->>'to' = $1`, [email])).toHaveLength(1);
  });
});

describe('Invitation email limits', () => {
  const WINDOW_HOURS = 24;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      INVITATION_EMAILS_PER_ADDRESS: '3',
      INVITATION_EMAILS_PER_USER: '5',
      INVITATION_EMAIL_WINDOW_HOURS: String(WINDOW_HOURS),
    });
  });
  afterAll(async () => t.close());

  const invite = async (userId: string, workspaceId: string, email: string) =>
    t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspaceId}/invites`,
      headers: await bearer(userId),
      body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
    });
  const revoke = async (userId: string, workspaceId: string, invitationId: string) =>
    t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/invites/${invitationId}`, headers: await bearer(userId) });
  const emailsTo = async (address: string) =>
    t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE topic = 'email' AND payload->>'to' = $1`, [address]);
  const subjectOf = (kind: 'address' | 'sender', value: string) => createHash('sha256').update(`${kind}:${value}`).digest('hex');
  const expectRefused = (response: Awaited<ReturnType<typeof invite>>, detail: string) => {
    expect([response.status, response.body]).toEqual([429, { detail }]);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(WINDOW_HOURS * 3600 - 120);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_HOURS * 3600);
  };
  const ADDRESS_FULL = 'This address has received as many invitation emails as it may for now; try again later';
  const SENDER_FULL = 'You have sent as many invitation emails as you may for now; try again later';

  it('one address receives at most the limit, whoever invites it from whichever workspace; revoking frees nothing', async () => {
    const email = newAddress('target');
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    for (let round = 0; round < 3; round++) {
      const made = await invite(owner, workspace.id, email);
      expect(made.status).toBe(201);
      expect((await revoke(owner, workspace.id, made.body.id)).status).toBe(200);
    }
    expectRefused(await invite(owner, workspace.id, email), ADDRESS_FULL);
    // Another user in a workspace of their own: the address is still full; the same mailbox in other case too.
    const other = newUserId('other');
    const elsewhere = await createWorkspace(t, other);
    expectRefused(await invite(other, elsewhere.id, email.toUpperCase().replace('@EXAMPLE.COM', '@example.com')), ADDRESS_FULL);
    expect(await emailsTo(email)).toHaveLength(3);
    expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE email_key = $1`, [email])).toHaveLength(3);
    // No address is stored with the count, only its hash.
    expect(await t.dataSource.query(`SELECT sent FROM invitation_email_counts WHERE subject = $1`, [subjectOf('address', email)])).toEqual([
      { sent: 3 },
    ]);
    // Other addresses are not affected.
    expect((await invite(other, elsewhere.id, newAddress())).status).toBe(201);
  });

  it('one user sends at most the limit, across workspaces, also after deleting them', async () => {
    const sender = newUserId('sender');
    const first = await createWorkspace(t, sender);
    for (let i = 0; i < 3; i++) expect((await invite(sender, first.id, newAddress())).status).toBe(201);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${first.id}`, headers: await bearer(sender) })).status).toBe(204);
    const second = await createWorkspace(t, sender);
    for (let i = 0; i < 2; i++) expect((await invite(sender, second.id, newAddress())).status).toBe(201);
    const refusedAddress = newAddress();
    expectRefused(await invite(sender, second.id, refusedAddress), SENDER_FULL);
    expect(await emailsTo(refusedAddress)).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM invitations WHERE workspace_id = $1`, [second.id])).toHaveLength(2);
    // A workspace access token acts as its member: the same user, the same limit.
    const token = await mintToken(t, sender, second.id);
    const byToken = await t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${second.id}/invites`,
      headers: basic(token.secret),
      body: { email: newAddress(), privilege: 'ROLE_WORKSPACE_MEMBER' },
    });
    expectRefused(byToken, SENDER_FULL);
  });

  it('holds under concurrent invitations: exactly the limit is sent', async () => {
    const sender = newUserId('burst');
    const workspace = await createWorkspace(t, sender);
    const addresses = Array.from({ length: 8 }, () => newAddress('burst'));
    const responses = await Promise.all(addresses.map((email) => invite(sender, workspace.id, email)));
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const sent = await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE topic = 'email' AND payload->>'to' = ANY($1)`, [addresses]);
    expect(sent).toHaveLength(5);
  });

  it('a window that has ended starts again, and ended windows are forgotten', async () => {
    const email = newAddress('later');
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    for (let i = 0; i < 3; i++) {
      const made = await invite(owner, workspace.id, email);
      await revoke(owner, workspace.id, made.body.id);
    }
    expect((await invite(owner, workspace.id, email)).status).toBe(429);
    await t.dataSource.query(
      `UPDATE invitation_email_counts SET window_start = now() - interval '${WINDOW_HOURS} hours 1 second' WHERE subject = $1`,
      [subjectOf('address', email)],
    );
    expect((await invite(owner, workspace.id, email)).status).toBe(201);
    expect(await t.dataSource.query(`SELECT sent FROM invitation_email_counts WHERE subject = $1`, [subjectOf('address', email)])).toEqual([
      { sent: 1 },
    ]);

    const quiet = newAddress('quiet');
    expect((await invite(owner, workspace.id, quiet)).status).toBe(201);
    await t.dataSource.query(
      `UPDATE invitation_email_counts SET window_start = now() - interval '${WINDOW_HOURS} hours 1 second' WHERE subject = $1`,
      [subjectOf('address', quiet)],
    );
    expect(await t.app.get(InvitationEmailCounter).forgetEnded(new Date(), WINDOW_HOURS * 3_600_000)).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query(`SELECT 1 FROM invitation_email_counts WHERE subject = $1`, [subjectOf('address', quiet)])).toEqual([]);
  });
});
