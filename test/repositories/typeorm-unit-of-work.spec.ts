import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { Database } from '../../src/database/database.js';
import { CommittedEvents, TypeOrmUnitOfWork } from '../../src/database/typeorm-unit-of-work.js';
import { EventRecords } from '../../src/events/infrastructure/event-records.js';
import type { DomainEvent } from '../../src/kernel/domain-event.js';
import { TypeOrmOutbox } from '../../src/outbox/infrastructure/typeorm-outbox.js';
import { Workspace } from '../../src/workspaces/domain/workspace.js';
import { TypeOrmWorkspaceRepository } from '../../src/workspaces/infrastructure/typeorm-workspace.repository.js';
import { openTestDataSource } from '../support/test-database.js';

/** The unit of work on the database: when it opens a transaction, what it writes, whom it tells. */
describe('TypeOrmUnitOfWork', () => {
  let dataSource: DataSource;
  let unitOfWork: TypeOrmUnitOfWork;
  let workspaces: TypeOrmWorkspaceRepository;
  let transactionsOpened = 0;
  const told: DomainEvent[][] = [];

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    const db = new Database(dataSource);
    const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
    dataSource.createQueryRunner = (...args) => {
      const runner = createQueryRunner(...args);
      const startTransaction = runner.startTransaction.bind(runner);
      runner.startTransaction = (...how) => {
        transactionsOpened++;
        return startTransaction(...how);
      };
      return runner;
    };
    const committed = new CommittedEvents();
    committed.listen((events) => told.push([...events]));
    unitOfWork = new TypeOrmUnitOfWork(dataSource, db, new EventRecords(new TypeOrmOutbox(db), { events: {} } as AppConfig), committed);
    workspaces = new TypeOrmWorkspaceRepository(db);
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    transactionsOpened = 0;
    told.length = 0;
  });

  const actor = (userId: string) => ({ userId, mayProvisionWorkspaces: false });
  const created = () =>
    Workspace.create({ name: 'Team', billingAccountEmail: 'b@example.com', creator: actor(`uow-${randomUUID()}`), now: new Date() });
  const eventsOf = async (workspaceId: string) =>
    (await dataSource.query(`SELECT type FROM events WHERE workspace_id = $1 ORDER BY position`, [workspaceId])).map(
      (row: { type: string }) => row.type,
    );

  it('writes a unit of work that locks nothing as one statement, without a transaction, and tells its events after', async () => {
    const { workspace, owner } = created();
    await unitOfWork.run('create', async (tx) => {
      workspaces.save(tx, workspace);
      workspaces.saveMembership(tx, owner);
    });
    expect(transactionsOpened).toBe(0);
    expect(await workspaces.findById(workspace.id)).not.toBeNull();
    expect(await eventsOf(workspace.id)).toEqual(['workspace.created']);
    expect(told.map((events) => events.map((e) => e.type))).toEqual([['workspace.created']]);
  });

  it('begins a transaction at the first lock, and writes nothing and tells nothing when the work fails after saving', async () => {
    const { workspace, owner } = created();
    await unitOfWork.run('create', async (tx) => {
      workspaces.save(tx, workspace);
      workspaces.saveMembership(tx, owner);
    });
    told.length = 0;
    await expect(
      unitOfWork.run('rename', async (tx) => {
        const locked = (await workspaces.lock(tx, workspace.id))!;
        locked.rename(owner, 'Renamed', actor(owner.userId), new Date());
        workspaces.save(tx, locked);
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(transactionsOpened).toBe(1);
    expect([(await workspaces.findById(workspace.id))!.name, await eventsOf(workspace.id), told]).toEqual([
      'Team',
      ['workspace.created'],
      [],
    ]);
  });

  it('makes a unit of work opened inside another part of it: the outer one failing undoes the inner one', async () => {
    const { workspace, owner } = created();
    await expect(
      unitOfWork.run('outer', async (outer) => {
        await workspaces.lock(outer, '00000000-0000-4000-8000-000000000000');
        await unitOfWork.run('inner', async (tx) => {
          workspaces.save(tx, workspace);
          workspaces.saveMembership(tx, owner);
        });
        expect(await workspaces.findById(workspace.id)).not.toBeNull(); // written, inside the outer transaction
        throw new Error('outer failed');
      }),
    ).rejects.toThrow('outer failed');
    expect([await workspaces.findById(workspace.id), await eventsOf(workspace.id), told]).toEqual([null, [], []]);
  });
});
