#!/usr/bin/env node
/**
 * Screenshots and measurements of the plan (issue 11), from the built caseworkers' IIFE in Debian's
 * Chromium: the five cases in da/en/kl at 1280×900 and 390×844 (PNG in the output folder), the
 * plan's height with every details section closed, whether all actions fit in the first screen
 * below the plan heading, the copied note's length, and the printed note's A4 page count for every
 * bundled training scenario (Chromium's own PDF print).
 *
 *   npm run build && node scripts/plan-shots.mjs [out-dir]      (default: plan-shots/)
 */
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.resolve(process.argv[2] ?? 'plan-shots');
const TODAY = '2026-11-29';

const scenario = async (id) => JSON.parse(await readFile(path.join(root, 'src/training/scenarios', `${id}.json`), 'utf8'));
const CASES = {
  shelter: { scenario: 'greenlandic-shelter-ptsd', details: { requestDate: '2026-11-24' } },
  acute: { scenario: 'acute-suicidal-then-continue', details: {} },
  psychosis: { scenario: 'psychosis-amphetamine-psychiatry-refused', details: { requestDate: '2026-11-03' } },
  youth: { answers: { acute: 'no', age: 'under-18' }, details: {} },
  refugee: { scenario: 'refugee-torture-cannabis-clinic-refused', details: {} },
};
const config = JSON.parse(await readFile(path.join(root, 'demo/configs/koebenhavn.json'), 'utf8'));
delete config.$schema;

const page = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font-family:system-ui,sans-serif} main{max-width:60rem;margin:0 auto;padding:16px}</style>
<script src="/dist/referral-guide.iife.js"></script></head><body><main></main></body></html>`;

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/plan.html') {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    return res.end(page(url.searchParams.get('lang') ?? 'da'));
  }
  try {
    const body = await readFile(path.join(root, url.pathname));
    res.setHeader('content-type', url.pathname.endsWith('.js') ? 'text/javascript' : 'application/octet-stream');
    res.end(body);
  } catch {
    res.statusCode = 404;
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });

const rulesDate = /rulesValidAsOf = '([\d-]+)'/.exec(await readFile(path.join(root, 'machines/rules-date.ts'), 'utf8'))[1];

/**
 * Opens the plan of `answers`: restored through the opt-in persistence (as a reload would), then
 * "See the plan" on the answers page. The day is fixed so the figures repeat.
 */
async function openPlan(answers, details, lang, viewport) {
  const tab = await browser.newPage();
  await tab.setViewport(viewport);
  await tab.evaluateOnNewDocument((now) => {
    const RealDate = Date;
    const fixed = new RealDate(now).getTime();
    globalThis.Date = class extends RealDate {
      constructor(...a) {
        super(...(a.length ? a : [fixed]));
      }
      static now() {
        return fixed;
      }
    };
  }, `${TODAY}T12:00:00`);
  await tab.goto(`${base}/plan.html?lang=${lang}`);
  await tab.evaluate(
    async ({ answers, details, lang, config, version }) => {
      sessionStorage.setItem(`referral-guide:${location.pathname}#g`, JSON.stringify({ version, answers, details }));
      await customElements.whenDefined('referral-guide');
      const el = document.createElement('referral-guide');
      el.id = 'g';
      el.setAttribute('lang', lang);
      el.setAttribute('persist', 'g');
      el.config = config;
      document.querySelector('main').append(el);
      const wait = (ms) => new Promise((r) => setTimeout(r, ms));
      const screen = () => el.shadowRoot.querySelector('[data-screen]');
      for (let i = 0; i < 200 && screen()?.dataset.screen !== 'review'; i++) {
        if (screen()?.dataset.screen === 'acute') screen().shadowRoot.querySelector('.button')?.click();
        await wait(25);
      }
      screen().shadowRoot.querySelector('button[type=submit]').click();
      for (let i = 0; i < 200 && !screen()?.shadowRoot?.querySelector('.actions-now'); i++) await wait(25);
      await wait(100);
      window.scrollTo(0, 0);
    },
    { answers, details, lang, config, version: `${rulesDate}#1` },
  );
  return tab;
}

/** Figures of the plan on screen (details closed). */
function measure(lang) {
  const el = document.querySelector('referral-guide');
  const plan = el.shadowRoot.querySelector('referral-plan');
  const r = plan.shadowRoot;
  const heading = r.querySelector('#heading').getBoundingClientRect();
  const actions = [...r.querySelectorAll('.actions-now > li')];
  const last = actions.at(-1)?.getBoundingClientRect();
  return {
    planHeight: Math.round(plan.getBoundingClientRect().height),
    pageHeight: document.documentElement.scrollHeight,
    actions: actions.map((a) => `${a.dataset.kind}`),
    lastActionBottomFromHeadingTop: last ? Math.round(last.bottom - heading.top) : 0,
    allActionsInFirstScreen: last ? last.bottom - heading.top <= window.innerHeight : true,
    note: el.summaryText(lang).length,
  };
}

/** Pages in a PDF from Chromium: its page objects (`/Type /Page`), or the page tree's `/Count`. */
function pdfPages(pdf) {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const count = Math.max(0, ...[...text.matchAll(/\/Count\s+(\d+)/g)].map((m) => Number(m[1])));
  return Math.max(objects, count);
}

async function main() {
  await mkdir(out, { recursive: true });
  const figures = [];
  for (const [name, c] of Object.entries(process.env.PRINT_ONLY ? {} : CASES)) {
    const answers = c.answers ?? (await scenario(c.scenario)).answers;
    for (const lang of ['da', 'en', 'kl']) {
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 390, height: 844 },
      ]) {
        const tab = await openPlan(answers, c.details, lang, viewport);
        const m = await tab.evaluate(measure, lang);
        await tab.screenshot({ path: path.join(out, `${name}-${lang}-${viewport.width}.png`), fullPage: true });
        // The same page in screen-high parts, for looking at it at full size.
        if (process.env.PARTS) {
          for (let y = 0, i = 1; y < m.pageHeight; y += viewport.height, i++) {
            const height = Math.min(viewport.height, m.pageHeight - y);
            await tab.screenshot({
              path: path.join(out, `${name}-${lang}-${viewport.width}-part${i}.png`),
              clip: { x: 0, y, width: viewport.width, height },
              captureBeyondViewport: true,
            });
          }
        }
        figures.push({ name, lang, width: viewport.width, ...m });
        if (viewport.width === 1280) {
          const text = await tab.evaluate((l) => document.querySelector('referral-guide').summaryText(l), lang);
          await writeFile(path.join(out, `note-${name}-${lang}.txt`), text);
        }
        console.log(name, lang, viewport.width, JSON.stringify(m));
        await tab.close();
      }
    }
  }
  // The printed note of every bundled training scenario, on A4.
  if (process.env.SCREEN_ONLY) return writeFile(path.join(out, 'figures.json'), JSON.stringify(figures, null, 2));
  const { readdir } = await import('node:fs/promises');
  const only = process.env.PRINT_ONLY;
  for (const file of (await readdir(path.join(root, 'src/training/scenarios'))).filter((f) => f.endsWith('.json') && (!only || f.startsWith(only)))) {
    const s = JSON.parse(await readFile(path.join(root, 'src/training/scenarios', file), 'utf8'));
    for (const lang of ['da', 'en', 'kl']) {
      const tab = await openPlan(s.answers, s.details ?? {}, lang, { width: 1280, height: 900 });
      await tab.evaluate((lang) => {
        const sel = document.querySelector('referral-guide').shadowRoot.querySelector('referral-plan').shadowRoot.querySelector('#note-lang');
        sel.value = lang;
        sel.dispatchEvent(new Event('change'));
      }, lang);
      await new Promise((r) => setTimeout(r, 100));
      const pdf = await tab.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
      const pages = pdfPages(pdf);
      if (s.id === 'greenlandic-shelter-ptsd' || only) {
        await writeFile(path.join(out, `note-${s.id}-${lang}.pdf`), pdf);
        // The printed note as an image too (A4 width at 96 dpi, 15 mm margins ≈ 680 px of text).
        await tab.setViewport({ width: 680, height: 1009 });
        await tab.emulateMediaType('print');
        await tab.screenshot({ path: path.join(out, `note-${s.id}-${lang}.png`), fullPage: true });
      }
      figures.push({ print: s.id, lang, pages });
      console.log('print', s.id, lang, pages);
      await tab.close();
    }
  }
  await writeFile(path.join(out, 'figures.json'), JSON.stringify(figures, null, 2));
}

try {
  await main();
} finally {
  await browser.close();
  server.close();
}
