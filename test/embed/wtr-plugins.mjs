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
 *   iframe page) gets the same header, and its `./dist/…` is this run's build. `tt-*` pages get
 *   a Trusted Types policy instead (TRUSTED_TYPES_CSP). For the allow-list tests, `/embed.html`
 *   takes two test-only query parameters: `test-parents` (replaces the operator's list of parent
 *   origins in the page's <meta>) and `test-csp=no-frame-ancestors` (the policy without
 *   `frame-ancestors`, so a foreign framer gets as far as the page's own check).
 * - `/__attack/<case>`: servers that misbehave, answered on the raw socket (the dev server's
 *   transform step would otherwise wait for the whole body): `hang` (accepts, never answers),
 *   `drip` (headers, then a byte every 200 ms, never done), `oversize` (a config body past the
 *   256 KB cap, then the connection left open), `redirect` (302 to the same path on the other
 *   host name of this server, `localhost` ⇄ `127.0.0.1`: another origin), `config` (a valid
 *   config, readable from any origin). `/__attack/open` says how many of these connections
 *   are still open, so a test can check that the guide hung up.
 *   The runner's "404 network requests" line lists `__attack/hang`: that is the dev server's own
 *   status for the request this route took over and never answered, not a missing file.
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
/** `tt-none-*` pages: no policy name allowed; `tt-lit-*`: only Lit's, once, and enforced. */
export const TRUSTED_TYPES_CSP = {
  'tt-none-': "trusted-types 'none'",
  'tt-lit-': "trusted-types lit-html; require-trusted-types-for 'script'",
};

/** Connections of the misbehaving servers still open (the guide must hang up on them). */
const openAttacks = new Set();

/** Answers one `/__attack/…` request on the raw response; false for an unknown case. */
function attack(context, name) {
  const { req, res } = context;
  const other = (host) => (host.startsWith('localhost') ? host.replace('localhost', '127.0.0.1') : host.replace('127.0.0.1', 'localhost'));
  const origin = req.headers.origin;
  const cors = origin ? { 'access-control-allow-origin': origin } : {};
  if (name === 'open') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ open: openAttacks.size }));
    return true;
  }
  if (name === 'config') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', ...cors });
    res.end(JSON.stringify({ notes: ['Injected by another origin'] }));
    return true;
  }
  if (name === 'redirect') {
    res.writeHead(302, { location: `http://${other(req.headers.host)}/__attack/config`, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  if (!['hang', 'drip', 'oversize'].includes(name)) return false;
  openAttacks.add(res);
  const timers = [];
  const done = () => {
    openAttacks.delete(res);
    timers.forEach(clearInterval);
  };
  res.on('close', done);
  // Never left open past a minute, whatever the client does.
  timers.push(setTimeout(() => res.destroy(), 60_000));
  if (name === 'hang') return true;
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  if (name === 'drip') {
    res.write('{"notes":["');
    timers.push(setInterval(() => res.write('x'), 200));
  } else {
    res.write(`{"notes":["${'x'.repeat(256 * 1024 + 4096)}`);
  }
  return true;
}

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
        if (p.startsWith('/__attack/') && attack(context, p.slice('/__attack/'.length))) {
          // Answered on the raw response: nothing after this may write to it.
          context.respond = false;
          return undefined;
        }
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
          const base = path.basename(rel);
          const tt = Object.entries(TRUSTED_TYPES_CSP).find(([prefix]) => base.startsWith(prefix));
          const headers = base.startsWith('csp-')
            ? { 'content-security-policy': STRICT_CSP }
            : tt
              ? { 'content-security-policy': tt[1] }
              : {};
          return { body, type: TYPES[path.extname(rel)] ?? 'txt', headers };
        }
        return undefined;
      },
      async transform(context) {
        // The iframe page must work under the strictest policy a host is likely to send.
        if (context.path === '/embed.html') {
          const query = context.URL.searchParams;
          const csp = query.get('test-csp') === 'no-frame-ancestors' ? STRICT_CSP.replace(/; frame-ancestors [^;]*/, '') : STRICT_CSP;
          const parents = query.get('test-parents');
          if (parents === null) return { headers: { 'content-security-policy': csp }, transformCache: false };
          const body = String(context.body).replace(
            /(<meta name="referral-guide-parents" content=")[^"]*(")/,
            (_, a, b) => a + parents.replace(/[^a-z0-9:/. -]/gi, '') + b,
          );
          return { body, headers: { 'content-security-policy': csp }, transformCache: false };
        }
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
