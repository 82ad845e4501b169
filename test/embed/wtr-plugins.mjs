/**
 * Test-server routes for the embedding tests (test/embed/**), added to web-test-runner.config.mjs:
 *
 * - `/__embed/configs/<name>`: a config file from demo/configs or test/embed/fixtures as the raw
 *   JSON a host's server sends (wtr's esbuild plugin would turn a `.json` path into a JS module).
 * - `/__embed/dist/<file>`: the production builds (ES entry with its chunks, the caseworkers' and
 *   the trainers' single-file IIFE), built once per test run on first request, so tests check what
 *   editors actually embed — byte for byte: the esbuild plugin of web-test-runner.config.mjs
 *   (which has a `target`) re-transforms every `.js` it serves, so this plugin's `transform` puts
 *   the built file back.
 * - `/__embed/no-chunks/referral-guide.js`: the ES entry without its `chunks/` (every other path
 *   there is a 404), as an editor who copied one file has it.
 * - `/__embed/flaky/<token>/<file>`: the same build, except that the first request for the
 *   screens chunk under each token fails (404), as a dropped request on a flaky network.
 * - `/__embed/pages/<file>`: the pages in test/embed/pages, the `csp-*` ones sent with a strict
 *   Content-Security-Policy header (no inline script or style, no eval); `/embed.html` (the
 *   iframe page) gets the same header, and its `./dist/…` is this run's build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// 'report-sample' only adds the first characters of a refused inline script/style to the report.
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'report-sample'; style-src 'self' 'report-sample'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";
const TYPES = { '.js': 'js', '.html': 'html', '.json': 'json', '.css': 'css' };

let buildOnce = null;
/** Tokens of `/__embed/flaky/` whose screens chunk has failed once already. */
const flakyFailed = new Set();
const FLAKY = /^\/__embed\/flaky\/([\w-]+)\/(.+)$/;
/**
 * The build runs in a child process: run inside the test runner, vite's build shares the esbuild
 * package with the runner's own esbuild plugin, and late test files then failed with "The esbuild
 * service is no longer running".
 */
async function buildDist() {
  buildOnce ??= (async () => {
    const outDir = path.join(root, 'node_modules/.cache/referral-guide-embed-test');
    const script = `import(${JSON.stringify(pathToFileURL(path.join(root, 'scripts/build-lib.mjs')).href)}).then((m) => m.buildLibrary({ outDir: ${JSON.stringify(outDir)}, quiet: true }))`;
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    return outDir;
  })();
  return buildOnce;
}

/** A file of this run's build by its request path (`/__embed/dist/…` or `/dist/…`), or null. */
async function distFile(requestPath) {
  const dir = await buildDist();
  return fileIn(dir, requestPath.slice(requestPath.indexOf('/dist/') + '/dist/'.length));
}

async function fileIn(dir, rel) {
  const file = path.resolve(dir, rel);
  if (!file.startsWith(dir + path.sep)) return null;
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

export function embedTestPlugins() {
  return [
    {
      name: 'referral-embed-routes',
      async serve(context) {
        const p = context.path;
        if (p.startsWith('/__embed/configs/')) {
          const name = p.slice('/__embed/configs/'.length);
          if (!/^[a-z0-9-]+$/.test(name)) return undefined;
          const body =
            (await fileIn(path.join(root, 'demo/configs'), `${name}.json`)) ??
            (await fileIn(path.join(root, 'test/embed/fixtures'), `${name}.json`));
          return body === null ? undefined : { body, type: 'json' };
        }
        const flaky = FLAKY.exec(p);
        if (flaky) {
          const [, token, rel] = flaky;
          if (/^chunks\/screens-[\w-]+\.js$/.test(rel) && !flakyFailed.has(token)) {
            flakyFailed.add(token);
            return undefined;
          }
          const body = await fileIn(await buildDist(), rel);
          return body === null ? undefined : { body, type: TYPES[path.extname(rel)] ?? 'txt' };
        }
        // The ES entry as an editor who copied it without its `chunks/` folder has it.
        if (p === '/__embed/no-chunks/referral-guide.js') {
          return { body: await distFile('/dist/referral-guide.js'), type: 'js' };
        }
        // embed.html loads ./dist/…: in tests that is this run's build too.
        if (p.startsWith('/__embed/dist/') || p.startsWith('/dist/')) {
          const body = await distFile(p);
          return body === null ? undefined : { body, type: TYPES[path.extname(p)] ?? 'txt' };
        }
        if (p.startsWith('/__embed/pages/')) {
          const rel = p.slice('/__embed/pages/'.length);
          const body = await fileIn(path.join(root, 'test/embed/pages'), rel);
          if (body === null) return undefined;
          const headers = path.basename(rel).startsWith('csp-') ? { 'content-security-policy': STRICT_CSP } : {};
          return { body, type: TYPES[path.extname(rel)] ?? 'txt', headers };
        }
        return undefined;
      },
      async transform(context) {
        // The iframe page must work under the strictest policy a host is likely to send.
        if (context.path === '/embed.html') return { headers: { 'content-security-policy': STRICT_CSP } };
        // Runs after the esbuild plugin (it comes later in the config's list): the build as built.
        if (context.path.startsWith('/__embed/dist/') || context.path.startsWith('/dist/')) {
          const body = await distFile(context.path);
          return body === null ? undefined : { body };
        }
        const flaky = FLAKY.exec(context.path);
        if (flaky) {
          const body = await fileIn(await buildDist(), flaky[2]);
          return body === null ? undefined : { body };
        }
        return undefined;
      },
    },
  ];
}
