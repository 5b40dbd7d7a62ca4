import { Workspace } from '../domain/workspace.js';
import { WorkspaceAccessToken } from '../domain/workspace-access-token.js';
import type { WorkspaceAccessTokenRepository } from '../domain/workspace-access-token.repository.js';
import { WorkspaceMembership } from '../domain/workspace-membership.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { AccessTokenAlreadyExists, MemberAlreadyExists, MembershipNotFound, WorkspaceAlreadyExists } from '../domain/workspace.errors.js';
import type { WorkspaceRepository } from '../domain/workspace.repository.js';

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
  open: () => Promise<{ repositories: WorkspaceRepositories; close(): Promise<void> }>,
): void {
  describe(`${name} (workspace repository contract)`, () => {
    let repositories: WorkspaceRepositories;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ repositories, close } = await open());
    });
    afterAll(async () => close());

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
      const { token } = WorkspaceAccessToken.issue({ membershipId: workspace.memberships[0].id, name: 'a', expiresAt: null, now: new Date() });
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
  });
}
