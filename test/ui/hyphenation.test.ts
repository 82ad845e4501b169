/**
 * Hyphenation: the browser hyphenates running text only (paragraphs, list items, plan details),
 * never headings, labels, links, buttons or the review's answers, and never URLs, file names or
 * code. Firefox has Danish dictionaries and hyphenated "pro-blematisk" in a heading; Chromium on
 * Linux has none, so the layout test runs in Firefox and the style tests in both.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import daUi from '../../locales/da/ui.json';
import { itExceptIn } from '../browser.ts';
import { activateButton, settle, walkToReview, DUAL } from './helpers.ts';

/** Short texts read as names: the browser must not add hyphens of its own. */
const LABELS = 'h1, h2, h3, h4, h5, h6, legend, label, dt, th, caption, summary, a, button, .button, .link-button, strong, .row dd';
/** Typed or copied exactly: no hyphen at all. */
const EXACT = 'code, kbd, samp, pre, input, textarea, select';
/** Text that is a URL or a file name. */
const URL_OR_FILE = /https?:\/\/|\b[\w-]+\.(?:html|js|json)\b/;

/** Every element in `root` and in the shadow roots below it. */
function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

/** Text nodes with words, in `root` and below its shadow roots. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE && /\S/.test(n.textContent!)) out.push(n as Text);
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

/** Polls until `get` gives something (the training element and its chunks load lazily). */
async function until<T>(get: () => T | null | undefined | Promise<T>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await get();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('timed out');
}

const label = (el: Element) => `<${el.localName}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;

/** Style problems on the screen on show: label text that may be hyphenated, exact text that may break with a hyphen. */
function hyphenationProblems(guide: ReferralGuide): string[] {
  const problems: string[] = [];
  for (const el of allElements(guide.shadowRoot!)) {
    const hyphens = getComputedStyle(el).hyphens;
    if (el.matches(LABELS) && hyphens === 'auto') problems.push(`${label(el)} is a label but hyphens: auto`);
    if (el.matches(EXACT) && hyphens !== 'none') problems.push(`${label(el)} is exact text but hyphens: ${hyphens}`);
  }
  for (const text of textNodes(guide.shadowRoot!)) {
    if (!URL_OR_FILE.test(text.textContent!)) continue;
    const hyphens = getComputedStyle(text.parentElement!).hyphens;
    if (hyphens !== 'none') problems.push(`"${text.textContent!.trim().slice(0, 50)}" names a URL or file but hyphens: ${hyphens}`);
  }
  return problems;
}

/** Every screen of a Danish walk to the plan, with the plan's closed parts (sources, why) opened. */
async function everyScreen(guide: ReferralGuide, onScreen: (name: string) => void) {
  await walkToReview(guide, DUAL, async (screen, qid) => onScreen(qid ?? screen));
  onScreen('review');
  await activateButton(guide, daUi.nav.seePlan);
  for (const details of allElements(guide.shadowRoot!).filter((e): e is HTMLDetailsElement => e instanceof HTMLDetailsElement)) details.open = true;
  await settle(guide);
  onScreen('plan');
}

/**
 * Words the browser broke inside, not at a hyphen or slash of their own, though they would fit on
 * a line whole: its hyphenation (a word wider than its line breaks anywhere, by design).
 */
function hyphenatedWords(guide: ReferralGuide): Array<{ word: string; el: Element }> {
  const out: Array<{ word: string; el: Element }> = [];
  for (const text of textNodes(guide.shadowRoot!)) {
    const el = text.parentElement!;
    const width = el.getBoundingClientRect().width;
    for (const m of text.textContent!.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, m.index!);
      range.setEnd(text, m.index! + m[0].length);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (new Set(rects.map((r) => Math.round(r.top))).size < 2) continue;
      const whole = rects.reduce((sum, r) => sum + r.width, 0);
      if (whole > width) continue;
      // Where the word breaks: the first character on a later line.
      const top = Math.round(rects[0].top);
      let at = 1;
      for (; at < m[0].length; at++) {
        range.setStart(text, m.index! + at);
        range.setEnd(text, m.index! + at + 1);
        const r = [...range.getClientRects()].find((x) => x.width > 0);
        if (r && Math.round(r.top) > top) break;
      }
      if (/[-/‐–]/.test(m[0][at - 1])) continue;
      out.push({ word: m[0], el });
    }
  }
  return out;
}

describe('hyphenation', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('is on for running text only: never labels, links or buttons; never URLs, file names or form fields', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(guide);
    const problems: string[] = [];
    const prose: string[] = [];
    await everyScreen(guide, (name) => {
      problems.push(...hyphenationProblems(guide).map((p) => `${name}: ${p}`));
      for (const el of allElements(guide.shadowRoot!)) {
        if (el.matches('p, li, dd:not(.row dd)') && getComputedStyle(el).hyphens === 'auto') prose.push(el.localName);
      }
    });
    expect(problems, problems.join('\n')).to.deep.equal([]);
    // Running text keeps hyphenation where it helps long words.
    expect(new Set(prose)).to.have.keys('p', 'li', 'dd');
  });

  it('holds in the trainer’s view too: library, story, plan and what-if', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da" mode="training"></referral-guide>`);
    const training = await until(() => guide.shadowRoot!.querySelector('referral-training')?.shadowRoot?.querySelector('[data-scenario] button'));
    const trainer = guide.shadowRoot!.querySelector('referral-training')!;
    const problems: string[] = [];
    const check = async (name: string, action?: string) => {
      if (action) (trainer.shadowRoot!.querySelector(action) as HTMLElement).click();
      await until(() => (trainer as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete.then(() => true));
      problems.push(...hyphenationProblems(guide).map((p) => `${name}: ${p}`));
    };
    await check('library');
    (training as HTMLElement).click();
    await check('story');
    await check('plan', '[data-action="to-plan"]');
    await check('what-if', '[data-action="what-if"]');
    expect(problems, problems.join('\n')).to.deep.equal([]);
  });

  itExceptIn(
    'chromium',
    'Chromium on Linux has no hyphenation dictionaries, so it never hyphenates',
    'at 360 px the Danish walk hyphenates running text only, never a heading, label, link or button',
    async () => {
      await setViewport({ width: 360, height: 800 });
      const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
      await settle(guide);
      const wrong: string[] = [];
      let inProse = 0;
      await everyScreen(guide, (name) => {
        for (const { word, el } of hyphenatedWords(guide)) {
          if (el.closest(LABELS) || el.closest(EXACT)) wrong.push(`${name}: ${word} in ${label(el)}`);
          else inProse++;
        }
      });
      expect(wrong, wrong.join('\n')).to.deep.equal([]);
      expect(inProse, 'long words in running text are still hyphenated').to.be.greaterThan(10);
    },
  );
});
