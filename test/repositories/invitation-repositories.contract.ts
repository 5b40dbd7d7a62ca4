import { randomUUID } from 'node:crypto';
import { AlreadyInvited } from '../../src/invitations/domain/invitation.errors.js';
import { Invitation } from '../../src/invitations/domain/invitation.js';
import type { InvitationRepository } from '../../src/invitations/domain/invitation.repository.js';
import { Workspace } from '../../src/workspaces/domain/workspace.js';
import type { WorkspaceMembership } from '../../src/workspaces/domain/workspace-membership.js';
import { WorkspacePrivilege } from '../../src/workspaces/domain/workspace-privilege.js';
import type { WorkspaceRepository } from '../../src/workspaces/domain/workspace.repository.js';
import type { Transaction, UnitOfWork } from '../../src/kernel/unit-of-work.js';

export interface InvitationRepositories {
  unitOfWork: UnitOfWork;
  workspaces: WorkspaceRepository;
  invitations: InvitationRepository;
}

const DAY = 86_400_000;
const T0 = new Date('2026-05-01T10:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

/** One behaviour for the in-memory and the TypeORM invitation repository (as for workspaces). */
export function describeInvitationRepositoryContract(
  name: string,
  open: () => Promise<{ repositories: InvitationRepositories; close: () => Promise<void> }>,
): void {
  describe(`${name} (invitation repository contract)`, () => {
    let repositories: InvitationRepositories;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ repositories, close } = await open());
    });
    afterAll(() => close());

    const owner = { userId: 'owner', mayProvisionWorkspaces: false };
    const write = (work: (tx: Transaction) => void | Promise<void>) => repositories.unitOfWork.run('contract', async (tx) => work(tx));
    const save = (...invitations: Invitation[]) =>
      write((tx) => {
        for (const i of invitations) repositories.invitations.save(tx, i);
      });
    const newWorkspace = async (name = 'Team') => {
      const created = Workspace.create({ name, billingAccountEmail: 'billing@example.com', creator: owner, now: T0 });
      await write((tx) => {
        repositories.workspaces.save(tx, created.workspace);
        repositories.workspaces.saveMembership(tx, created.owner);
      });
      return created.workspace.id;
    };
    /** Changes the workspace under its lock, as the use cases do (the owner's membership at hand). */
    const change = (workspaceId: string, work: (w: Workspace, own: WorkspaceMembership) => void) =>
      write(async (tx) => {
        const workspace = (await repositories.workspaces.lock(tx, workspaceId))!;
        work(workspace, (await repositories.workspaces.findMembership(workspaceId, owner.userId))!);
        repositories.workspaces.save(tx, workspace);
      });
    const invitation = (workspaceId: string, email: string, createdDays = 0, privilege = WorkspacePrivilege.MEMBER) =>
      Invitation.create({ workspaceId, email, privilege, inviter: owner, now: at(createdDays), validForMs: 7 * DAY });
    const address = () => `Person-${randomUUID()}@Example.com`;
    const fields = (i: Invitation | null | undefined) =>
      i && [i.id, i.workspaceId, i.email, i.emailKey, i.privilege, i.inviterId, i.storedStatus, i.createdAt, i.updatedAt, i.expiresAt];

    it('stores an invitation and finds it by id in its workspace, with every field unchanged (through another workspace: nothing)', async () => {
      const workspaceId = await newWorkspace();
      const stored = invitation(workspaceId, address(), 0, WorkspacePrivilege.ADMIN);
      await save(stored);
      expect(fields(await repositories.invitations.findInWorkspace(workspaceId, stored.id))).toEqual(fields(stored));
      expect(await repositories.invitations.findInWorkspace(workspaceId, randomUUID())).toBeNull();
      expect(await repositories.invitations.findInWorkspace(await newWorkspace(), stored.id)).toBeNull();
    });

    it('keeps one pending invitation per address and workspace; a closed one makes room', async () => {
      const workspaceId = await newWorkspace();
      const email = address();
      const first = invitation(workspaceId, email);
      await save(first);
      await expect(save(invitation(workspaceId, email.toLowerCase()))).rejects.toThrow(AlreadyInvited);
      await save(invitation(await newWorkspace(), email));

      first.revoke(owner, at(1));
      await save(first);
      expect(fields(await repositories.invitations.findInWorkspace(workspaceId, first.id))).toEqual(fields(first));
      await save(invitation(workspaceId, email, 1));
    });

    it('finds the invitation stored as pending for an address, expired or not', async () => {
      const workspaceId = await newWorkspace();
      const stored = invitation(workspaceId, address());
      await save(stored);
      expect((await repositories.invitations.findStoredPending(workspaceId, stored.emailKey))?.id).toBe(stored.id);
      stored.closeExpired(at(8));
      await save(stored);
      expect(await repositories.invitations.findStoredPending(workspaceId, stored.emailKey)).toBeNull();
    });

    it('counts and lists what is pending at a moment: not expired, not answered', async () => {
      const workspaceId = await newWorkspace();
      const email = address();
      const old = invitation(workspaceId, address(), 0);
      const answered = invitation(workspaceId, address(), 1);
      const fresh = invitation(workspaceId, email, 2);
      await save(old, answered, fresh);
      answered.answer('decline', owner, at(2));
      await save(answered);
      expect(await repositories.invitations.countPending(workspaceId, at(3))).toBe(2);
      expect(await repositories.invitations.countPending(workspaceId, at(7.5))).toBe(1);
      expect((await repositories.invitations.listPendingFor(fresh.emailKey, at(3))).map((l) => l.invitation.id)).toEqual([fresh.id]);
      expect(await repositories.invitations.listPendingFor(fresh.emailKey, at(9.5))).toEqual([]);
    });

    it("lists a workspace's invitations newest first, and an address's across workspaces, with the current workspace name", async () => {
      const here = await newWorkspace('Here');
      const there = await newWorkspace('There');
      const email = address();
      const a = invitation(here, address(), 0);
      const b = invitation(here, email, 1);
      const c = invitation(there, email, 2);
      await save(a, b, c);
      await change(there, (w, own) => w.rename(own, 'Renamed', owner, at(2)));

      expect((await repositories.invitations.listByWorkspace(here)).map((l) => [l.invitation.id, l.workspaceName])).toEqual([
        [b.id, 'Here'],
        [a.id, 'Here'],
      ]);
      expect((await repositories.invitations.listPendingFor(b.emailKey, at(3))).map((l) => [l.invitation.id, l.workspaceName])).toEqual([
        [c.id, 'Renamed'],
        [b.id, 'Here'],
      ]);
    });

    it('drops the invitations of a deleted workspace', async () => {
      const workspaceId = await newWorkspace();
      const stored = invitation(workspaceId, address());
      await save(stored);
      await change(workspaceId, (w, own) => w.delete(own, [own], owner, at(1)));
      expect(await repositories.invitations.findInWorkspace(workspaceId, stored.id)).toBeNull();
      expect(await repositories.invitations.listPendingFor(stored.emailKey, at(1))).toEqual([]);
    });
  });
}
