/**
 * `npm run bench` (a benchmark, not a test): builds the library, then prints
 *   1. the gzip -9 size of every build output, with the budgets decided in issue 15:
 *      ES entry as a page loads it up front (entry + its static chunks, Danish inline) ≤ 60 kB
 *      (kB = 1000 bytes); the caseworkers' single-file IIFE with every language ≤ 105 KiB
 *      (KiB = 1024 bytes); the trainers' single file (with training mode) has no budget;
 *   2. the time to the first rendered question in headless Chromium (/usr/bin/chromium, the
 *      flags of web-test-runner.config.mjs), at 1× and at 4× CPU throttling, for the ES entry and
 *      the IIFE, next to a trivial Lit element measured in the same run, the pages taking turns
 *      so that noise hits all of them. The figure judged is the median of the turns' paired
 *      ratios (RUNS turns, default 25), printed with its spread (the middle half of the turns'
 *      ratios); budget ≤ 1.3× for the ES entry, ≤ 1.5× for the single file.
 *   3. the click-to-paint figures of scripts/bench-clicks.mjs: every click of a full
 *      dual-diagnosis path in the ES entry at 1× and 4× CPU (median, p90, worst over CLICK_RUNS
 *      runs, default 5), and the See-plan click on its own; budget ≤ 200 ms per click at 4×;
 * and writes the figures into README.md between <!-- bench:start --> and <!-- bench:end -->.
 *
 * "First rendered question": from navigation start to the moment the question's radio buttons
 * are in the DOM (the question element has finished its Lit update). The probe is an inline
 * script at the top of each page, the same for every page, so it neither waits for a request of
 * its own nor for anything the widget does after its first question (the statechart and i18next
 * load once that is on screen). Layout and paint come after that moment on every page alike;
 * they are not in the figure because first-contentful-paint varied by ±150 ms between runs of
 * one page on this machine.
 * Every request goes to a server on 127.0.0.1 that this script starts and stops.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import puppeteer from 'puppeteer-core';
import { buildLibrary } from './build-lib.mjs';
import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';
import { clicksPage, clicksReport, measureClicks, median, openBenchPage, quantile } from './bench-clicks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Math.max(10, Number(process.env.RUNS ?? 25));
const KB = 1000;
const KIB = 1024;
const BUDGET = { es: 60 * KB, iife: 105 * KIB, esRatio: 1.3, iifeRatio: 1.5 };
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

// 1. Builds: the library into dist/, the trivial element into a temp folder.
const lib = await buildLibrary({ outDir: path.join(root, 'dist'), quiet: true });
const trivialDir = mkdtempSync(path.join(tmpdir(), 'referral-bench-'));
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: trivialDir,
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    lib: { entry: path.join(root, 'scripts/bench-trivial.ts'), formats: ['es'], fileName: () => 'trivial.js' },
    rolldownOptions: { output: { minify: true } },
  },
});

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const distFile = (f) => path.join(lib.outDir, f);
const esInitial = lib.es.initial.reduce((sum, f) => sum + gz(distFile(f)), 0);
const iifeSize = gz(distFile(lib.iife.entry));
const iifeTrainingSize = gz(distFile(lib.iifeTraining.entry));
const trivialSize = gz(path.join(trivialDir, 'trivial.js'));

const sizeRows = [
  ['ES entry, loaded up front (Danish inline)', lib.es.initial.join(' + '), esInitial, BUDGET.es],
  ['Single-file IIFE (all languages), for caseworkers', lib.iife.entry, iifeSize, BUDGET.iife, 'KiB'],
  ['Single-file IIFE with training mode, for trainers (no budget)', lib.iifeTraining.entry, iifeTrainingSize, null, 'KiB'],
  ...lib.es.lazy.map((f) => [`  lazy chunk, on demand`, f, gz(distFile(f)), null]),
  ['Trivial Lit element (yardstick)', 'trivial.js', trivialSize, null],
];

// 2. Timing pages, served from 127.0.0.1.
/**
 * The probe: inline, first thing in <head>. It waits for the element's definition, then for the
 * question element inside it (a MutationObserver on the shadow root, no polling), then for that
 * element's update; the trivial element is its own question element.
 */
const probe = (tag) => `<script>
customElements.whenDefined('${tag}').then(async () => {
  const el = document.querySelector('${tag}');
  let question = el;
  if ('${tag}' === 'referral-guide') {
    const find = () => el.shadowRoot && el.shadowRoot.querySelector('referral-question');
    question = find() || (await new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (find()) {
          observer.disconnect();
          resolve(find());
        }
      });
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
    }));
  }
  await question.updateComplete;
  if (!question.shadowRoot.querySelector('input')) throw new Error('no question rendered');
  window.firstQuestion = performance.now();
});
</script>`;
const page = (title, tag, script) => `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title>
${probe(tag)}${script}</head>
<body><${tag}></${tag}></body></html>`;
const PAGES = {
  '/es.html': page('es', 'referral-guide', `<script type="module" src="/dist/${lib.es.entry}"></script>`),
  '/iife.html': page('iife', 'referral-guide', `<script src="/dist/${lib.iife.entry}" defer></script>`),
  '/trivial.html': page('trivial', 'trivial-question', `<script type="module" src="/trivial/trivial.js"></script>`),
  '/clicks.html': clicksPage(`/dist/${lib.es.entry}`),
};

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  let body = PAGES[url.pathname] ?? null;
  let type = PAGES[url.pathname] ? 'text/html' : 'text/javascript';
  if (body === null) {
    const [base, prefix] = url.pathname.startsWith('/dist/')
      ? [lib.outDir, '/dist/']
      : url.pathname.startsWith('/trivial/')
        ? [trivialDir, '/trivial/']
        : [null, null];
    const file = base && path.resolve(base, url.pathname.slice(prefix.length));
    if (file && file.startsWith(base + path.sep) && existsSync(file)) body = readFileSync(file);
    type = 'text/javascript';
  }
  if (body === null) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: CHROME, headless: true, args: CHROMIUM_ARGS, dumpio: process.env.BENCH_DEBUG === '1' });
async function measure(pathname, throttle) {
  const { context, page, errors } = await openBenchPage(browser, origin + pathname, throttle);
  try {
    await page.waitForFunction(() => typeof window.firstQuestion === 'number', { timeout: 30000 });
    if (errors.length) throw new Error(`${pathname}: ${errors.join('; ')}`);
    return await page.evaluate(() => window.firstQuestion);
  } finally {
    await context.close();
  }
}

const kinds = ['trivial', 'es', 'iife'];
const timing = {};
for (const throttle of [1, 4]) {
  for (const k of kinds) await measure(`/${k}.html`, throttle); // warm-up, not counted
  const runs = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    // Take turns (and rotate who goes first) so drift and noise hit every page alike.
    const order = kinds.map((_, j) => kinds[(i + j) % kinds.length]);
    for (const k of order) runs[k].push(await measure(`/${k}.html`, throttle));
  }
  timing[throttle] = Object.fromEntries(kinds.map((k) => [k, median(runs[k])]));
  // The ratio of each turn (the pages of one turn ran back to back, so they met the same noise),
  // then the median of those and the middle half of them, to show how far one run can move it.
  for (const k of ['es', 'iife']) {
    const paired = runs[k].map((t, i) => t / runs.trivial[i]);
    timing[throttle][`${k}Ratio`] = { median: median(paired), q1: quantile(paired, 0.25), q3: quantile(paired, 0.75) };
  }
}
const CLICK_RUNS = Math.max(1, Number(process.env.CLICK_RUNS ?? 5));
const clicks = await measureClicks(browser, `${origin}/clicks.html`, { runs: CLICK_RUNS });
await browser.close();
server.close();
rmSync(trivialDir, { recursive: true, force: true });

// 3. Report.
const kb = (n) => `${(n / KB).toFixed(1)} kB`;
const kib = (n) => `${(n / KIB).toFixed(1)} KiB`;
/** The IIFE's budget is in KiB (as decided); the size is shown in both units next to it. */
const size = (n, unit) => (unit === 'KiB' ? `${kib(n)} (${kb(n)})` : kb(n));
const verdict = (ok) => (ok ? 'PASS' : 'OVER');
const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on this machine (${process.platform}, Node ${process.version}), gzip -9, kB = 1000 bytes, KiB = 1024 bytes.`);
lines.push('');
lines.push('| Output | Files | gzip | Budget | |');
lines.push('|---|---|---:|---:|---|');
for (const [label, files, bytes, budget, unit] of sizeRows) {
  const show = (n) => (unit === 'KiB' ? kib(n) : kb(n));
  const over = budget && bytes > budget ? ` (+${show(bytes - budget)})` : '';
  lines.push(`| ${label} | \`${files}\` | ${size(bytes, unit)} | ${budget ? show(budget) : '—'} | ${budget ? verdict(bytes <= budget) + over : ''} |`);
}
lines.push('');
lines.push(`Time to the first rendered question, headless Chromium, ${RUNS} turns of the three pages (order rotating); times are medians, a ratio is the median of the turns' paired ratios (judged against the budget), with the middle half of them in brackets (its spread):`);
lines.push('');
lines.push(`| CPU | Trivial Lit element | ES entry | ratio (budget ≤ ${BUDGET.esRatio}×) | | IIFE | ratio (budget ≤ ${BUDGET.iifeRatio}×) | |`);
lines.push('|---|---:|---:|---:|---|---:|---:|---|');
for (const throttle of [1, 4]) {
  const t = timing[throttle];
  const ratio = (r) => `${r.median.toFixed(2)}× (${r.q1.toFixed(2)}–${r.q3.toFixed(2)})`;
  lines.push(
    `| ${throttle}× | ${t.trivial.toFixed(0)} ms | ${t.es.toFixed(0)} ms | ${ratio(t.esRatio)} | ${verdict(t.esRatio.median <= BUDGET.esRatio)} | ${t.iife.toFixed(0)} ms | ${ratio(t.iifeRatio)} | ${verdict(t.iifeRatio.median <= BUDGET.iifeRatio)} |`,
  );
}
lines.push('');
lines.push(clicksReport(clicks, CLICK_RUNS));
const report = lines.join('\n');
console.log(`\n${report}\n`);

const readme = path.join(root, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
let text = existsSync(readme) ? readFileSync(readme, 'utf8') : '';
const block = `${START}\n${report}\n${END}`;
if (text.includes(START) && text.includes(END)) {
  text = text.slice(0, text.indexOf(START)) + block + text.slice(text.indexOf(END) + END.length);
} else {
  text = `${text.replace(/\s*$/, '')}\n\n## Size and speed\n\n\`npm run bench\` builds and measures; it rewrites the figures below.\n\n${block}\n`;
}
writeFileSync(readme, text);
console.log('README.md: figures written between the bench markers.');
