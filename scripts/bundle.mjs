/**
 * `npm run bundle` (part of `npm run build`): the compiled service as one ESM file, dist/main.mjs, which
 * starts in half the time of loading hundreds of modules. Packages that load files at run time, or
 * that are optional, stay external.
 */
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const OUTFILE = 'dist/main.mjs';

const result = await build({
  entryPoints: ['dist/src/main.js'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Class and function names are part of behaviour (Swagger schema names, Nest's providers, errors).
  keepNames: true,
  logLevel: 'warning',
  write: false,
  outfile: OUTFILE,
  external: [
    '@electric-sql/pglite',
    'swagger-ui-dist',
    'pino',
    'pino-pretty',
    'pg',
    'pg-native',
    '@fastify/multipart',
    '@fastify/view',
    '@nestjs/microservices',
    '@nestjs/websockets',
    '@nestjs/platform-express',
    'class-transformer/storage',
  ],
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
  },
});

// keepNames wraps every named function expression in __name(), which redefines `name` each time the
// expression runs, also where it already has that name: per request, inside Nest, Fastify and
// class-validator (about 5% of a create's CPU). Only rename when the name differs.
const HELPER = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
const LEAN_HELPER =
  'var __name = (target, value) => target.name === value ? target : __defProp(target, "name", { value, configurable: true });';
const [output] = result.outputFiles;
if (!output.text.includes(HELPER)) throw new Error(`${OUTFILE}: esbuild's __name helper changed; update scripts/bundle.mjs`);
// V8 keeps a script's source in the heap, one byte per character only if every character is Latin-1;
// esbuild leaves non-ASCII characters in some regular expressions (validator's locales), which made the
// 9 MB bundle an 18 MB string. \uXXXX means the same in strings, regular expressions and identifiers.
const ascii = output.text
  .replace(HELPER, LEAN_HELPER)
  .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(OUTFILE, ascii);
