import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Database } from '../../src/database/database.js';
import { TypeOrmOutbox } from '../../src/outbox/infrastructure/typeorm-outbox.js';
import { openTestDataSource } from '../support/test-database.js';

/** The outbox table's rules, on the test database. Each case uses a topic of its own (the table is shared). */
describe('TypeOrmOutbox', () => {
  let dataSource: DataSource;
  let db: Database;
  let outbox: TypeOrmOutbox;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    db = new Database(dataSource);
    outbox = new TypeOrmOutbox(db);
  });
  afterAll(() => dataSource.destroy());

  const topic = () => `test-${randomUUID()}`;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('hands a message out once per lease, in the order written, only for the topics asked for', async () => {
    const mine = topic();
    await outbox.enqueue(mine, { n: 1 });
    await outbox.enqueue(mine, { n: 2 });
    await outbox.enqueue(topic(), { n: 3 });
    const claimed = await outbox.claimDue([mine], 10, 60_000);
    expect(claimed.map((m) => [m.topic, m.payload, m.attempt])).toEqual([
      [mine, { n: 1 }, 1],
      [mine, { n: 2 }, 1],
    ]);
    expect(await outbox.claimDue([mine], 10, 60_000)).toEqual([]);
  });

  it('hands a message out again when its lease ends unsettled (the claiming replica stopped)', async () => {
    const mine = topic();
    await outbox.enqueue(mine, { n: 1 });
    expect((await outbox.claimDue([mine], 10, 50)).map((m) => m.attempt)).toEqual([1]);
    await sleep(100);
    expect((await outbox.claimDue([mine], 10, 60_000)).map((m) => m.attempt)).toEqual([2]);
  });

  it('keeps nothing of a transaction that rolled back', async () => {
    const mine = topic();
    await expect(
      db.transaction(async () => {
        await outbox.enqueue(mine, { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outbox.claimDue([mine], 10, 60_000)).toEqual([]);
  });

  it('settles: delivered is gone, a retry is due after its delay, an abandoned one never again', async () => {
    const [delivered, retried, abandoned] = [topic(), topic(), topic()];
    for (const t of [delivered, retried, abandoned]) await outbox.enqueue(t, {});
    const claimed = await outbox.claimDue([delivered, retried, abandoned], 10, 60_000);
    const idOf = (t: string) => claimed.find((m) => m.topic === t)!.id;
    await outbox.delivered(idOf(delivered));
    await outbox.retryLater(idOf(retried), 50, 'connection refused');
    await outbox.abandon(idOf(abandoned), 'gave up');
    expect(await outbox.claimDue([delivered, retried, abandoned], 10, 60_000)).toEqual([]);
    await sleep(100);
    expect((await outbox.claimDue([delivered, retried, abandoned], 10, 60_000)).map((m) => [m.topic, m.attempt])).toEqual([[retried, 2]]);
    const counts = await outbox.counts();
    expect(counts.filter((c) => [delivered, retried, abandoned].includes(c.topic)).sort((a, b) => a.topic.localeCompare(b.topic))).toEqual(
      [
        { topic: retried, pending: 1, abandoned: 0 },
        { topic: abandoned, pending: 0, abandoned: 1 },
      ].sort((a, b) => a.topic.localeCompare(b.topic)),
    );
    const [row] = await dataSource.query(`SELECT last_error, failed_at FROM outbox_messages WHERE id = $1`, [idOf(abandoned)]);
    expect(row.last_error).toBe('gave up');
    expect(row.failed_at).not.toBeNull();
  });
});
