/**
 * The three library builds of vite.config.ts (ES entry with locale and training chunks, the
 * caseworkers' single-file IIFE without training mode, the trainers' IIFE with it) into one
 * folder. Used by `npm run build` (scripts/build.mjs), `npm run bench` and the embedding
 * tests (test/embed/wtr-plugins.mjs), so all three look at the same output.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Vite mode → key of the result. The ES build goes first: it empties `outDir`. */
const MODES = { production: 'es', iife: 'iife', 'iife-training': 'iifeTraining' };

/**
 * Builds all three into `outDir`. Returns what a page loads up front from each (`es`, `iife`,
 * `iifeTraining`): the entry with its static imports (chunks it cannot start without), and the
 * lazy chunks (locales, training; none for the IIFEs).
 */
export async function buildLibrary({ outDir = path.join(root, 'dist'), quiet = false } = {}) {
  const result = {};
  for (const [mode, key] of Object.entries(MODES)) {
    const output = await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      mode,
      logLevel: quiet ? 'warn' : 'info',
      build: { outDir, emptyOutDir: mode === 'production' },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry);
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const initial = new Set([entry.fileName]);
    for (const name of initial) for (const dep of byName.get(name)?.imports ?? []) initial.add(dep);
    result[key] = {
      entry: entry.fileName,
      initial: [...initial],
      lazy: chunks.map((c) => c.fileName).filter((f) => !initial.has(f)),
    };
  }
  return { outDir, ...result };
}
