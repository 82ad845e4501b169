// Browser tests run in Debian's Chromium and Debian's Firefox ESR; no npm tool can download a
// browser here. BROWSERS=chromium or BROWSERS=firefox runs one of them alone (see README).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { embedTestPlugins } from './test/embed/wtr-plugins.mjs';
import { BROWSER_PATHS, selectedBrowsers } from './scripts/browsers.mjs';

/** Chromium's flags for the tests, and for `npm run bench` (scripts/bench.mjs), which imports them. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCHERS = {
  // Named "Chromium" in the output (the launcher calls any browser it finds itself "Chrome").
  chromium: () =>
    Object.assign(
      chromeLauncher({
        launchOptions: { executablePath: BROWSER_PATHS.chromium(), headless: true, args: CHROMIUM_ARGS },
      }),
      { name: 'Chromium' },
    ),
  // The same launcher drives Firefox when handed a puppeteer with `browser: 'firefox'` (WebDriver
  // BiDi, the project's own puppeteer-core; the test runner names it "Firefox" in its output).
  // Puppeteer's Firefox profile already turns off updates, telemetry and first-run pages.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: BROWSER_PATHS.firefox(), headless: true },
    }),
};

export default {
  files: ['test/**/*.test.ts'],
  // Lit's production build (as shipped): no "Lit is in dev mode" warning from every test file.
  nodeResolve: { exportConditions: ['production'] },
  // The editor's console report of a bad config (the tests feed hundreds on purpose).
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('referral-guide: ')),
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  plugins: [
    esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // FUZZ_RUNS, FUZZ_ELEMENT_RUNS and FUZZ_SEED reach the browser fuzz tests (test/fuzz/env.ts).
    {
      name: 'fuzz-env',
      serve(context) {
        if (context.path !== '/__fuzz-env.js') return undefined;
        const { CI, FUZZ_RUNS, FUZZ_ELEMENT_RUNS, FUZZ_SEED } = process.env;
        const env = { ci: CI === 'true', runs: FUZZ_RUNS ?? null, elementRuns: FUZZ_ELEMENT_RUNS ?? null, seed: FUZZ_SEED ?? null };
        return { body: `export default ${JSON.stringify(env)};`, type: 'js' };
      },
    },
    // test/fixtures/bad-input/ files as raw text, as a host's server sends them (a `.json` path
    // would be turned into a JS module), plus oversized files generated on request.
    {
      name: 'bad-input-files',
      async serve(context) {
        const prefix = '/__bad-input/';
        if (!context.path.startsWith(prefix)) return undefined;
        const rel = context.path.slice(prefix.length);
        if (rel === 'generated/huge-config') return { body: JSON.stringify({ notes: ['x'.repeat(300 * 1024)] }), type: 'json' };
        if (rel === 'generated/huge-scenario') return { body: JSON.stringify({ id: 'huge', story: 'x'.repeat(250 * 1000) }), type: 'json' };
        if (!/^(config|scenario)\/[a-z0-9-]+$/.test(rel)) return undefined;
        const { readFile } = await import('node:fs/promises');
        try {
          return { body: await readFile(new URL(`./test/fixtures/bad-input/${rel}.json`, import.meta.url), 'utf8'), type: 'json' };
        } catch {
          return undefined; // a 404, which is one of the cases
        }
      },
    },
    // Raw config files, the production builds and the strict-CSP pages for test/embed/**.
    ...embedTestPlugins(),
  ],
  browsers: selectedBrowsers().map((name) => LAUNCHERS[name]()),
};
