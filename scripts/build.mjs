/**
 * `npm run build`: everything an intranet page or a package consumer needs, in dist/:
 *   referral-guide.js (+ chunks/)  ES-module entry; Danish inline, kl/en as same-origin chunks
 *   referral-guide.iife.js         caseworkers: one classic <script> with every language, no
 *                                  training mode (a message says which file has it), no global
 *   referral-guide-training.iife.js  trainers: the same with training mode
 *   referral-config.schema.json    JSON schema of the config file (for editors' JSON tools)
 *   types/                         TypeScript declarations (package.json `types`)
 *   custom-elements.json           the element's API from its JSDoc (package.json `customElements`)
 * Prints each output's gzip size.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildLibrary } from './build-lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

const { outDir: dist } = await buildLibrary({ outDir: path.join(root, 'dist'), quiet: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('custom-elements-manifest'), ['analyze', '--quiet']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'types') yield* files(full);
    } else yield full;
  }
}
console.log('\nfile                                    bytes    gzip -9');
for (const file of files(dist)) {
  const data = readFileSync(file);
  const gz = gzipSync(data, { level: 9 }).length;
  console.log(`${path.relative(root, file).padEnd(38)} ${String(data.length).padStart(7)} ${String(gz).padStart(9)}`);
}
