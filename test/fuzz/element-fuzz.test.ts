/**
 * Element-level fuzz: seeded random sessions with `<referral-guide>` (answers through its own
 * inputs and buttons, Back, Continue, Change links, the plan, Restart, `lang` attribute switches
 * to known and unknown codes, the language switch, moving the element in the DOM, and for half the
 * sessions `persist` with reloads and Clear all). After every step: no uncaught error, the screen
 * on show is the machine's, the machine's invariants hold (machine-fuzz.ts), a language switch or
 * a move keeps every answer and the place in the guide, a reload keeps every answer, and the
 * sessionStorage record always matches the answers (and is never written without `persist`).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { askedPath, currentQuestion, isAcuteWarning, isComplete, questionById, type AnswerValue, type QuestionId } from '../../machines/index.ts';
import daRules from '../../locales/da/rules.json';
import klRules from '../../locales/kl/rules.json';
import enRules from '../../locales/en/rules.json';
import { valuesOf } from '../machine/paths.ts';
import { checkSnapshot } from './machine-fuzz.ts';
import { fuzzEnv } from './env.ts';
import { hex, mulberry32, sequenceSeed, type Rng } from './prng.ts';
import { withNames } from '../locale-names.ts';

const TITLES: Record<string, Record<string, { title: string }>> = {
  da: daRules.question,
  kl: klRules.question,
  en: enRules.question,
};
const LANG_VALUES = ['da', 'kl', 'en', 'en-GB', 'da-DK', 'KL', 'de', 'xx', 'sv-SE', '', '<b>x</b>'];

type Screen = 'question' | 'acute' | 'review' | 'plan';

const screenEl = (el: ReferralGuide) => el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('[data-screen]');
const screenOf = (el: ReferralGuide) => (screenEl(el)?.dataset.screen ?? null) as Screen | null;
const inScreen = <T extends Element>(el: ReferralGuide, selector: string) =>
  [...(screenEl(el)?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];

async function settle(el: ReferralGuide) {
  for (let i = 0; i < 2; i++) {
    await el.updateComplete;
    await screenEl(el)?.updateComplete;
  }
}

const json = (value: unknown) => JSON.stringify(value);
// A bare `persist`: the page path and query (wtr adds one) and the id.
const storageKey = (el: ReferralGuide) => `referral-guide:${location.pathname}${location.search}#${el.id}`;

/** The expected language for a `lang` attribute value: ours, or Danish (the page has no lang). */
function expectedLang(value: string): string {
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return ['da', 'kl', 'en'].includes(primary) ? primary : 'da';
}

interface Session {
  el: ReferralGuide;
  /** The guide has `persist`: its answers must be in sessionStorage and survive a reload. */
  persist: boolean;
  host: HTMLElement;
  errors: string[];
  referralErrors: Array<{ code: string; message: string }>;
  log: string[];
}

async function answer(s: Session, rng: Rng, id: QuestionId) {
  const value = rng.pick(valuesOf(questionById[id]));
  const wanted = typeof value === 'string' ? [value] : [...value];
  for (const input of inScreen<HTMLInputElement>(s.el, 'input')) {
    if (input.checked !== wanted.includes(input.value)) {
      input.click();
      await screenEl(s.el)?.updateComplete;
    }
  }
  s.log.push(`answer ${id} = ${json(value)}`);
  inScreen<HTMLButtonElement>(s.el, 'button[type=submit]')[0].click();
  return value;
}

async function step(s: Session, rng: Rng): Promise<void> {
  let el = s.el;
  const screen = screenOf(el);
  const before = el.snapshot;
  const beforeLang = el.language;
  const r = rng.next();
  let expect_:
    | { kind: 'answer'; id: QuestionId; value: AnswerValue }
    | { kind: 'kept'; lang?: string }
    | { kind: 'reload' | 'cleared' | 'any' } = { kind: 'any' };

  if (r < 0.14) {
    const value = rng.pick(LANG_VALUES);
    s.log.push(`lang="${value}"`);
    const before = s.referralErrors.length;
    el.setAttribute('lang', value);
    await settle(el);
    // An empty attribute means "inherit": the page's language, else Danish.
    expect_ = { kind: 'kept', lang: expectedLang(value.trim() === '' ? (document.documentElement.getAttribute('lang') ?? '') : value) };
    const known = value.trim() === '' || expectedLang(value) === value.trim().toLowerCase().split(/[-_]/)[0];
    if (!known && !s.referralErrors.slice(before).some((e) => e.code === 'unknown-language') && s.log.filter((l) => l === `lang="${value}"`).length === 1) {
      throw new Error(`no referral-error for lang="${value}"`);
    }
  } else if (r < 0.2) {
    const buttons = [...el.shadowRoot!.querySelector('referral-language-switch')!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
    const button = rng.pick(buttons);
    s.log.push(`language switch "${button.textContent!.trim()}"`);
    button.click();
    await settle(el);
    expect_ = { kind: 'kept' };
  } else if (r < 0.23) {
    s.log.push('move in the DOM');
    s.host.removeChild(el);
    s.host.append(el);
    await settle(el);
    expect_ = { kind: 'kept', lang: beforeLang };
  } else if (r < 0.26 && s.persist) {
    s.log.push('reload (persist)');
    const fresh = document.createElement('referral-guide');
    for (const name of ['id', 'persist', 'lang']) {
      const value = el.getAttribute(name);
      if (value !== null) fresh.setAttribute(name, value);
    }
    el.remove();
    s.host.append(fresh);
    s.el = el = fresh;
    await settle(el);
    expect_ = { kind: 'reload' };
  } else if (r < 0.27) {
    s.log.push('clear all');
    const control = el.shadowRoot!.querySelector('referral-clear-all')!;
    control.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await control.updateComplete;
    control.shadowRoot!.querySelector<HTMLButtonElement>('[data-confirm]')!.click();
    expect_ = { kind: 'cleared' };
  } else if (r < 0.33) {
    const back = inScreen<HTMLButtonElement>(el, 'button.back')[0];
    if (back) {
      s.log.push(`back on ${screen}`);
      back.click();
    }
  } else if (screen === 'question') {
    const id = currentQuestion(before)!;
    // A checked radio cannot be unchecked by a user: an empty submit needs nothing chosen or checkboxes.
    const canEmpty = inScreen<HTMLInputElement>(el, 'input:checked').every((i) => i.type === 'checkbox');
    if (canEmpty && rng.chance(0.04)) {
      s.log.push(`submit ${id} with nothing chosen`);
      for (const input of inScreen<HTMLInputElement>(el, 'input:checked')) input.click();
      inScreen<HTMLButtonElement>(el, 'button[type=submit]')[0].click();
      expect_ = { kind: 'kept' };
    } else {
      expect_ = { kind: 'answer', id, value: await answer(s, rng, id) };
    }
  } else if (screen === 'acute') {
    s.log.push('continue after the acute warning');
    inScreen<HTMLButtonElement>(el, 'button.button')[0].click();
  } else if (screen === 'review') {
    const change = inScreen<HTMLButtonElement>(el, '.row button');
    if (rng.chance(0.3) && change.length) {
      const b = rng.pick(change);
      s.log.push(`Change ${b.closest<HTMLElement>('.row')!.dataset.question}`);
      b.click();
    } else {
      s.log.push('see the plan');
      inScreen<HTMLButtonElement>(el, 'button[type=submit]')[0].click();
    }
  } else if (screen === 'plan') {
    const restart = inScreen<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === el.shadowRoot!.querySelector('referral-plan')!.tr.t('nav.restart'));
    if (rng.chance(0.15) && restart) {
      s.log.push('restart');
      restart.click();
      // "Start again" asks first, as "Clear all" does.
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-restart-confirm] [data-confirm]')!.click();
    } else {
      const took = inScreen<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === el.shadowRoot!.querySelector('referral-plan')!.tr.t('plan.handoff.markTakenOver'));
      if (took && rng.chance(0.3)) {
        s.log.push('region took over');
        took.click();
      }
    }
  }
  await settle(el);

  // What holds after every step.
  if (s.errors.length) throw new Error(`uncaught: ${s.errors.join('; ')}`);
  const after = el.snapshot;
  const problem = checkSnapshot(after);
  if (problem) throw new Error(problem);
  const shown = screenOf(el);
  const q = currentQuestion(after);
  const machineScreen = q ? 'question' : isAcuteWarning(after) ? 'acute' : isComplete(after) ? ['review', 'plan'] : null;
  if (!(Array.isArray(machineScreen) ? machineScreen.includes(shown!) : machineScreen === shown)) {
    throw new Error(`screen ${shown} while the machine is at ${json(after.value)}`);
  }
  if (q) {
    const heading = inScreen<HTMLElement>(el, '#heading')[0]?.textContent?.replaceAll('\u00ad', '').trim(); // kl's soft hyphens are invisible
    const title = withNames(TITLES[el.language][q].title); // the names of locales/names.json written in
    if (heading !== title) throw new Error(`heading "${heading}" is not the ${el.language} title of ${q}`);
  }
  // With persist the stored record follows the answers; without it nothing is stored.
  const stored = sessionStorage.getItem(storageKey(el));
  if (!s.persist && sessionStorage.length) throw new Error('sessionStorage written without persist');
  const empty = Object.keys(after.context.answers).length === 0 && Object.keys(after.context.details).length === 0;
  if (s.persist && (empty ? stored !== null : json(JSON.parse(stored ?? 'null')?.answers) !== json(after.context.answers))) {
    throw new Error(`stored answers ${stored} differ from ${json(after.context.answers)}`);
  }
  if (expect_.kind === 'kept') {
    if (json(after.context.answers) !== json(before.context.answers)) throw new Error('answers changed');
    if (json(after.value) !== json(before.value)) throw new Error(`the guide moved from ${json(before.value)} to ${json(after.value)}`);
    if (expect_.lang && el.language !== expect_.lang) throw new Error(`language ${el.language}, expected ${expect_.lang}`);
  } else if (expect_.kind === 'reload') {
    if (json(after.context.answers) !== json(before.context.answers)) throw new Error('a reload lost answers');
    if (json(after.context.details) !== json(before.context.details)) throw new Error('a reload lost details');
    const open = askedPath(after.context.answers).find((id) => after.context.answers[id] === undefined) ?? null;
    if (q !== open) throw new Error(`after a reload at ${q}, expected ${open ?? 'the review'}`);
  } else if (expect_.kind === 'cleared') {
    if (Object.keys(after.context.answers).length || Object.keys(after.context.details).length) throw new Error('Clear all kept something');
    if (q !== 'acute') throw new Error(`Clear all went to ${q}`);
  } else if (expect_.kind === 'answer') {
    const stored = after.context.answers[expect_.id];
    if (json(stored) !== json(expect_.value)) throw new Error(`answer to ${expect_.id} is ${json(stored)}, chose ${json(expect_.value)}`);
    for (const [id, v] of Object.entries(before.context.answers)) {
      const dropped = after.context.dropped.some((d) => d.questionId === id);
      if (id !== expect_.id && !dropped && json(after.context.answers[id as QuestionId]) !== json(v)) throw new Error(`answer to ${id} lost`);
    }
  }
}

describe('<referral-guide> fuzz', function () {
  this.timeout(5 * 60 * 1000);

  it('keeps answers, screen and language consistent over random sessions with language switches', async () => {
    const env = await fuzzEnv();
    const host = document.createElement('div');
    document.body.append(host);
    const errors: string[] = [];
    const onError = (e: ErrorEvent) => errors.push(String(e.error ?? e.message));
    const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const started = performance.now();
    let steps = 0;
    let plans = 0;
    let switches = 0;
    let reloads = 0;
    try {
      for (let i = 0; i < env.elementRuns; i++) {
        const seed = sequenceSeed(env.seed, i);
        const rng = mulberry32(seed);
        const el = document.createElement('referral-guide');
        el.setAttribute('lang', rng.pick(['da', 'kl', 'en']));
        const persist = rng.chance(0.5);
        if (persist) {
          el.id = `fuzz-${i}`;
          el.setAttribute('persist', '');
        }
        const referralErrors: Session['referralErrors'] = [];
        const onReferralError = (e: HTMLElementEventMap['referral-error']) => referralErrors.push(e.detail);
        host.addEventListener('referral-error', onReferralError);
        host.append(el);
        await settle(el);
        const s: Session = { el, persist, host, errors, referralErrors, log: [] };
        const length = rng.int(5, 40);
        try {
          for (let n = 0; n < length; n++) {
            await step(s, rng);
            steps++;
          }
        } catch (error) {
          const shown = s.log.slice(-12).map((l, k, all) => `  ${s.log.length - all.length + k}: ${l}`).join('\n');
          throw new Error(
            `element fuzz sequence with seed ${hex(seed)} failed: ${(error as Error).message}\nlast steps:\n${shown}\n` +
              `replay: FUZZ_SEED=${hex(seed)} FUZZ_ELEMENT_RUNS=1 npm test`,
          );
        }
        if (s.log.includes('see the plan')) plans++;
        switches += s.log.filter((l) => l.startsWith('lang=') || l.startsWith('language switch')).length;
        reloads += s.log.filter((l) => l === 'reload (persist)').length;
        s.el.remove();
        sessionStorage.clear();
        host.removeEventListener('referral-error', onReferralError);
      }
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      host.remove();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `element fuzz: ${env.elementRuns} sessions, ${steps} steps, ${switches} language switches, ${reloads} reloads with persist, ${plans} opened a plan, ` +
        `${seconds} s, master seed ${hex(env.seed)}; replay with FUZZ_SEED=${hex(env.seed)} FUZZ_ELEMENT_RUNS=${env.elementRuns}`,
    );
    expect(switches).to.be.greaterThan(0);
    if (env.elementRuns >= 100) expect(reloads).to.be.greaterThan(0);
  });
});

describe('<referral-guide> regressions found by the fuzz', () => {
  it('Back shows the earlier answer checked, also when the previous screen had another option checked', async () => {
    // Seed 0xc868ebe3: a radio reused from "missed-appointments" (its second option checked) was
    // renamed into the "language" group and unchecked "danish": nothing looked chosen, yet
    // Continue went on with "danish".
    const el = document.createElement('referral-guide');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await settle(el);
    const path: Array<[QuestionId, string]> = [
      ['acute', 'no'], ['age', 'adult'], ['substances', 'none'], ['mental-health', 'none'], ['trauma', 'none'],
      ['children', 'no'], ['housing', 'stable'], ['language', 'danish'], ['missed-appointments', 'no'],
    ];
    for (const [id, value] of path) {
      expect(currentQuestion(el.snapshot)).to.equal(id);
      inScreen<HTMLInputElement>(el, 'input').find((i) => i.value === value)!.click();
      await screenEl(el)!.updateComplete;
      inScreen<HTMLButtonElement>(el, 'button[type=submit]')[0].click();
      await settle(el);
    }
    for (const expected of ['missed-appointments', 'language']) {
      inScreen<HTMLButtonElement>(el, 'button.back')[0].click();
      await settle(el);
      expect(currentQuestion(el.snapshot)).to.equal(expected);
      const checked = inScreen<HTMLInputElement>(el, 'input').filter((i) => i.checked).map((i) => i.value);
      expect(checked, `checked on ${expected}`).to.deep.equal([el.snapshot.context.answers[expected as QuestionId]]);
    }
    el.remove();
  });
});
