import type { AppConfig } from '../../config/app-config.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../../workspaces/infrastructure/in-memory-workspace.repository.js';
import { WorkspacePrivilege } from '../../workspaces/domain/workspace-privilege.js';
import { WorkspaceMembership } from '../../workspaces/domain/workspace-membership.js';
import { CheckingOthersNotAllowed } from '../domain/authorization.errors.js';
import { CheckAuthorizationsUseCase } from './check-authorizations.use-case.js';

describe('CheckAuthorizationsUseCase', () => {
  const config = { checkScope: 'workspaces:check' } as AppConfig;
  const workspaceId = '3f0c3c8e-5a4b-4c1e-9d2a-1b2c3d4e5f60';

  function setUp() {
    const store = new InMemoryWorkspaceStore();
    const workspaces = new InMemoryWorkspaceRepository(store);
    store.workspaces.set(workspaceId, { id: workspaceId } as never);
    const join = (userId: string, privilege: WorkspacePrivilege) => {
      const membership = WorkspaceMembership.restore({
        id: `m-${userId}`,
        workspaceId,
        userId,
        privilege,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
      store.memberships.set(membership.id, membership);
    };
    join('alice', WorkspacePrivilege.OWNER);
    join('bob', WorkspacePrivilege.MEMBER);
    const reads: number[] = [];
    const rolesOf = workspaces.rolesOf.bind(workspaces);
    workspaces.rolesOf = (pairs) => (reads.push(pairs.length), rolesOf(pairs));
    return { useCase: new CheckAuthorizationsUseCase(workspaces, config), reads };
  }

  it('answers a whole batch from one read of the memberships it names, in the order asked', async () => {
    const { useCase, reads } = setUp();
    const gateway = { userId: 'gateway', mayProvisionWorkspaces: false, mayCheckOthers: true };
    const answers = await useCase.execute(gateway, [
      { workspaceId, userId: 'alice', action: 'workspace.delete', correlationId: 'a' },
      { workspaceId, userId: 'bob', action: 'workspace.delete' },
      { workspaceId, userId: 'bob', action: 'workspace.read' },
      { workspaceId, userId: 'carol', action: 'workspace.read' },
    ]);
    expect(reads).toEqual([4]);
    expect(answers).toEqual([
      { correlationId: 'a', allowed: true, privilege: WorkspacePrivilege.OWNER },
      { correlationId: null, allowed: false, privilege: WorkspacePrivilege.MEMBER },
      { correlationId: null, allowed: true, privilege: WorkspacePrivilege.MEMBER },
      { correlationId: null, allowed: false, privilege: null },
    ]);
  });

  it('refuses questions about others without the scope before reading anything', async () => {
    const { useCase, reads } = setUp();
    const bob = { userId: 'bob', mayProvisionWorkspaces: false };
    await expect(useCase.execute(bob, [{ workspaceId, userId: 'alice', action: 'workspace.read' }])).rejects.toBeInstanceOf(
      CheckingOthersNotAllowed,
    );
    expect(reads).toEqual([]);
  });
});
