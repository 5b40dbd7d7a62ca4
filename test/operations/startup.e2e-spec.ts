import { spawnService } from '../support/service-process.js';

describe('Start without a reachable database', () => {
  it('gives up after three tries and says why in one line, then exits 1', async () => {
    const service = spawnService({
      PORT: '0',
      // Nothing listens on port 1.
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/workspaces_test',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
    });
    const { code } = await service.exited;

    expect(code).toBe(1);
    const lines = service.output
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; level: number });
    expect(lines.filter((line) => line.msg.startsWith('Unable to connect to the database'))).toHaveLength(3);
    const last = lines.at(-1)!;
    expect(last.msg).toMatch(/^Cannot start: .*ECONNREFUSED/);
    expect(last.level).toBe(60);
  }, 20_000);
});
