import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { freePort } from './service-process.js';
import { eventually } from './smtp-sink.js';

/** The NATS server of this machine (and of CI). */
export const SHARED_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

/** A subject prefix and stream of one test's own, so that test files and runs never see each other's events. */
export function isolatedEvents(): { EVENTS_SUBJECT_PREFIX: string; EVENTS_STREAM: string } {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  return { EVENTS_SUBJECT_PREFIX: `test-${id}.workspaces`, EVENTS_STREAM: `TEST_${id}` };
}

export interface PublishedEvent {
  subject: string;
  msgId: string | undefined;
  contentType: string | undefined;
  text: string;
  event: any;
}

/** Every message published to `<prefix>.>` as the core subscription sees it: duplicates too (JetStream would drop them). */
export async function listen(url: string, prefix: string): Promise<{ received: PublishedEvent[]; close(): Promise<void> }> {
  const connection = await connect({ servers: url });
  const received: PublishedEvent[] = [];
  const subscription = connection.subscribe(`${prefix}.>`, {
    callback: (error, message) => {
      if (error) return;
      received.push({
        subject: message.subject,
        msgId: message.headers?.get('Nats-Msg-Id'),
        contentType: message.headers?.get('Content-Type'),
        text: message.string(),
        event: message.json(),
      });
    },
  });
  await connection.flush();
  return {
    received,
    async close() {
      if (connection.isClosed()) return;
      subscription.unsubscribe();
      await connection.close();
    },
  };
}

/** What the stream holds, in its order. */
export async function streamContents(url: string, stream: string): Promise<{ subject: string; event: any }[]> {
  const connection = await connect({ servers: url });
  try {
    const manager = await jetstreamManager(connection);
    const { state } = await manager.streams.info(stream);
    const messages = [];
    for (let seq = state.first_seq; seq <= state.last_seq && state.messages > 0; seq++) {
      const message = await manager.streams.getMessage(stream, { seq });
      if (message) messages.push({ subject: message.subject, event: message.json() });
    }
    return messages;
  } finally {
    await connection.close();
  }
}

/** The stream's configuration and state, as JetStream reports them. */
export async function streamInfo(url: string, stream: string) {
  const connection = await connect({ servers: url });
  try {
    return await (await jetstreamManager(connection)).streams.info(stream);
  } finally {
    await connection.close();
  }
}

export async function createStream(url: string, config: { name: string; subjects: string[]; max_age: number }): Promise<void> {
  const connection = await connect({ servers: url });
  try {
    await (await jetstreamManager(connection)).streams.add(config);
  } finally {
    await connection.close();
  }
}

export async function deleteStream(url: string, stream: string): Promise<void> {
  const connection: NatsConnection = await connect({ servers: url });
  try {
    const manager = await jetstreamManager(connection);
    await manager.streams.delete(stream).catch(() => undefined);
  } finally {
    await connection.close();
  }
}

/** A nats-server of the test's own (JetStream on, in a temporary folder), to stop and start again. */
export class NatsServerProcess {
  private process?: ChildProcess;
  private readonly storeDir = mkdtempSync(join(tmpdir(), 'nats-test-'));
  port = 0;

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const binary = process.env.NATS_SERVER_BIN ?? 'nats-server';
    this.process = spawn(binary, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], { stdio: 'ignore' });
    await eventually(() => accepts(this.port), 15_000, `nats-server on port ${this.port}`);
  }

  async stop(): Promise<void> {
    const running = this.process;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
    this.process = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}
