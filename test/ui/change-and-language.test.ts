/**
 * Changing an answer (with pruning of answers that no longer apply) and switching language,
 * by keyboard only. A language switch must never lose an answer; the host page's own i18next
 * must stay untouched.
 */
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import i18next from 'i18next';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { answersOf, droppedOf, type Answers } from '../../machines/index.ts';
import daRules from '../../locales/da/rules.json';
import klRules from '../../locales/kl/rules.json';
import enRules from '../../locales/en/rules.json';
import klUi from '../../locales/kl/ui.json';
import daUi from '../../locales/da/ui.json';
import {
  activateButton,
  answerByKeyboard,
  currentQuestionId,
  deepActive,
  deepText,
  expectHeadingFocused,
  expectNoSeriousAxe,
  headingText,
  screenEl,
  screenOf,
  settle,
  walkToReview,
} from './helpers.ts';

const ANSWERS: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['drugs'],
  'mental-health': 'none',
  trauma: 'suspected',
  'trauma-origin': 'other',
  'psychiatric-admission': 'no',
  refusal: ['none'],
  'current-contacts': ['substance-treatment'],
  children: 'no',
  housing: 'stable',
  language: 'danish',
  'missed-appointments': 'no',
  'digital-access': 'yes',
};

const reviewRows = (el: ReferralGuide) =>
  [...screenEl(el)!.shadowRoot!.querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset.question);

describe('change an answer from the review page', () => {
  it('re-asks the question, prunes answers that no longer apply and says which', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ANSWERS);
    expect(reviewRows(el)).to.include.members(['trauma-origin', 'psychiatric-admission']);

    // "Change" for trauma, by keyboard.
    await activateButton(el, /^Change\W+Trauma$/);
    expect(currentQuestionId(el)).to.equal('trauma');
    expectHeadingFocused(el);
    const checked = screenEl(el)!.shadowRoot!.querySelector<HTMLInputElement>('input:checked');
    expect(checked?.value, 'the old answer is preselected').to.equal('suspected');

    await answerByKeyboard(el, 'none');
    // Nothing else is unanswered, so the guide returns to the review page.
    expect(screenOf(el)).to.equal('review');
    expectHeadingFocused(el);
    const dropped = droppedOf(el.snapshot).map((d) => d.questionId);
    expect(dropped).to.have.members(['trauma-origin', 'psychiatric-admission']);

    const notice = el.shadowRoot!.querySelector('[data-dropped]')!;
    expect([...notice.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.question)).to.deep.equal(dropped);
    expect(notice.textContent).to.contain(enRules.question['trauma-origin'].short);
    expect(notice.textContent).to.contain(enRules.question['trauma-origin'].options.other.label);
    const live = el.shadowRoot!.querySelector('[data-live]')!.textContent!;
    expect(live, 'the pruning is announced').to.contain(enRules.question['psychiatric-admission'].short);
    expect(reviewRows(el)).to.not.include.members(['trauma-origin', 'psychiatric-admission']);
    expect(answersOf(el.snapshot)['trauma-origin']).to.equal(undefined);
    await expectNoSeriousAxe(el, 'review with dropped answers');
  });

  it('asks a newly relevant question before returning to the review', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(el);
    await walkToReview(el, { ...ANSWERS, trauma: 'none', 'trauma-origin': undefined, 'psychiatric-admission': undefined });
    await activateButton(el, /^Ret\W+Traumer$/);
    await answerByKeyboard(el, 'diagnosed');
    // trauma-origin now applies and has no answer: the guide asks it.
    expect(currentQuestionId(el)).to.equal('trauma-origin');
    expectHeadingFocused(el);
    expect(headingText(el)).to.equal(daRules.question['trauma-origin'].title);
  });

  it('links each "Why?" answer on the plan back to its question', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ANSWERS);
    await activateButton(el, enUiText('nav.seePlan'));
    expect(screenOf(el)).to.equal('plan');
    // The substance treatment's details (collapsed) hold its "Why?".
    await activateButton(el, enRules.service['municipal-substance-treatment'].name);
    await activateButton(el, /^Change\W+Substances$/);
    expect(currentQuestionId(el)).to.equal('substances');
    expectHeadingFocused(el);
    // Continue with the same answer: back to the review page, nothing dropped.
    await answerByKeyboard(el, ['drugs']);
    expect(screenOf(el)).to.equal('review');
    expect(el.shadowRoot!.querySelector('[data-dropped]')).to.equal(null);
  });
});

describe('language', () => {
  it('switches language by keyboard without losing an answer', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    const partial: Answers = { acute: 'no', age: 'adult', substances: ['alcohol', 'drugs'] };
    for (const id of ['acute', 'age', 'substances'] as const) await answerByKeyboard(el, partial[id]!);
    expect(currentQuestionId(el)).to.equal('mental-health');
    const before = structuredClone(answersOf(el.snapshot));

    const change = oneEvent(el, 'referral-language-change');
    await activateButton(el, 'Kalaallisut', true);
    const event = await change;
    expect(event.detail).to.deep.equal({ lang: 'kl', previous: 'en' });
    expect(el.getAttribute('lang')).to.equal('kl');
    expect(el.language).to.equal('kl');
    expect(headingText(el)).to.equal(klRules.question['mental-health'].title);
    expect(deepActive()?.getAttribute('lang'), 'focus stays on the switch').to.equal('kl');
    expect(answersOf(el.snapshot)).to.deep.equal(before);

    // Back shows the earlier answer still selected, now with Greenlandic labels.
    await activateButton(el, klUi.nav.back);
    expect(currentQuestionId(el)).to.equal('substances');
    const root = screenEl(el)!.shadowRoot!;
    expect([...root.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value)).to.deep.equal([
      'alcohol',
      'drugs',
    ]);
    expect(deepText(root)).to.contain(klRules.question.substances.options.drugs.label);

    // Walk on in Greenlandic, switch to Danish on the review page: all answers still there.
    await answerByKeyboard(el, ['alcohol', 'drugs']);
    await walkToReview(el, ANSWERS);
    const rows = reviewRows(el);
    await activateButton(el, 'Dansk', true);
    expect(screenOf(el)).to.equal('review');
    expect(reviewRows(el)).to.deep.equal(rows);
    expect(deepText(screenEl(el)!.shadowRoot!)).to.contain(daUi.review.heading);
    await expectNoSeriousAxe(el, 'review after switching to Danish');
  });

  it('follows a lang attribute set by the host, without a language-change event', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'no');
    let events = 0;
    el.addEventListener('referral-language-change', () => events++);
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(headingText(el)).to.equal(enRules.question.age.title);
    expect(answersOf(el.snapshot)).to.deep.equal({ acute: 'no' });
    expect(events, 'events are for user actions only').to.equal(0);
  });

  it('takes the language from the nearest ancestor, else Danish', async () => {
    const kl = await fixture(html`<div lang="kl"><section><referral-guide></referral-guide></section></div>`);
    const klGuide = kl.querySelector('referral-guide')!;
    await settle(klGuide);
    expect(klGuide.language).to.equal('kl');
    expect(headingText(klGuide)).to.equal(klRules.question.acute.title);

    const en = await fixture(html`<div lang="en-GB"><referral-guide></referral-guide></div>`);
    expect(en.querySelector('referral-guide')!.language).to.equal('en');

    const none = await fixture(html`<div lang=""><referral-guide></referral-guide></div>`);
    const daGuide = none.querySelector('referral-guide')!;
    await settle(daGuide);
    expect(daGuide.language).to.equal('da');
    expect(headingText(daGuide)).to.equal(daRules.question.acute.title);
  });

  it('reports an unknown language in the fallback language and keeps working', async () => {
    const errors: Array<{ code: string; message: string }> = [];
    const wrap = await fixture(
      html`<div lang="en" @referral-error=${(e: CustomEvent) => errors.push(e.detail)}>
        <referral-guide lang="fr"></referral-guide>
      </div>`,
    );
    const el = wrap.querySelector('referral-guide')!;
    await settle(el);
    expect(errors).to.have.length(1);
    expect(errors[0].code).to.equal('unknown-language');
    expect(errors[0].message).to.contain('“fr”');
    expect(el.language, 'falls back to the page language').to.equal('en');
    const banner = el.shadowRoot!.querySelector('[data-error="unknown-language"]')!;
    expect(banner.textContent).to.contain('“fr”');
    expect(screenOf(el)).to.equal('question');
    await answerByKeyboard(el, 'no');
    expect(currentQuestionId(el)).to.equal('age');
  });

  it('never touches the host page’s global i18next', async () => {
    const wasInitialized = i18next.isInitialized;
    const language = i18next.language;
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await activateButton(el, 'Kalaallisut', true);
    expect(i18next.isInitialized).to.equal(wasInitialized);
    expect(i18next.language).to.equal(language);
    const store = (i18next as unknown as { store?: { data?: Record<string, unknown> } }).store;
    expect(store?.data?.kl, 'no widget texts in the global instance').to.equal(undefined);
  });
});

function enUiText(key: string): string {
  return key.split('.').reduce<any>((o, k) => o[k], enUi);
}
import enUi from '../../locales/en/ui.json';
