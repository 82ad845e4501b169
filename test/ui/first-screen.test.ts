/**
 * The first question is on screen before the statechart (XState) and i18next have loaded: it is
 * rendered from the snapshot a fresh guide starts with (`firstSnapshot`) and a translator over the
 * locale data in memory (`makeFirstTranslator`). These tests hold both equal to the real thing, and
 * check that the switch to the real thing changes nothing the caseworker sees or has done.
 */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { referralMachine, answersOf, currentQuestion, progressOf, isComplete, isAcuteWarning } from '../../machines/index.ts';
import { firstSnapshot } from '../../src/controllers/first-snapshot.ts';
import { I18nController } from '../../src/controllers/i18n-controller.ts';
import { PERSIST_VERSION } from '../../src/controllers/persist-controller.ts';
import * as i18nCore from '../../src/i18n/i18next-core.ts';
import { makeFirstTranslator } from '../../src/i18n/first-translator.ts';
import { resources } from '../../src/i18n/resources.ts';
import { LANGS } from '../../src/i18n/languages.ts';
import { nameOf } from '../../src/i18n/names.ts';
import { currentQuestionId, deepText, expectHeadingFocused, settle } from './helpers.ts';

type Internals = { machine: { loaded: boolean }; i18n: { i18n: unknown } };
const internals = (el: ReferralGuide) => el as unknown as Internals;

/** Adds a guide and waits (in microtasks only, so no frame passes) until its first question is in the DOM. */
async function firstRender(setup: (el: ReferralGuide) => void = () => {}): Promise<ReferralGuide> {
  const el = document.createElement('referral-guide') as ReferralGuide;
  setup(el);
  document.body.append(el);
  for (let i = 0; i < 200; i++) {
    const q = el.shadowRoot?.querySelector('referral-question');
    if (q?.shadowRoot?.querySelector('input') || el.shadowRoot?.querySelector('[data-screen="pending"]')) break;
    await Promise.resolve();
  }
  return el;
}

describe('first screen before the statechart and i18next', () => {
  afterEach(() => {
    document.querySelectorAll('referral-guide').forEach((el) => el.remove());
    sessionStorage.clear();
  });

  it('firstSnapshot answers like a fresh actor’s snapshot', () => {
    const actor = createActor(referralMachine).start();
    const real = actor.getSnapshot();
    const boot = firstSnapshot();
    expect(boot.context).to.deep.equal(real.context);
    expect(boot.value).to.deep.equal(real.value);
    expect(boot.status).to.equal(real.status);
    for (const tag of ['question', 'acute', 'complete']) expect(boot.hasTag(tag), tag).to.equal(real.hasTag(tag));
    for (const event of [{ type: 'back' }, { type: 'continue' }, { type: 'region-took-over' }, { type: 'restart' }] as const) {
      expect(boot.can(event), event.type).to.equal(real.can(event));
    }
    for (const state of ['acute', 'age', 'complete', { acute: 'waiting' }, { acute: 'leaving' }, { complete: 'dualDiagnosisHandoff' }]) {
      expect(boot.matches(state as never), JSON.stringify(state)).to.equal(real.matches(state as never));
    }
    expect(currentQuestion(boot)).to.equal(currentQuestion(real));
    expect(progressOf(boot)).to.deep.equal(progressOf(real));
    expect(isComplete(boot)).to.equal(false);
    expect(isAcuteWarning(boot)).to.equal(false);
    actor.stop();
  });

  it('the first translator says what i18next says, for every key of every language', () => {
    const host = Object.assign(document.createElement('div'), { addController() {}, requestUpdate() {} });
    const controller = new I18nController(host as never, i18nCore);
    let compared = 0;
    const keysOf = (node: unknown, prefix: string): string[] =>
      node && typeof node === 'object' && !Array.isArray(node)
        ? Object.entries(node).flatMap(([k, v]) => (k === '_meta' ? [] : keysOf(v, prefix ? `${prefix}.${k}` : k)))
        : [prefix];
    for (const lang of LANGS) {
      const real = controller.translatorFor(lang);
      const first = makeFirstTranslator(resources, lang);
      // Every key of every language, so a key missing in one language checks the fallback too.
      for (const source of LANGS) {
        for (const ns of ['ui', 'rules'] as const) {
          for (const leaf of keysOf(resources[source][ns], '')) {
            const plural = /_(one|other)$/.exec(leaf);
            const key = `${ns === 'ui' ? '' : 'rules:'}${plural ? leaf.slice(0, plural.index) : leaf}`;
            const value = leaf.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], resources[source][ns]);
            if (Array.isArray(value)) {
              // Lists (escalation steps) are read with list(), never t().
              expect(first.list(key), `${lang} ${key}`).to.deep.equal(real.list(key));
              continue;
            }
            const text = String(value);
            // A call site's variables get a value; the names (locales/names.json) come from the table.
            const params: Record<string, unknown> = {};
            for (const [, name] of text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)) if (nameOf(name) === undefined) params[name] = `<${name}>`;
            const counts = plural || 'count' in params ? [0, 1, 2, 7] : [undefined];
            for (const count of counts) {
              const options = count === undefined ? params : { ...params, count };
              expect(first.t(key, options), `${lang} ${key} ${JSON.stringify(options)}`).to.equal(real.t(key, options));
              compared++;
            }
          }
        }
      }
      for (const key of ['widget.name', 'rules:question.acute.title', 'no.such.key', 'rules:no.such']) {
        expect(first.has(key), `${lang} has ${key}`).to.equal(real.has(key));
        expect(first.t(key), `${lang} ${key}`).to.equal(real.t(key));
      }
    }
    expect(compared).to.be.greaterThan(3 * 3 * 300);
  });

  for (const lang of LANGS) {
    it(`${lang}: the first question renders before they load, and stays the same nodes and text after`, async () => {
      const el = await firstRender((e) => e.setAttribute('lang', lang));
      const question = el.shadowRoot!.querySelector('referral-question')!;
      expect(question, 'question rendered').to.exist;
      expect(internals(el).machine.loaded, 'statechart loaded before the first render').to.equal(false);
      expect(internals(el).i18n.i18n, 'i18next loaded before the first render').to.equal(null);
      const inputs = [...question.shadowRoot!.querySelectorAll('input')];
      const textBefore = deepText(el.shadowRoot!);
      await settle(el);
      expect(internals(el).machine.loaded).to.equal(true);
      expect(internals(el).i18n.i18n).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('referral-question') === question, 'same question element').to.equal(true);
      const after = [...question.shadowRoot!.querySelectorAll('input')];
      expect(after.length).to.equal(inputs.length);
      expect(after.every((input, i) => input === inputs[i]), 'same input nodes (focus and selection kept)').to.equal(true);
      expect(deepText(el.shadowRoot!)).to.equal(textBefore);
    });
  }

  it('an answer given before they load goes in once they have, once, and focus moves on', async () => {
    const el = await firstRender();
    const question = el.shadowRoot!.querySelector('referral-question')!;
    expect(internals(el).machine.loaded).to.equal(false);
    // The question element's Continue, pressed twice in a hurry.
    for (let i = 0; i < 2; i++) question.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: 'acute', value: 'no' } }));
    await settle(el);
    await settle(el);
    expect(answersOf(el.snapshot)).to.deep.equal({ acute: 'no' });
    expect(currentQuestionId(el)).to.equal('age');
    expect(el.shadowRoot!.querySelector('[data-error]'), 'no error shown').to.equal(null);
    expectHeadingFocused(el);
  });

  it('with persist and a stored record, no first question meanwhile: the restored one once loaded', async () => {
    sessionStorage.setItem(
      `referral-guide:${location.pathname}${location.search}#boot`,
      JSON.stringify({ version: PERSIST_VERSION, answers: { acute: 'no', age: 'adult' }, details: {} }),
    );
    const el = await firstRender((e) => {
      e.id = 'boot';
      e.setAttribute('persist', '');
    });
    expect(el.shadowRoot!.querySelector('[data-screen="pending"]'), 'placeholder').to.exist;
    expect(el.shadowRoot!.querySelector('referral-question'), 'no question meanwhile').to.equal(null);
    await settle(el);
    expect(answersOf(el.snapshot)).to.deep.equal({ acute: 'no', age: 'adult' });
    expect(currentQuestionId(el)).to.equal('substances');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[data-persist-notice]')?.dataset.persistNotice).to.equal('restored');
    const stored = JSON.parse(sessionStorage.getItem(`referral-guide:${location.pathname}${location.search}#boot`)!);
    expect(stored.answers, 'the record is kept, not overwritten by the first screen').to.deep.equal({ acute: 'no', age: 'adult' });
  });
});
