import { loadConfig } from '../../config/app-config.js';
import { InMemoryUnitOfWork } from '../../database/in-memory-unit-of-work.js';
import { AddWorkspaceMemberUseCase } from '../../workspaces/application/add-workspace-member.use-case.js';
import { Workspace } from '../../workspaces/domain/workspace.js';
import { MemberAlreadyExists } from '../../workspaces/domain/workspace.errors.js';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../workspaces/infrastructure/in-memory-workspace.repository.js';
import { InMemoryEventLog } from '../../events/infrastructure/in-memory-event-log.js';
import { InvitationNotFound, InvitationNotPending, NotTheInvitee } from '../domain/invitation.errors.js';
import { Invitation } from '../domain/invitation.js';
import { InMemoryInvitationRepository } from '../infrastructure/in-memory-invitation.repository.js';
import { AnswerInvitationUseCase } from './answer-invitation.use-case.js';
import { RevokeInvitationUseCase } from './revoke-invitation.use-case.js';

describe('AnswerInvitationUseCase and RevokeInvitationUseCase', () => {
  const owner = { userId: 'owner', mayProvisionWorkspaces: false };
  const bob = { userId: 'bob', mayProvisionWorkspaces: false, verifiedEmail: 'BOB@example.com' };
  let store: InMemoryWorkspaceStore;
  let workspaces: InMemoryWorkspaceRepository;
  let invitations: InMemoryInvitationRepository;
  let workspaceId: string;
  let invitation: Invitation;
  let events: InMemoryEventLog;
  let unitOfWork: InMemoryUnitOfWork;

  beforeEach(async () => {
    store = new InMemoryWorkspaceStore();
    events = new InMemoryEventLog();
    workspaces = new InMemoryWorkspaceRepository(store);
    invitations = new InMemoryInvitationRepository(store);
    const created = Workspace.create({ name: 'Team', billingAccountEmail: 'billing@example.com', creator: owner, now: new Date() });
    workspaceId = created.workspace.id;
    invitation = Invitation.create({
      workspaceId,
      email: 'bob@example.com',
      privilege: WorkspacePrivilege.ADMIN,
      inviter: owner,
      now: new Date(),
      validForMs: 86_400_000,
    });
    await new InMemoryUnitOfWork().run('setup', async (tx) => {
      workspaces.save(tx, created.workspace);
      workspaces.saveMembership(tx, created.owner);
      invitations.save(tx, invitation);
    });
    unitOfWork = new InMemoryUnitOfWork((recorded) => events.append(recorded));
  });

  const answer = (actor: typeof bob | typeof owner, action: 'accept' | 'decline' = 'accept') =>
    new AnswerInvitationUseCase(unitOfWork, workspaces, invitations, loadConfig({})).execute({
      actor,
      workspaceId,
      invitationId: invitation.id,
      answer: action,
    });
  const stored = async () => (await invitations.findInWorkspace(workspaceId, invitation.id))!.storedStatus;

  it('accepting adds the invitee with the invited role and closes the invitation', async () => {
    const { invitation: answered, workspaceName } = await answer(bob);
    expect([answered.storedStatus, workspaceName, await stored()]).toEqual(['accepted', 'Team', 'accepted']);
    const membership = await workspaces.findMembership(workspaceId, 'bob');
    expect(membership?.privilege).toBe(WorkspacePrivilege.ADMIN);
    expect(events.recorded.map((event) => [event.type, event.workspaceId, event.actor, event.data])).toEqual([
      [
        'invitation.accepted',
        workspaceId,
        { userId: 'bob', accessTokenId: null },
        expect.objectContaining({ invitationId: invitation.id }),
      ],
      [
        'membership.added',
        workspaceId,
        { userId: 'bob', accessTokenId: null },
        { membershipId: membership!.id, userId: 'bob', privilege: WorkspacePrivilege.ADMIN, invitationId: invitation.id },
      ],
    ]);
    await expect(answer(bob)).rejects.toThrow(new InvitationNotPending('accepted'));
  });

  it('declining adds no one', async () => {
    await answer(bob, 'decline');
    expect([await stored(), await workspaces.findMembership(workspaceId, 'bob')]).toEqual(['declined', null]);
    expect(events.recorded.map((event) => event.type)).toEqual(['invitation.declined']);
  });

  it('refuses the owner (who sees it) and a stranger (who does not), changing nothing', async () => {
    await expect(answer({ ...owner, verifiedEmail: 'owner@example.com' })).rejects.toThrow(NotTheInvitee);
    await expect(answer({ userId: 'eve', mayProvisionWorkspaces: false, verifiedEmail: 'eve@example.com' })).rejects.toThrow(
      InvitationNotFound,
    );
    expect(await stored()).toBe('pending');
    expect(events.recorded).toEqual([]);
  });

  it('refuses an invitee who is already a member and leaves the invitation pending', async () => {
    await new AddWorkspaceMemberUseCase(unitOfWork, workspaces, loadConfig({})).execute({ actor: owner, workspaceId, userId: 'bob' });
    events.recorded.length = 0;
    await expect(answer(bob)).rejects.toThrow(MemberAlreadyExists);
    expect(await stored()).toBe('pending');
    expect(events.recorded).toEqual([]);
  });

  it('revoking: the owner may; the invitee may not (404); then no one may answer', async () => {
    const revoke = new RevokeInvitationUseCase(unitOfWork, workspaces, invitations);
    await expect(revoke.execute({ actor: bob, workspaceId, invitationId: invitation.id })).rejects.toThrow('Workspace not found');
    await revoke.execute({ actor: owner, workspaceId, invitationId: invitation.id });
    expect(await stored()).toBe('revoked');
    expect(events.recorded.map((event) => [event.type, event.actor.userId])).toEqual([['invitation.revoked', 'owner']]);
    await expect(answer(bob)).rejects.toThrow(new InvitationNotPending('revoked'));
  });
});
