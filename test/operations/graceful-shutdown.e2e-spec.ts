import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { bearerToken } from '../support/test-auth.js';
import { startServiceProcess } from '../support/service-process.js';

interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number | 'network-error';
}

describe('Graceful shutdown of the real process on SIGTERM', () => {
  it('goes unready, finishes every in-flight request, refuses new connections, closes and exits 0', async () => {
    const service = await startServiceProcess({ SHUTDOWN_DRAIN_DELAY_MS: '2000', SHUTDOWN_TIMEOUT_MS: '10000' });
    const authorization = `Bearer ${await bearerToken('shutdown-user', { expiresIn: 600 })}`;
    const outcomes: Outcome[] = [];
    let exited = false;
    void service.exited.then(() => (exited = true));

    const worker = async () => {
      while (!exited) {
        const startedAt = Date.now();
        let status: Outcome['status'];
        try {
          const response = await fetch(`${service.url}/api/v1/workspaces`, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'under load', billingAccountEmail: 'b@example.com' }),
          });
          await response.arrayBuffer();
          status = response.status;
        } catch {
          status = 'network-error';
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        outcomes.push({ startedAt, endedAt: Date.now(), status });
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sigtermAt = Date.now();
    service.child.kill('SIGTERM');
    // Readiness is asked until it answers otherwise than 200 (a loaded machine may take a while to
    // deliver the signal): within the drain delay it must be 503, not a refused connection.
    let readyWhileDraining: { status: number } = { status: 200 };
    while (readyWhileDraining.status === 200 && !exited) {
      readyWhileDraining = await fetch(`${service.url}/health/ready`).catch(() => ({ status: 0 }));
    }
    const { code, signal } = await service.exited;
    await load;

    expect(readyWhileDraining.status).toBe(503);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(service.output.join('')).toContain('Shut down cleanly');

    const before = outcomes.filter((o) => o.endedAt < sigtermAt);
    const inFlight = outcomes.filter((o) => o.startedAt < sigtermAt && o.endedAt >= sigtermAt);
    expect(before.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.filter((o) => o.status !== 201)).toEqual([]);
    expect(before.filter((o) => o.status !== 201)).toEqual([]);
    // After shutdown nothing is served: new connections are refused.
    await expect(fetch(`${service.url}/health/live`)).rejects.toThrow();
  }, 60_000);

  it('under keep-alive load without a drain delay: every request that reached the service is answered, logged, and the process exits 0', async () => {
    const service = await startServiceProcess({ SHUTDOWN_DRAIN_DELAY_MS: '0', SHUTDOWN_TIMEOUT_MS: '10000' });
    const authorization = `Bearer ${await bearerToken('keep-alive-user', { expiresIn: 600 })}`;
    // Few connections, always reused, each busy all the time.
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const answers: { status: number; body: string; headers: IncomingHttpHeaders; requestId: string }[] = [];
    const failures: string[] = [];
    let exited = false;
    void service.exited.then(() => (exited = true));
    let sent = 0;
    const post = (requestId: string) =>
      new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
        const request = httpRequest(
          `${service.url}/api/v1/workspaces`,
          { method: 'POST', agent, headers: { authorization, 'content-type': 'application/json', 'x-request-id': requestId } },
          (response) => {
            let body = '';
            response.on('data', (chunk) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode!, body, headers: response.headers }));
            response.on('error', reject);
          },
        );
        request.on('error', (error) => reject(Object.assign(error, { reused: request.reusedSocket })));
        request.end(JSON.stringify({ name: 'keep-alive', billingAccountEmail: 'b@example.com' }));
      });

    const worker = async () => {
      while (!exited) {
        const requestId = `ka-${sent++}`;
        try {
          answers.push({ ...(await post(requestId)), requestId });
        } catch (error) {
          // A new connection made as the server stops listening is refused, or reset by the kernel from the
          // listen backlog: that request never reached the service (the drain delay is for that). A request
          // on a connection the service had open is never lost.
          const { code, reused } = error as { code?: string; reused?: boolean };
          if (reused || (code !== 'ECONNREFUSED' && code !== 'ECONNRESET'))
            failures.push(`${requestId}: ${code ?? String(error)}, reused connection: ${reused}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    service.child.kill('SIGTERM');
    const { code } = await service.exited;
    await load;
    agent.destroy();

    expect(code).toBe(0);
    expect(failures).toEqual([]);
    for (const answer of answers) {
      if (answer.status === 201) continue;
      // Where a request truly cannot be served any more: the contract's shape, with Retry-After and Connection: close.
      expect(answer.status).toBe(503);
      expect(JSON.parse(answer.body)).toEqual({ detail: expect.any(String) });
      expect(answer.headers['retry-after']).toBeTruthy();
      expect(answer.headers.connection).toBe('close');
    }
    // Every answer has its log line.
    const logged = new Set(
      service.output
        .join('')
        .split('\n')
        .filter((line) => line.includes('"request completed"'))
        .map((line) => JSON.parse(line).requestId),
    );
    expect(answers.filter((answer) => !logged.has(answer.requestId)).map((answer) => answer.requestId)).toEqual([]);
  }, 60_000);
});
