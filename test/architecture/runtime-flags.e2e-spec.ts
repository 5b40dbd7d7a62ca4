import { readFileSync } from 'node:fs';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

/** The V8 flags the README's "Running in production" names: one set, in `npm run start:prod` and the Docker image alike. */
const FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8', '--no-parallel-scavenge'];

describe('the runtime flags', () => {
  it('are the same in npm run start:prod, the Docker image and the README', () => {
    const startProd = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start:prod'];
    expect(startProd).toBe(`node ${FLAGS.join(' ')} dist/main.mjs`);
    expect(read('Dockerfile')).toContain(`NODE_OPTIONS="${FLAGS.join(' ')}"`);
    const readme = read('README.md');
    for (const flag of FLAGS) expect(readme).toContain(`\`${flag}\``);
  });
});
