import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Database } from '../../src/database/database.js';
import { CommittedEvents, EventRows, TypeOrmUnitOfWork } from '../../src/database/typeorm-unit-of-work.js';
import type { OutboxMessageOptions } from '../../src/outbox/domain/outbox.js';
import { TypeOrmOutbox } from '../../src/outbox/infrastructure/typeorm-outbox.js';

class NoEvents extends EventRows {
  rows() {
    return [];
  }
}
import { openTestDataSource } from '../support/test-database.js';

/** The outbox table's rules, on the test database. Each case uses a topic of its own (the table is shared). */
describe('TypeOrmOutbox', () => {
  let dataSource: DataSource;
  let db: Database;
  let outbox: TypeOrmOutbox;
  let unitOfWork: TypeOrmUnitOfWork;
  let enqueue: (topic: string, payload: object, options?: OutboxMessageOptions) => Promise<void>;

  beforeAll(async () => {
    dataSource = await openTestDataSource();
    db = new Database(dataSource);
    outbox = new TypeOrmOutbox(db);
    unitOfWork = new TypeOrmUnitOfWork(dataSource, db, new NoEvents(), new CommittedEvents());
    enqueue = (topic, payload, options) => unitOfWork.run('test', async (tx) => outbox.enqueue(tx, topic, payload, options));
  });
  afterAll(() => dataSource.destroy());

  const topic = () => `test-${randomUUID()}`;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('hands a message out once per lease, in the order written, only for the topics asked for', async () => {
    const mine = topic();
    await enqueue(mine, { n: 1 });
    await enqueue(mine, { n: 2 });
    await enqueue(topic(), { n: 3 });
    const claimed = await outbox.claimDue([mine], 10, 60_000);
    expect(claimed.map((m) => [m.topic, m.payload, m.attempt])).toEqual([
      [mine, { n: 1 }, 1],
      [mine, { n: 2 }, 1],
    ]);
    expect(await outbox.claimDue([mine], 10, 60_000)).toEqual([]);
  });

  it('hands a message out again when its lease ends unsettled (the claiming replica stopped)', async () => {
    const mine = topic();
    await enqueue(mine, { n: 1 });
    expect((await outbox.claimDue([mine], 10, 50)).map((m) => m.attempt)).toEqual([1]);
    await sleep(100);
    expect((await outbox.claimDue([mine], 10, 60_000)).map((m) => m.attempt)).toEqual([2]);
  });

  it('keeps nothing of a unit of work that failed', async () => {
    const mine = topic();
    await expect(
      unitOfWork.run('test', async (tx) => {
        outbox.enqueue(tx, mine, { n: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outbox.claimDue([mine], 10, 60_000)).toEqual([]);
  });

  it('settles: delivered is gone, a retry is due after its delay, an abandoned one never again', async () => {
    const [delivered, retried, abandoned] = [topic(), topic(), topic()];
    for (const t of [delivered, retried, abandoned]) await enqueue(t, {});
    const claimed = await outbox.claimDue([delivered, retried, abandoned], 10, 60_000);
    const idOf = (t: string) => claimed.find((m) => m.topic === t)!.id;
    await outbox.delivered([idOf(delivered)]);
    // A delay far longer than a loaded machine takes between two statements; then its end is brought
    // forward in the row, rather than waited for.
    await outbox.retryLater(idOf(retried), 30_000, 'connection refused');
    await outbox.abandon(idOf(abandoned), 'gave up');
    expect(await outbox.claimDue([delivered, retried, abandoned], 10, 60_000)).toEqual([]);
    const [due] = await dataSource.query(
      `SELECT EXTRACT(EPOCH FROM next_attempt_at - now())::float AS seconds FROM outbox_messages WHERE id = $1`,
      [idOf(retried)],
    );
    expect(due.seconds).toBeGreaterThan(20);
    expect(due.seconds).toBeLessThanOrEqual(30);
    await dataSource.query(`UPDATE outbox_messages SET next_attempt_at = next_attempt_at - interval '30 seconds' WHERE id = $1`, [
      idOf(retried),
    ]);
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

  it('an ordering key: a later message waits while an earlier one is claimed or waits for its retry; other keys go on', async () => {
    const mine = topic();
    const [a, b] = [randomUUID(), randomUUID()];
    for (const [key, n] of [
      [a, 1],
      [b, 1],
      [a, 2],
      [a, 3],
    ] as const)
      await enqueue(mine, { key, n }, { orderingKey: key });
    const first = await outbox.claimDue([mine], 10, 60_000);
    expect(first.map((m) => [m.orderingKey, (m.payload as { n: number }).n])).toEqual([
      [a, 1],
      [b, 1],
      [a, 2],
      [a, 3],
    ]);
    // a1 fails (retried later); a2 and a3 are handed back unattempted: none of a's is claimable, b's next one is.
    await outbox.retryLater(first[0].id, 60_000, 'broker down');
    await outbox.release([first[2].id, first[3].id]);
    await outbox.delivered([first[1].id]);
    await enqueue(mine, { key: b, n: 2 }, { orderingKey: b });
    expect((await outbox.claimDue([mine], 10, 60_000)).map((m) => [m.orderingKey, (m.payload as { n: number }).n])).toEqual([[b, 2]]);
    // Once a1 is due again, a's messages come back in order, attempts counted only for what was attempted.
    await dataSource.query(`UPDATE outbox_messages SET next_attempt_at = now() WHERE id = $1`, [first[0].id]);
    expect((await outbox.claimDue([mine], 10, 60_000)).map((m) => [(m.payload as { n: number }).n, m.attempt])).toEqual([
      [1, 2],
      [2, 1],
      [3, 1],
    ]);
  });

  it('an ordering key holds between replicas claiming at the same moment', async () => {
    const mine = topic();
    const key = randomUUID();
    for (let n = 1; n <= 20; n++) await enqueue(mine, { n }, { orderingKey: key });
    const other = new TypeOrmOutbox(new Database(dataSource));
    const [x, y] = await Promise.all([outbox.claimDue([mine], 5, 60_000), other.claimDue([mine], 5, 60_000)]);
    // One of the two got the first five; the other nothing, since the key's head is claimed.
    expect([x.length, y.length].sort()).toEqual([0, 5]);
    expect([...x, ...y].map((m) => (m.payload as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
  });
});
