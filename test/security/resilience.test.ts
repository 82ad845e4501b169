/**
 * The error boundary: an unexpected exception in the guide's render, in a child element's
 * render, or inside the statechart is caught. The user sees a friendly message in their
 * language with a Restart button, the host gets one `referral-error` with code `internal`, no
 * error escapes into the page, and Restart goes on from the answers kept.
 * Faults are injected by patching a prototype once (restored after each test).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.ts';
import { ReferralGuide } from '../../src/referral-guide.ts';
import { ReferralPlanElement } from '../../src/components/referral-plan.ts';
import { currentQuestion, isComplete } from '../../machines/index.ts';
import daUi from '../../locales/da/ui.json';
import enUi from '../../locales/en/ui.json';
import 'axe-core/axe.min.js';
import { NOTHING, answerOnScreen, clearAll, inGuide, inScreen, openPlan, screenEl, screenOf, settle, walkToReview } from './drive.ts';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

type Patchable = Record<string, unknown>;
const restores: Array<() => void> = [];
/** Makes `proto[method]` throw the next `times` calls; returns the repair. */
function breakOnce(proto: object, method: string, times = 1): () => void {
  const target = proto as Patchable;
  const original = target[method] as (...args: unknown[]) => unknown;
  let left = times;
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (left > 0) {
      left--;
      throw new Error(`injected fault in ${method}`);
    }
    return original.apply(this, args);
  };
  const repair = () => {
    target[method] = original;
  };
  restores.push(repair);
  return repair;
}

interface Watch {
  el: ReferralGuide;
  errors: Array<{ code: string; message: string }>;
  uncaught: string[];
}

async function start(lang = 'en'): Promise<Watch> {
  const errors: Watch['errors'] = [];
  const uncaught: string[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(String(e.error ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  restores.push(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  const listener = (e: Event) => errors.push((e as CustomEvent).detail);
  document.addEventListener('referral-error', listener);
  restores.push(() => document.removeEventListener('referral-error', listener));
  const el = document.createElement('referral-guide') as ReferralGuide;
  el.setAttribute('lang', lang);
  document.body.append(el);
  await settle(el);
  return { el, errors, uncaught };
}

const failureBox = (el: ReferralGuide) => inGuide(el, '[data-failure]')[0] ?? null;
/** Booleans, not elements, in assertions: a failing assertion must not have to serialise the DOM. */
const failureShown = (el: ReferralGuide) => failureBox(el) !== null;

async function expectFailureShown(w: Watch, ui: typeof enUi) {
  await settle(w.el);
  await new Promise((r) => setTimeout(r, 20));
  expect(failureShown(w.el), 'the failure message is shown').to.equal(true);
  const box = failureBox(w.el)!;
  expect(box.getAttribute('role')).to.equal('alert');
  expect(box.querySelector('h2')!.textContent!.trim()).to.equal(ui.failure.heading);
  expect(box.textContent).to.contain(ui.failure.body);
  expect(box.querySelector('[data-failure-restart]')!.textContent!.trim()).to.equal(ui.failure.restart);
  expect(w.errors.filter((e) => e.code === 'internal')).to.deep.equal([{ code: 'internal', message: ui.failure.event }]);
  expect(w.uncaught, 'nothing escapes into the page').to.deep.equal([]);
}

async function restart(el: ReferralGuide) {
  inGuide<HTMLButtonElement>(el, '[data-failure-restart]')[0].click();
  await settle(el);
}

describe('error boundary', function () {
  this.timeout(30_000);

  afterEach(() => {
    while (restores.length) restores.pop()!();
    document.querySelectorAll('referral-guide').forEach((el) => el.remove());
  });

  it('catches an exception in the guide’s own render, keeps the answers, and Restart goes on', async () => {
    const w = await start('en');
    await answerOnScreen(w.el, 'no');
    await answerOnScreen(w.el, 'adult');
    const answers = structuredClone(w.el.snapshot.context.answers);
    breakOnce(ReferralGuide.prototype, 'renderScreen');
    await answerOnScreen(w.el, ['alcohol']);
    await expectFailureShown(w, enUi);
    expect(w.el.snapshot.context.answers).to.deep.equal({ ...answers, substances: ['alcohol'] });
    const axe = await window.axe.run(w.el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] });
    expect(axe.violations.map((v) => v.id)).to.deep.equal([]);

    await restart(w.el);
    expect(failureShown(w.el)).to.equal(false);
    expect(currentQuestion(w.el.snapshot)).to.equal('mental-health');
    expect(w.el.snapshot.context.answers).to.deep.equal({ ...answers, substances: ['alcohol'] });
    const heading = screenEl(w.el)!.shadowRoot!.querySelector('#heading');
    expect(screenEl(w.el)!.shadowRoot!.activeElement === heading, 'focus on the question again').to.equal(true);
    await answerOnScreen(w.el, 'none');
    expect(currentQuestion(w.el.snapshot)).to.equal('trauma');
  });

  it('catches an exception in a child element (the plan) in Danish, and Restart returns to the answers', async () => {
    const w = await start('da');
    await walkToReview(w.el, NOTHING);
    breakOnce(ReferralPlanElement.prototype, 'render');
    inScreen<HTMLButtonElement>(w.el, 'button[type=submit]')[0].click();
    await expectFailureShown(w, daUi as unknown as typeof enUi);
    expect(isComplete(w.el.snapshot)).to.equal(true);
    expect(w.el.snapshot.context.answers).to.deep.equal(
      Object.fromEntries(Object.entries(NOTHING).filter(([k]) => !['trauma-origin', 'psychiatric-admission', 'refusal', 'current-contacts'].includes(k))),
    );
    await restart(w.el);
    expect(screenOf(w.el)).to.equal('review');
    await openPlan(w.el);
    expect(w.uncaught).to.deep.equal([]);
  });

  it('catches an exception inside the statechart (a poisoned answer from a child) and restores from the last good answers', async () => {
    const w = await start('en');
    await answerOnScreen(w.el, 'no');
    await answerOnScreen(w.el, 'adult');
    // An array whose length cannot be read makes the answer guard throw inside the actor.
    const poisoned = new Proxy(['alcohol'], {
      get(target, key) {
        if (key === 'length') throw new Error('injected fault in the statechart');
        return Reflect.get(target, key);
      },
    });
    screenEl(w.el)!.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: 'substances', value: poisoned } }));
    await expectFailureShown(w, enUi);
    expect(w.el.snapshot.context.answers).to.deep.equal({ acute: 'no', age: 'adult' });
    await restart(w.el);
    expect(currentQuestion(w.el.snapshot)).to.equal('substances');
    await answerOnScreen(w.el, ['drugs']);
    expect(w.el.snapshot.context.answers).to.deep.equal({ acute: 'no', age: 'adult', substances: ['drugs'] });
  });

  it('a fault that persists shows the message again (no loop), and Clear all still starts afresh', async () => {
    const w = await start('en');
    await answerOnScreen(w.el, 'no');
    const repair = breakOnce(ReferralGuide.prototype, 'renderScreen', 1000);
    await answerOnScreen(w.el, 'adult');
    await expectFailureShown(w, enUi);
    await restart(w.el);
    await settle(w.el);
    expect(failureShown(w.el), 'the message again').to.equal(true);
    expect(w.errors.filter((e) => e.code === 'internal').length, 'one report per failure').to.equal(2);
    repair();
    await clearAll(w.el);
    expect(failureShown(w.el)).to.equal(false);
    expect(w.el.snapshot.context.answers).to.deep.equal({});
    expect(currentQuestion(w.el.snapshot)).to.equal('acute');
    expect(w.uncaught).to.deep.equal([]);
  });
});
