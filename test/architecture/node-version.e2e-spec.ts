import { readFileSync } from 'node:fs';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('the Node.js version', () => {
  it('is one version: .nvmrc, package.json engines, both stages of the Docker image and CI agree', () => {
    const major = read('.nvmrc').trim();
    expect(major).toMatch(/^\d+$/);
    expect((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node).toBe(`>=${major}`);
    const images = [...read('Dockerfile').matchAll(/^FROM node:(\d+)-/gm)].map((match) => match[1]);
    expect(images).toEqual([major, major]);
    // CI runs everything on the .nvmrc version, whatever Node the machine has.
    expect(read('.ci/run')).toContain('NODE_MAJOR="$(cat .nvmrc)"');
  });
});
