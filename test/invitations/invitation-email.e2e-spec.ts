import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createRootLogger } from '../../src/observability/logger.js';
import { eventually, SmtpSink } from '../support/smtp-sink.js';
import { bearer, bearerWithProfile } from '../support/test-auth.js';
import { usesPostgres } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newUserId } from '../support/workspace-fixtures.js';

const newAddress = (): string => `invitee-${randomUUID()}@example.com`;

/** Outbox settings for tests: look often, retry soon. */
const FAST_OUTBOX = { OUTBOX_DELIVERY: 'true', OUTBOX_POLL_INTERVAL_MS: '20', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' };

async function inviteInto(t: TestApp, email: string, options: { ownerName?: string; workspaceName?: string } = {}) {
  const owner = newUserId('owner');
  const headers = options.ownerName ? await bearerWithProfile(owner, { name: options.ownerName }) : await bearer(owner);
  const workspace = await t.request({
    method: 'POST',
    url: '/api/v1/workspaces',
    headers,
    body: { name: options.workspaceName ?? 'Team', billingAccountEmail: 'billing@example.com' },
  });
  const invitation = await t.request({
    method: 'POST',
    url: `/api/v1/workspaces/${workspace.body.id}/invites`,
    headers,
    body: { email, privilege: 'ROLE_WORKSPACE_ADMIN' },
  });
  expect(invitation.status).toBe(201);
  return { workspaceId: workspace.body.id as string, invitation: invitation.body };
}

const metric = async (t: TestApp, line: RegExp): Promise<number> => {
  const text = (await t.request({ method: 'GET', url: '/metrics' })).text;
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').pop()) : 0;
};

/** A JSON logger at `level` whose lines the test reads. */
function capturedLog(level: 'log' | 'error') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createRootLogger({ logLevel: level, logFormat: 'json' }, sink) };
}

const outboxRow = async (t: TestApp, email: string) =>
  (await t.dataSource.query(`SELECT attempts, last_error, failed_at FROM outbox_messages WHERE payload->>'to' = $1`, [email]))[0];

describe('The invitation email', () => {
  const smtp = new SmtpSink();
  let t: TestApp | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
    await smtp.stop();
  });

  it('reaches the invitee over SMTP: recipient, subject, role, expiry and the link from INVITE_ACCEPT_URL', async () => {
    const port = await smtp.start();
    t = await startTestApp({
      ...FAST_OUTBOX,
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_FROM: 'Workspaces <workspaces@example.com>',
      INVITE_ACCEPT_URL: 'https://app.example.com/invites/{invitationId}?workspace={workspaceId}',
    });
    const email = newAddress();
    const { workspaceId, invitation } = await inviteInto(t, email, { ownerName: 'Olivia Owner', workspaceName: 'Apollo\nLaunch' });

    await eventually(() => smtp.to(email).length > 0, 15_000, 'the email');
    const [mail] = smtp.to(email);
    expect(mail.from?.value).toEqual([{ name: 'Workspaces', address: 'workspaces@example.com' }]);
    // The subject names the service and carries no word of the inviter's; the text says whose words the names are.
    expect(mail.subject).toBe('Workspaces: an invitation to join a workspace');
    expect(mail.text).toContain('This email was sent by Workspaces because one of its users invited this address.');
    expect(mail.text).toContain(
      'Olivia Owner invited you to join a workspace as an admin (ROLE_WORKSPACE_ADMIN). They named the workspace:\n\n    "Apollo Launch"',
    );
    expect(mail.text).toContain("The workspace's name and the inviter's name are the inviter's own words, not Workspaces's");
    expect(mail.text).toContain(`https://app.example.com/invites/${invitation.id}?workspace=${workspaceId}`);
    expect(mail.text).toContain(`expires on ${invitation.expiresAt.slice(0, 10)}`);
    await eventually(async () => (await outboxRow(t!, email)) === undefined, 5_000, 'the delivered message to leave the outbox');
    expect(await metric(t, /^outbox_deliveries_total\{topic="email",outcome="delivered"\}/)).toBeGreaterThanOrEqual(1);
  });

  it('with the SMTP server down, the invitation succeeds; the email waits, retried, and arrives once, once the server is back', async () => {
    const port = await smtp.start();
    await smtp.stop();
    t = await startTestApp({ ...FAST_OUTBOX, SMTP_URL: `smtp://127.0.0.1:${port}` });
    const email = newAddress();
    await inviteInto(t, email);

    await eventually(async () => ((await outboxRow(t!, email))?.attempts ?? 0) >= 3, 15_000, 'three failed attempts');
    const waiting = await outboxRow(t, email);
    expect(waiting.last_error).toMatch(/ECONNREFUSED/);
    expect(waiting.failed_at).toBeNull();
    expect(await metric(t, /^outbox_deliveries_total\{topic="email",outcome="failed"\}/)).toBeGreaterThanOrEqual(2);
    expect(await metric(t, /^outbox_messages\{topic="email",state="pending"\}/)).toBeGreaterThanOrEqual(1);

    await smtp.start(port);
    await eventually(() => smtp.to(email).length > 0, 15_000, 'the email after the server came back');
    await eventually(async () => (await outboxRow(t!, email)) === undefined, 5_000, 'the delivered message to leave the outbox');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('a recipient the server refuses is named in no log line and no error column', async () => {
    const refused = newAddress();
    const port = await smtp.start(0, (address) => address === refused);
    const log = capturedLog('log');
    t = await startTestApp(
      { ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: '2', SMTP_URL: `smtp://127.0.0.1:${port}`, LOG_LEVEL: 'log' },
      log.logger,
    );
    await inviteInto(t, refused);
    await eventually(async () => Boolean((await outboxRow(t!, refused))?.failed_at), 15_000, 'the refused message to be given up on');

    const row = await outboxRow(t, refused);
    expect(row.last_error).toMatch(/^EENVELOPE 550 at RCPT TO: /);
    expect(row.last_error).toContain('<address>');
    const local = refused.split('@')[0];
    const failures = log.lines.filter((line) => line.includes('Outbox message'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const text of [row.last_error as string, ...log.lines]) {
      expect(text).not.toContain(local);
      expect(text).not.toMatch(/[\w.+-]+@example\.com/);
    }
  });

  it('is given up on after OUTBOX_MAX_ATTEMPTS, kept as failed, logged as an error and counted', async () => {
    const port = await smtp.start();
    await smtp.stop();
    const log = capturedLog('error');
    t = await startTestApp({ ...FAST_OUTBOX, OUTBOX_MAX_ATTEMPTS: '2', SMTP_URL: `smtp://127.0.0.1:${port}` }, log.logger);
    const email = newAddress();
    await inviteInto(t, email);
    await eventually(async () => Boolean((await outboxRow(t!, email))?.failed_at), 15_000, 'the message to be given up on');
    expect((await outboxRow(t, email)).attempts).toBe(2);
    expect(await metric(t, /^outbox_deliveries_total\{topic="email",outcome="abandoned"\}/)).toBeGreaterThanOrEqual(1);
    expect(await metric(t, /^outbox_messages\{topic="email",state="abandoned"\}/)).toBeGreaterThanOrEqual(1);
    expect(log.lines.map((line) => JSON.parse(line)).filter((entry) => /given up after 2 attempts/.test(entry.msg))).not.toEqual([]);
  });

  it('without SMTP_URL, is written to the log, readable, instead of sent', async () => {
    const log = capturedLog('log');
    t = await startTestApp({ ...FAST_OUTBOX, LOG_LEVEL: 'log' }, log.logger);
    const email = newAddress();
    const { workspaceId, invitation } = await inviteInto(t, email);
    const logged = () => log.lines.map((line) => JSON.parse(line)).find((entry) => entry.to === email);
    await eventually(() => logged() !== undefined, 15_000, 'the email in the log');
    expect(logged()).toMatchObject({
      context: 'Email',
      msg: `Email to ${email} (not sent: SMTP_URL is not set)`,
      subject: 'Workspaces: an invitation to join a workspace',
      text: expect.stringContaining(`PUT /api/v1/workspaces/${workspaceId}/invites/${invitation.id}`),
    });
  });
});

(usesPostgres() ? describe : describe.skip)('Two replicas delivering one outbox', () => {
  const smtp = new SmtpSink();
  let replicas: TestApp[] = [];

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await smtp.stop();
  });

  it('send every email exactly once', async () => {
    const port = await smtp.start();
    const env = { ...FAST_OUTBOX, OUTBOX_POLL_INTERVAL_MS: '10', SMTP_URL: `smtp://127.0.0.1:${port}` };
    replicas = [await startTestApp(env), await startTestApp(env), await startTestApp(env)];
    const addresses = Array.from({ length: 30 }, newAddress);
    await Promise.all(addresses.map((email, index) => inviteInto(replicas[index % replicas.length], email)));
    await eventually(() => addresses.every((email) => smtp.to(email).length > 0), 20_000, 'every email');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(addresses.map((email) => smtp.to(email).length)).toEqual(addresses.map(() => 1));
  });
});
