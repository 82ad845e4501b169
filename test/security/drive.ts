/**
 * Drives `<referral-guide>` by clicking its own controls (fast: no key presses), for the
 * security, privacy and resilience tests.
 */
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { currentQuestion, type Answers, type QuestionId } from '../../machines/index.ts';
import { NOTHING } from '../machine/drive.ts';

export type Screen = 'question' | 'acute' | 'review' | 'plan';

export const screenEl = (el: ReferralGuide) =>
  el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('[data-screen]');
export const screenOf = (el: ReferralGuide) => (screenEl(el)?.dataset.screen ?? null) as Screen | null;
export const inScreen = <T extends Element = HTMLElement>(el: ReferralGuide, selector: string) =>
  [...(screenEl(el)?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];

export async function settle(el: ReferralGuide) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await screenEl(el)?.updateComplete;
    for (const child of el.shadowRoot?.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('*') ?? []) {
      await child.updateComplete;
    }
  }
}

/** Answers the question on screen by clicking its options and Continue. */
export async function answerOnScreen(el: ReferralGuide, value: string | readonly string[]) {
  const wanted = typeof value === 'string' ? [value] : [...value];
  for (const input of inScreen<HTMLInputElement>(el, 'input')) {
    if (input.checked !== wanted.includes(input.value)) {
      input.click();
      await screenEl(el)!.updateComplete;
    }
  }
  inScreen<HTMLButtonElement>(el, 'button[type=submit]')[0].click();
  await settle(el);
}

/** Answers whatever the guide asks from `answers` until the review page (continuing after the acute warning). */
export async function walkToReview(el: ReferralGuide, answers: Answers, stopAfter = Infinity) {
  for (let n = 0; n < 40; n++) {
    const screen = screenOf(el);
    if (screen === 'review' || screen === 'plan') return;
    if (screen === 'acute') {
      inScreen<HTMLButtonElement>(el, 'button.button')[0].click();
      await settle(el);
      continue;
    }
    if (n >= stopAfter) return;
    const id = currentQuestion(el.snapshot) as QuestionId;
    const value = answers[id];
    if (value === undefined) throw new Error(`no answer for ${id}`);
    await answerOnScreen(el, value);
  }
  throw new Error('the guide never reached the review page');
}

export async function openPlan(el: ReferralGuide) {
  inScreen<HTMLButtonElement>(el, 'button[type=submit]')[0].click();
  await settle(el);
  if (screenOf(el) !== 'plan') throw new Error(`expected the plan, on ${screenOf(el)}`);
}

/** The guide's own controls outside the screen (header, notices). */
export const inGuide = <T extends Element = HTMLElement>(el: ReferralGuide, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<T>(selector)];

export const clearAllEl = (el: ReferralGuide) => el.shadowRoot!.querySelector('referral-clear-all')!;

/** Clicks "Clear all", then the confirmation (or Cancel). */
export async function clearAll(el: ReferralGuide, confirm = true) {
  const control = clearAllEl(el);
  control.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
  await settle(el);
  await control.updateComplete;
  control.shadowRoot!.querySelector<HTMLButtonElement>(confirm ? '[data-confirm]' : '[data-cancel]')!.click();
  await settle(el);
}

/** An adult with no needs; the paths below change what they need. Shared with the machine tests. */
export { NOTHING };

/** Paths that between them show every screen and most plan parts. */
export const FULL_PATHS: Record<string, Answers> = {
  'acute, then dual diagnosis, homeless, Greenlandic': {
    ...NOTHING,
    acute: 'yes',
    substances: ['alcohol', 'drugs'],
    'mental-health': 'treatment-requiring',
    trauma: 'diagnosed',
    'trauma-origin': 'abroad-war-torture',
    refusal: ['substance-treatment-refused', 'psychiatry-refused'],
    'current-contacts': ['substance-treatment', 'psychiatry'],
    children: 'pregnant',
    housing: 'homeless',
    language: 'greenlandic',
    'missed-appointments': 'yes',
    'digital-access': 'no',
  },
  'under 18': { ...NOTHING, age: 'under-18' },
  'nothing to refer': NOTHING,
};
