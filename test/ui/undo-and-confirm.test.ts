/**
 * No answer lost by one click: a Change that drops answers can be undone (every dropped answer
 * and the changed one come back, and the offer stays until the next answer), and both controls
 * that wipe every answer ask first ("Clear all" in the header, "Start again" on the plan).
 * Keyboard only, as in the other UI tests.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { answersOf, droppedOf, type Answers } from '../../machines/index.ts';
import daUi from '../../locales/da/ui.json';
import enUi from '../../locales/en/ui.json';
import klUi from '../../locales/kl/ui.json';
import {
  activateButton,
  answerByKeyboard,
  currentQuestionId,
  deepActive,
  expectHeadingFocused,
  expectNoSeriousAxe,
  press,
  screenOf,
  settle,
  tabTo,
  walkToReview,
} from './helpers.ts';

const ADULT: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['alcohol', 'drugs'],
  'mental-health': 'treatment-requiring',
  trauma: 'diagnosed',
  'trauma-origin': 'other',
  'psychiatric-admission': 'no',
  refusal: ['none'],
  'current-contacts': ['substance-treatment'],
  children: 'yes',
  housing: 'homeless',
  language: 'danish',
  'missed-appointments': 'no',
  'digital-access': 'yes',
};

const notice = (el: ReferralGuide) => el.shadowRoot!.querySelector<HTMLElement>('[data-dropped]');
const undoButton = (el: ReferralGuide) => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-undo]');

/** On the review page of ADULT, Change "age" to under 18: most answers are dropped. */
async function changeToUnder18(el: ReferralGuide) {
  await walkToReview(el, ADULT);
  await activateButton(el, /^(Change|Ret)\W+(Age|Alder)/);
  expect(currentQuestionId(el)).to.equal('age');
  await answerByKeyboard(el, 'under-18');
}

describe('undo after a Change that drops answers', () => {
  it('puts back every dropped answer and the changed one, by keyboard, and says so', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await changeToUnder18(el);
    const before = structuredClone(ADULT);
    const dropped = droppedOf(el.snapshot).map((d) => d.questionId);
    expect(dropped.length, 'the change drops every adult answer').to.be.greaterThan(9);
    expect(answersOf(el.snapshot).age).to.equal('under-18');

    // The notice names each dropped answer and offers the undo, with the count.
    const shown = [...notice(el)!.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.question);
    expect(shown).to.deep.equal(dropped);
    expect(notice(el)!.textContent).to.contain(enUi.review.dropped.intro_other.replace('{{count}}', String(dropped.length)));
    expect(undoButton(el)!.textContent!.trim()).to.equal(enUi.review.dropped.undo);
    await expectNoSeriousAxe(el, 'the undo offer');

    // The notice is above the review's heading, where focus is: Shift+Tab (Firefox does not
    // wrap Tab from the end of the page back to its start).
    await activateButton(el, enUi.review.dropped.undo, true);
    expect(answersOf(el.snapshot), 'every answer as before the change').to.deep.equal(before);
    expect(screenOf(el), 'all answered: back on the review page').to.equal('review');
    expectHeadingFocused(el);
    expect(notice(el), 'the offer is used up').to.equal(null);
    const live = el.shadowRoot!.querySelector('[data-live]')!.textContent!;
    expect(live).to.contain(enUi.live.undone);
    // The review page lists the adult answers again.
    const rows = [...el.shadowRoot!.querySelector('referral-review')!.shadowRoot!.querySelectorAll<HTMLElement>('.row')];
    expect(rows.map((r) => r.dataset.question)).to.include.members(dropped);
  });

  it('keeps the offer through Back and a language switch, and ends it with the next answer', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ADULT);
    // Change trauma to none: trauma-origin and psychiatric-admission go.
    await activateButton(el, /^Ret\W+Traumer/);
    await answerByKeyboard(el, 'none');
    expect(droppedOf(el.snapshot).length).to.be.greaterThan(0);
    expect(undoButton(el)).to.not.equal(null);

    // Back to the last question: the machine forgets its list, the offer stays.
    await activateButton(el, daUi.nav.back, true);
    expect(screenOf(el)).to.equal('question');
    expect(droppedOf(el.snapshot)).to.deep.equal([]);
    expect(undoButton(el), 'kept after Back').to.not.equal(null);
    el.setAttribute('lang', 'kl');
    await settle(el);
    expect(undoButton(el)!.textContent!.replaceAll('\u00ad', '').trim(), 'said in the new language (soft hyphens are invisible)').to.equal(klUi.review.dropped.undo);
    el.setAttribute('lang', 'da');
    await settle(el);

    // The next answer ends it.
    const id = currentQuestionId(el)!;
    await answerByKeyboard(el, ADULT[id]!);
    expect(undoButton(el), 'gone after the next answer').to.equal(null);
  });
});

describe('both controls that wipe every answer ask first', () => {
  it('"Clear all": Escape and Cancel keep everything; Yes clears and says so as a success', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'no');
    await answerByKeyboard(el, 'adult');
    const answers = structuredClone(answersOf(el.snapshot));
    const control = el.shadowRoot!.querySelector('referral-clear-all')!;
    const clearButton = control.shadowRoot!.querySelector<HTMLButtonElement>('button')!;

    await tabTo(el, (e) => e === clearButton, 80, true);
    await press('Enter');
    await control.updateComplete;
    expect(deepActive()?.textContent?.trim(), 'focus on the question').to.equal(daUi.privacy.clearConfirm);
    // The button keeps its place in the header row; the confirmation opens below it.
    const bar = el.shadowRoot!.querySelector<HTMLElement>('.bar')!;
    const confirm = control.shadowRoot!.querySelector<HTMLElement>('.confirm')!;
    const languages = bar.querySelector('referral-language-switch')!.getBoundingClientRect();
    expect(clearButton.getBoundingClientRect().bottom, 'same row as the language buttons').to.be.at.most(languages.bottom + 1);
    expect(confirm.getBoundingClientRect().top, 'a row of its own below').to.be.at.least(languages.bottom);
    await expectNoSeriousAxe(el, 'the Clear all confirmation');
    await press('Escape');
    await control.updateComplete;
    expect(control.shadowRoot!.querySelector('.confirm'), 'Escape closes').to.equal(null);
    expect(deepActive(), 'focus back on the button').to.equal(clearButton);
    expect(answersOf(el.snapshot)).to.deep.equal(answers);

    await press('Enter');
    await control.updateComplete;
    await tabTo(el, (e) => e.hasAttribute('data-cancel'));
    await press('Enter');
    await settle(el);
    expect(answersOf(el.snapshot), 'Cancel keeps everything').to.deep.equal(answers);

    await press('Enter');
    await control.updateComplete;
    await tabTo(el, (e) => e.hasAttribute('data-confirm'));
    await press('Enter');
    await settle(el);
    expect(answersOf(el.snapshot)).to.deep.equal({});
    const done = el.shadowRoot!.querySelector<HTMLElement>('[data-persist-notice="cleared"]')!;
    expect(done.textContent).to.contain(daUi.privacy.cleared);
    expect(done.classList.contains('success'), 'a success, not an error').to.equal(true);
    expect(getComputedStyle(done).backgroundColor).to.not.equal(getComputedStyle(el.shadowRoot!.querySelector('.frame')!).backgroundColor);
    expect(getComputedStyle(done).borderLeftColor).to.equal('rgb(42, 107, 0)');
  });

  it('"Start again" on the plan: Escape and Cancel keep the plan; Yes starts again', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ADULT);
    await activateButton(el, enUi.nav.seePlan);
    expect(screenOf(el)).to.equal('plan');
    const answers = structuredClone(answersOf(el.snapshot));

    await activateButton(el, enUi.nav.restart);
    expect(screenOf(el), 'nothing happens before the answer').to.equal('plan');
    expect(answersOf(el.snapshot)).to.deep.equal(answers);
    expect(deepActive()?.textContent?.trim()).to.equal(enUi.nav.restartConfirm);
    await expectNoSeriousAxe(el, 'the Start again confirmation');
    await press('Escape');
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-restart-confirm]'), 'Escape closes').to.equal(null);
    expect(deepActive()?.textContent?.trim(), 'focus back on Start again').to.equal(enUi.nav.restart);
    expect(answersOf(el.snapshot)).to.deep.equal(answers);

    await press('Enter');
    await settle(el);
    await tabTo(el, (e) => e.hasAttribute('data-cancel'));
    await press('Enter');
    await settle(el);
    expect(screenOf(el), 'Cancel keeps the plan').to.equal('plan');
    expect(answersOf(el.snapshot)).to.deep.equal(answers);

    await activateButton(el, enUi.nav.restart);
    await tabTo(el, (e) => e.hasAttribute('data-confirm'));
    expect(deepActive()!.textContent!.trim()).to.equal(enUi.nav.restartYes);
    await press('Enter');
    await settle(el);
    expect(answersOf(el.snapshot)).to.deep.equal({});
    expect(currentQuestionId(el)).to.equal('acute');
    expectHeadingFocused(el);
  });
});
