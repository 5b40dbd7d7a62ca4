import { bearerToken } from '../support/test-auth.js';
import { startServiceProcess } from '../support/service-process.js';

interface Outcome {
  startedAt: number;
  endedAt: number;
  status: number | 'network-error';
}

describe('Graceful shutdown of the real process on SIGTERM', () => {
  it('goes unready, finishes every in-flight request, refuses new connections, closes and exits 0', async () => {
    const service = await startServiceProcess({ SHUTDOWN_DRAIN_DELAY_MS: '400', SHUTDOWN_TIMEOUT_MS: '10000' });
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
    await new Promise((resolve) => setTimeout(resolve, 100));
    const readyWhileDraining = await fetch(`${service.url}/health/ready`);
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
});
