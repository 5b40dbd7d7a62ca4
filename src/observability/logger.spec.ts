import { Writable } from 'node:stream';
import { createRootLogger } from './logger.js';

describe('createRootLogger', () => {
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
    const output = lines.join('');
    for (const secret of ['abc.def.ghi', 'wsat_secret', 'wsat_other', 'Zm9v', 's3cr3t']) expect(output).not.toContain(secret);
    expect(output).toContain('[redacted]');
  });
});
