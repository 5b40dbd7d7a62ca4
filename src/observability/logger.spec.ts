import { Writable } from 'node:stream';
import { createRootLogger } from './logger.js';

function sink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createRootLogger', () => {
  it('writes a development (pretty) entry as one line, with its fields and context', () => {
    const { lines, stream } = sink();
    const logger = createRootLogger({ logLevel: 'log', logFormat: 'pretty' }, stream);
    logger.info({ context: 'Request', method: 'POST', url: '/api/v1/workspaces', statusCode: 201 }, 'request completed');
    logger.error({ context: 'Main', err: new Error('boom') }, 'unexpected error');
    const output = lines.join('');
    expect(output.split('\n').filter(Boolean)).toHaveLength(2);
    expect(output).toMatch(/INFO: request completed.*"context":"Request".*"statusCode":201/);
    expect(output).toMatch(/ERROR: unexpected error.*boom/);
  });

  it('redacts credentials wherever they appear in a logged object', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createRootLogger({ logLevel: 'log', logFormat: 'json' }, sink);
    logger.info({ headers: { authorization: 'Bearer abc.def.ghi' }, body: { tokenString: 'wsat_secret', accessToken: 'wsat_other' } }, 'x');
    logger.info({ authorization: 'Basic Zm9v', secret: 's3cr3t' }, 'y');
    const request = { req: { method: 'GET', headers: { authorization: 'Bearer in.the.request', accept: 'application/json' } } };
    logger.info(request, 'z');
    logger.child({ password: 'bound-p4ss' }).info({ route: '/api/v1/workspaces' }, 'child');
    const output = lines.join('');
    for (const secret of ['abc.def.ghi', 'wsat_secret', 'wsat_other', 'Zm9v', 's3cr3t', 'in.the.request', 'bound-p4ss'])
      expect(output).not.toContain(secret);
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries[2].req).toEqual({ method: 'GET', headers: { authorization: '[redacted]', accept: 'application/json' } });
    expect(entries[3]).toMatchObject({ password: '[redacted]', route: '/api/v1/workspaces', msg: 'child' });
    // The caller's object is not changed.
    expect(request.req.headers.authorization).toBe('Bearer in.the.request');
  });
});
