import { loadConfig } from '../../config/app-config.js';
import { InMemoryUnitOfWork } from '../../database/in-memory-unit-of-work.js';
import { InMemoryEventLog } from '../../events/infrastructure/in-memory-event-log.js';
import { InMemoryWorkspaceRepository, InMemoryWorkspaceStore } from '../infrastructure/in-memory-workspace.repository.js';
import { ProvisioningNotAllowed, WorkspaceLimitReached } from '../domain/workspace.errors.js';
import { WorkspacePrivilege } from '../domain/workspace-privilege.js';
import { CreateWorkspaceUseCase } from './create-workspace.use-case.js';

describe('CreateWorkspaceUseCase', () => {
  let store: InMemoryWorkspaceStore;
  let workspaces: InMemoryWorkspaceRepository;
  let useCase: CreateWorkspaceUseCase;
  let events: InMemoryEventLog;

  beforeEach(() => {
    store = new InMemoryWorkspaceStore();
    events = new InMemoryEventLog();
    workspaces = new InMemoryWorkspaceRepository(store);
    const unitOfWork = new InMemoryUnitOfWork((recorded) => events.append(recorded));
    useCase = new CreateWorkspaceUseCase(unitOfWork, workspaces, loadConfig({ WORKSPACES_PER_USER_LIMIT: '3' }));
  });

  it('refuses a workspace whose owner belongs to WORKSPACES_PER_USER_LIMIT workspaces already, storing nothing', async () => {
    const create = (userId: string) =>
      useCase.execute({ actor: { userId, mayProvisionWorkspaces: false }, name: 'Team', billingAccountEmail: 'b@example.com' });
    for (let i = 0; i < 3; i++) await create('busy');
    await expect(create('busy')).rejects.toThrow(new WorkspaceLimitReached(3));
    expect(await workspaces.countWorkspacesOf('busy', 100)).toBe(3);
    expect(events.recorded).toHaveLength(3);
    await expect(create('other')).resolves.toBeDefined();
  });

  it('stores the workspace with its owner and returns it', async () => {
    const { workspace: created, owner } = await useCase.execute({
      actor: { userId: 'alice', mayProvisionWorkspaces: false },
      name: 'Team',
      billingAccountEmail: 'billing@example.com',
    });
    const stored = await workspaces.findById(created.id);
    expect(stored?.name).toBe('Team');
    expect(stored?.billingAccountEmail).toBe('billing@example.com');
    expect(stored?.memberCount).toBe(1);
    expect((await workspaces.membersOf(created.id)).map((m) => [m.id, m.userId, m.privilege])).toEqual([
      [owner.id, 'alice', WorkspacePrivilege.OWNER],
    ]);
    expect(events.recorded).toEqual([
      {
        id: expect.any(String),
        type: 'workspace.created',
        occurredAt: created.createdAt,
        workspaceId: created.id,
        actor: { userId: 'alice', accessTokenId: null },
        data: {
          name: 'Team',
          billingAccountEmail: 'billing@example.com',
          owner: { membershipId: owner.id, userId: 'alice', privilege: WorkspacePrivilege.OWNER },
        },
      },
    ]);
  });

  it('stores nothing when the actor may not provision for someone else', async () => {
    await expect(
      useCase.execute({
        actor: { userId: 'alice', mayProvisionWorkspaces: false },
        name: 'Team',
        billingAccountEmail: 'billing@example.com',
        firstMemberId: 'bob',
      }),
    ).rejects.toThrow(ProvisioningNotAllowed);
    expect(store.workspaces.size).toBe(0);
    expect(events.recorded).toEqual([]);
  });

  it('provisions a workspace owned by firstMemberId', async () => {
    const { workspace: created } = await useCase.execute({
      actor: { userId: 'provisioner', mayProvisionWorkspaces: true },
      name: 'Team',
      billingAccountEmail: 'billing@example.com',
      firstMemberId: 'bob',
    });
    expect((await workspaces.membersOf(created.id)).map((m) => m.userId)).toEqual(['bob']);
  });
});
