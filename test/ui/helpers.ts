/**
 * Keyboard-only helpers for the browser tests. Tests read the DOM to decide which key to press
 * next, but they act only through real key presses (sendKeys goes through the browser's input
 * pipeline, like a person at a keyboard): no `.click()`, no `.focus()` on controls.
 */
import { sendKeys } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import 'axe-core/axe.min.js';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { AnswerValue, Answers, QuestionId } from '../../machines/types.ts';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

export type Screen = 'question' | 'acute' | 'review' | 'plan';

/** The element that has focus, looking through open shadow roots. */
export function deepActive(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Presses a key; `Shift+Tab` style chords hold the modifier (puppeteer presses one key at a time).
 * Shim: puppeteer's Firefox (WebDriver BiDi) knows the space bar only as " ", not by its name
 * "Space" ("Unknown key"); " " is the same key (code Space, keyCode 32) in Chromium too.
 */
export async function press(key: string) {
  const parts = key.split('+');
  const main = parts.pop()!;
  for (const mod of parts) await sendKeys({ down: mod });
  await sendKeys({ press: main === 'Space' ? ' ' : main });
  for (const mod of parts.reverse()) await sendKeys({ up: mod });
}

export async function type(text: string) {
  await sendKeys({ type: text });
}

export function screenEl(guide: ReferralGuide): (HTMLElement & { updateComplete: Promise<boolean> }) | null {
  return guide.shadowRoot!.querySelector('[data-screen]');
}

export function screenOf(guide: ReferralGuide): Screen | null {
  return (screenEl(guide)?.dataset.screen as Screen | undefined) ?? null;
}

/** Lets Lit render the owner and the current screen, and focus move. */
export async function settle(guide: ReferralGuide) {
  for (let i = 0; i < 2; i++) {
    await guide.updateComplete;
    await screenEl(guide)?.updateComplete;
  }
  // Focus moves to the new heading in a microtask after the render.
  await new Promise((r) => setTimeout(r, 0));
}

/** Presses Tab (or Shift+Tab) until `match` holds for the focused element. */
export async function tabTo(guide: ReferralGuide, match: (el: Element) => boolean, max = 60, back = false) {
  for (let i = 0; i < max; i++) {
    const el = deepActive();
    if (el && match(el)) return el;
    // Tab moves focus synchronously; nothing re-renders, so no need to wait for Lit here.
    await press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached the wanted element; focus is on ${describe(deepActive())}`);
}

export function describe(el: Element | null): string {
  if (!el) return 'nothing';
  const text = (el.textContent ?? '').trim().slice(0, 40);
  return `<${el.localName}${el.id ? `#${el.id}` : ''}> "${text}"`;
}

export function headingText(guide: ReferralGuide): string {
  return screenEl(guide)?.shadowRoot?.querySelector('#heading')?.textContent?.replaceAll('\u00ad', '').trim() ?? '';
}

export function currentQuestionId(guide: ReferralGuide): QuestionId | null {
  const el = screenEl(guide) as (HTMLElement & { question?: { id: QuestionId } }) | null;
  return el?.dataset.screen === 'question' ? (el.question?.id ?? null) : null;
}

/** Focus is on the heading of the screen on show (what the issue asks after every step). */
export function expectHeadingFocused(guide: ReferralGuide) {
  const active = deepActive();
  expect(active?.id, `focus after step: ${describe(active)}`).to.equal('heading');
  expect(screenEl(guide)!.shadowRoot!.contains(active)).to.equal(true);
}

/**
 * A dual diagnosis with a refused substance treatment, children, housing at risk, missed
 * appointments and no digital access: a long plan with most warnings (print and hyphenation tests).
 */
export const DUAL: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['alcohol'],
  'mental-health': 'treatment-requiring',
  trauma: 'none',
  'psychiatric-admission': 'no',
  refusal: ['substance-treatment-refused'],
  'current-contacts': ['substance-treatment', 'psychiatry'],
  children: 'yes',
  housing: 'at-risk',
  language: 'danish',
  'missed-appointments': 'yes',
  'digital-access': 'no',
};

/** Answers the question on screen with keys only: Tab into the group, arrows/Space, Enter on Continue. */
export async function answerByKeyboard(guide: ReferralGuide, value: AnswerValue) {
  const root = screenEl(guide)!.shadowRoot!;
  const inputs = [...root.querySelectorAll<HTMLInputElement>('input')];
  const wanted = typeof value === 'string' ? [value] : [...value];
  if (inputs[0].type === 'radio') {
    const current = await tabTo(guide, (el) => el instanceof HTMLInputElement);
    let index = inputs.indexOf(current as HTMLInputElement);
    const target = inputs.findIndex((i) => i.value === wanted[0]);
    while (index < target) {
      await press('ArrowDown');
      index++;
    }
    while (index > target) {
      await press('ArrowUp');
      index--;
    }
    if (!inputs[target].checked) await press('Space');
  } else {
    for (const input of inputs) {
      await tabTo(guide, (el) => el === input);
      if (input.checked !== wanted.includes(input.value)) {
        await press('Space');
        await settle(guide);
      }
    }
  }
  await settle(guide);
  expect(inputs.filter((i) => i.checked).map((i) => i.value)).to.have.members(wanted);
  await tabTo(guide, (el) => el instanceof HTMLButtonElement && el.type === 'submit');
  await press('Enter');
  await settle(guide);
}

/** Presses Enter on the first button (in the current screen) whose text matches. */
export async function activateButton(guide: ReferralGuide, text: string | RegExp, back = false) {
  const matches = (el: Element) =>
    (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el.localName === 'summary') &&
    (typeof text === 'string' ? el.textContent!.trim().startsWith(text) : text.test(el.textContent!.trim()));
  await tabTo(guide, matches, 80, back);
  await press('Enter');
  await settle(guide);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** axe over the element's shadow content; fails on any serious or critical violation. */
export async function expectNoSeriousAxe(guide: ReferralGuide, label: string) {
  const result = await window.axe.run(guide, {
    runOnly: { type: 'tag', values: AXE_TAGS },
    // The page-level rules judge the test page, not the widget.
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
    resultTypes: ['violations'],
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
    .join('\n');
  expect(bad.length, `axe on ${label}:\n${report}`).to.equal(0);
}

/**
 * Walks the guide from the first question to the review page by keyboard, answering from
 * `answers` whatever the machine asks, continuing after the acute warning. `onScreen` runs on
 * every screen (before it is answered).
 */
export async function walkToReview(
  guide: ReferralGuide,
  answers: Answers,
  onScreen: (screen: Screen, questionId: QuestionId | null) => Promise<void> = async () => {},
) {
  const asked: QuestionId[] = [];
  for (let step = 0; step < 30; step++) {
    const screen = screenOf(guide);
    const qid = currentQuestionId(guide);
    await onScreen(screen!, qid);
    if (screen === 'review') return asked;
    if (screen === 'acute') {
      await activateButton(guide, guide.shadowRoot!.querySelector('referral-acute')!.shadowRoot!.querySelector('.button')!.textContent!.trim());
    } else if (screen === 'question' && qid) {
      const value = answers[qid];
      if (value === undefined) throw new Error(`the path has no answer for "${qid}"`);
      asked.push(qid);
      await answerByKeyboard(guide, value);
    } else {
      throw new Error(`unexpected screen ${screen}`);
    }
  }
  throw new Error('the guide did not reach the review page');
}

/** Shadow-piercing text of an element (what a reader sees in the widget, roughly). */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof Element && n.shadowRoot) n.shadowRoot.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  // what a reader reads: kl's soft hyphens (src/i18n/hyphenate.ts) are invisible
  return out.replaceAll('\u00ad', '').replace(/\s+/g, ' ');
}
