#!/usr/bin/env node
/**
 * Screenshots of every Greenlandic (kl) screen at 1280×720, for a person to look at: each
 * question, the acute warning, check-your-answers, the plan, and the trainer's library, story,
 * question, flow diagram and presenter view. Starts the Vite dev server on a free port, drives
 * the demo pages in headless Chromium (/usr/bin/chromium or CHROME_PATH) and writes PNGs.
 *
 *   node scripts/kl-screens.mjs [out-dir]      (default: kl-screens/, git-ignored)
 *   SCREEN_LANG=da node scripts/kl-screens.mjs   the same screens in another language
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS } from '../web-test-runner.config.mjs';

const out = resolve(process.argv[2] ?? 'kl-screens');
const lang = process.env.SCREEN_LANG ?? 'kl';
await mkdir(out, { recursive: true });

const server = await createServer({ server: { port: 0, strictPort: false }, logLevel: 'error' });
await server.listen();
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
const shots = [];
let screenNo = 0;

/** A Greenlandic citizen in a shelter with trauma, drugs, children, no Digital Post: most flags. */
const RICH = {
  acute: 'no',
  age: 'adult',
  substances: ['alcohol', 'drugs'],
  'mental-health': 'treatment-requiring',
  trauma: 'diagnosed',
  'trauma-origin': 'abroad-war-torture',
  'psychiatric-admission': 'no',
  refusal: ['substance-treatment-refused', 'psychiatry-refused'],
  'current-contacts': ['substance-treatment', 'psychiatry'],
  children: 'yes',
  housing: 'homeless',
  language: 'greenlandic',
  'missed-appointments': 'yes',
  'digital-access': 'no',
};

async function shot(page, name) {
  await new Promise((r) => setTimeout(r, 250));
  const path = `${out}/${lang}-${String(++screenNo).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
  // a tall page also in viewport-high parts, readable at a glance
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > 1.5 * 720) {
    for (let y = 0, part = 1; y < height; y += 1000, part++) {
      const partPath = path.replace(/\.png$/, `.part${part}.png`);
      await page.screenshot({ path: partPath, clip: { x: 0, y, width: 1280, height: Math.min(1000, height - y) }, captureBeyondViewport: true });
      shots.push(partPath);
    }
  }
}

async function guidePage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${base}/demo/`, { waitUntil: 'networkidle0' });
  await page.evaluate(async (l) => {
    const g = document.querySelector('referral-guide');
    g.setAttribute('lang', l);
    await g.updateComplete;
  }, lang);
  await new Promise((r) => setTimeout(r, 500));
  return page;
}

/** The current question's id, from the screen element (null when no question shows). */
const questionId = (page) =>
  page.evaluate(() => {
    const screen = document.querySelector('referral-guide').shadowRoot.querySelector('[data-screen]');
    return screen?.dataset.screen === 'question' ? (screen.question?.id ?? null) : (screen?.dataset.screen ?? null);
  });

async function answer(page, id, value) {
  await page.evaluate(
    async (id, value) => {
      const g = document.querySelector('referral-guide');
      g.answer(id, value);
      await g.updateComplete;
    },
    id,
    value,
  );
  await new Promise((r) => setTimeout(r, 150));
}

try {
  // ---- the caseworker's guide ----
  let page = await guidePage();
  for (let i = 0; i < 20; i++) {
    const id = await questionId(page);
    if (!id || !(id in RICH)) break;
    await shot(page, `question-${id}`);
    await answer(page, id, RICH[id]);
  }
  await shot(page, 'review');
  await page.evaluate(async () => {
    const g = document.querySelector('referral-guide');
    g.showPlan = true;
    await g.updateComplete;
  });
  await shot(page, 'plan');
  await page.close();

  page = await guidePage();
  await answer(page, 'acute', 'yes');
  await shot(page, 'acute');
  await page.close();

  // ---- the trainer ----
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
  await page.goto(`${base}/demo/trainer/`, { waitUntil: 'networkidle0' });
  await page.evaluate(async (l) => {
    const g = document.querySelector('referral-guide');
    g.setAttribute('lang', l);
    await g.updateComplete;
  }, lang);
  await new Promise((r) => setTimeout(r, 800));
  await shot(page, 'trainer-library');
  const training = () =>
    page.evaluateHandle(() => document.querySelector('referral-guide').shadowRoot.querySelector('referral-training'));
  const clickIn = async (selector) => {
    const t = await training();
    await page.evaluate(
      async (t, selector) => {
        t.shadowRoot.querySelector(selector)?.click();
        await t.updateComplete;
      },
      t,
      selector,
    );
    await new Promise((r) => setTimeout(r, 300));
  };
  await clickIn('[data-scenario="greenlandic-shelter-ptsd"] button');
  await shot(page, 'trainer-story');
  await clickIn('[data-action="next"]');
  await shot(page, 'trainer-question');
  await clickIn('[data-action="reveal"]');
  await shot(page, 'trainer-revealed');
  await clickIn('[data-action="diagram"]');
  await shot(page, 'trainer-diagram');
  await clickIn('[data-action="diagram"]');
  await clickIn('[data-action="back"]');
  await clickIn('[data-action="back"]');
  await clickIn('[data-action="presenter"]');
  await shot(page, 'trainer-presenter-story');
  await clickIn('[data-action="to-plan"]');
  await shot(page, 'trainer-presenter-plan');
  await page.close();
} finally {
  await browser.close();
  await server.close();
}
console.log(shots.join('\n'));
