/**
 * The element's own behaviour: safe double registration, no focus theft on load, validation
 * messages, the exclusive "none" option, the acute screen, the request date and its due dates,
 * the dual-diagnosis handoff, bad events from a child, and narrow screens (320 px, i.e. 200 %
 * zoom on a 640 px window) in Greenlandic, whose long words overflow first.
 */
import { fixture, html, expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.ts';
import { defineOnce } from '../../src/define.ts';
import { ReferralGuide } from '../../src/referral-guide.ts';
import { answersOf, emergencyPlanOf, planOf, type Answers } from '../../machines/index.ts';
import enUi from '../../locales/en/ui.json';
import enRules from '../../locales/en/rules.json';
import daUi from '../../locales/da/ui.json';
import {
  activateButton,
  answerByKeyboard,
  currentQuestionId,
  deepActive,
  deepText,
  expectHeadingFocused,
  expectNoSeriousAxe,
  press,
  screenEl,
  screenOf,
  settle,
  tabTo,
  type,
  walkToReview,
} from './helpers.ts';

const ADULT_DRUGS: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['drugs'],
  'mental-health': 'treatment-requiring',
  trauma: 'none',
  'psychiatric-admission': 'no',
  refusal: ['none'],
  'current-contacts': ['none'],
  children: 'no',
  housing: 'stable',
  language: 'danish',
  'missed-appointments': 'no',
  'digital-access': 'yes',
};

describe('<referral-guide> element', () => {
  it('tolerates being registered twice', () => {
    expect(() => defineOnce('referral-guide', class extends HTMLElement {})).to.not.throw();
    expect(customElements.get('referral-guide')).to.equal(ReferralGuide);
  });

  it('does not steal focus from the host page on load, and fires no step event', async () => {
    const steps: unknown[] = [];
    const wrap = await fixture(html`<div @referral-step=${(e: Event) => steps.push(e)}>
      <input id="host-input" /><referral-guide lang="en"></referral-guide>
    </div>`);
    const input = wrap.querySelector<HTMLInputElement>('#host-input')!;
    input.focus();
    const el = wrap.querySelector('referral-guide')!;
    await settle(el);
    expect(document.activeElement).to.equal(input);
    expect(steps).to.have.length(0);
  });

  it('says what is missing when Continue is pressed with no answer, and stays put', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await tabTo(el, (e) => e instanceof HTMLButtonElement && e.type === 'submit');
    await press('Enter');
    await settle(el);
    const root = screenEl(el)!.shadowRoot!;
    expect(root.querySelector('[role=alert]')!.textContent).to.contain(enUi.errors.required);
    expect(root.querySelector('fieldset')!.getAttribute('aria-describedby')).to.contain('error');
    expect((deepActive() as HTMLInputElement).type, 'focus goes to the answers').to.equal('radio');
    expect(currentQuestionId(el)).to.equal('acute');
    await expectNoSeriousAxe(el, 'question with an error');
  });

  it('keeps "none" exclusive in a multi-choice question', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'no');
    await answerByKeyboard(el, 'adult');
    expect(currentQuestionId(el)).to.equal('substances');
    const root = screenEl(el)!.shadowRoot!;
    const box = (v: string) => root.querySelector<HTMLInputElement>(`input[value="${v}"]`)!;
    await tabTo(el, (e) => e === box('alcohol'));
    await press('Space');
    await tabTo(el, (e) => e === box('none'));
    await press('Space');
    await settle(el);
    expect([box('alcohol').checked, box('none').checked]).to.deep.equal([false, true]);
    await tabTo(el, (e) => e === box('alcohol'), 10, true);
    await press('Space');
    await settle(el);
    expect([box('alcohol').checked, box('none').checked]).to.deep.equal([true, false]);
  });

  it('goes Back with the answer kept', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'no');
    expect(currentQuestionId(el)).to.equal('age');
    await activateButton(el, daUi.nav.back, true);
    expect(currentQuestionId(el)).to.equal('acute');
    expectHeadingFocused(el);
    expect(screenEl(el)!.shadowRoot!.querySelector<HTMLInputElement>('input:checked')!.value).to.equal('no');
  });

  it('shows the emergency screen first when acute, and continues the guide afterwards', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'yes');
    expect(screenOf(el)).to.equal('acute');
    expectHeadingFocused(el);
    const root = screenEl(el)!.shadowRoot!;
    expect(root.querySelector('a[href="tel:112"]')).to.not.equal(null);
    expect(deepText(root)).to.contain('psykiatrisk akutmodtagelse');
    expect(planOf(el.snapshot), 'no plan before the guide is complete').to.equal(null);
    expect(emergencyPlanOf(el.snapshot)!.flags, 'the emergency step keeps F-acute').to.include('F-acute');
    await activateButton(el, enUi.acute.continue);
    expect(currentQuestionId(el)).to.equal('age');
    expectHeadingFocused(el);
  });

  it('reports a refused answer from a broken child and keeps every answer', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await answerByKeyboard(el, 'no');
    const errors: Array<{ code: string }> = [];
    el.addEventListener('referral-error', (e) => errors.push(e.detail));
    screenEl(el)!.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: 'age', value: 'maybe' } }));
    await settle(el);
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-answer']);
    expect(currentQuestionId(el)).to.equal('age');
    expect(answersOf(el.snapshot)).to.deep.equal({ acute: 'no' });
    expect(screenEl(el)!.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(enUi.errors.invalidAnswer);
  });

  it('takes a request date on the review page and shows due dates in the plan', async () => {
    // The plan's date is pinned: a due date after it is ahead, not overdue.
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en" as-of="2026-11-10"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ADULT_DRUGS);
    const errors: string[] = [];
    el.addEventListener('referral-error', (e) => errors.push(e.detail.code));

    await tabTo(el, (e) => e.id === 'request-date');
    await type('31.02.2026');
    await activateButton(el, enUi.nav.seePlan);
    expect(screenOf(el), 'an impossible date keeps the review page').to.equal('review');
    expect(errors).to.deep.equal(['invalid-date']);
    expect(deepActive()?.id).to.equal('request-date');
    expect(screenEl(el)!.shadowRoot!.querySelector('#request-date')!.getAttribute('aria-invalid')).to.equal('true');

    for (let i = 0; i < 10; i++) await press('Backspace');
    await type('3.11.2026');
    await tabTo(el, (e) => e.id === 'outpatient-insufficient');
    await press('Space');
    await activateButton(el, enUi.nav.seePlan);
    expect(screenOf(el)).to.equal('plan');
    expect(el.plan!.requestDate).to.equal('2026-11-03');
    const text = deepText(screenEl(el)!.shadowRoot!);
    // 14 days from the request for substance treatment: by 17 November, or overdue after it.
    const substance = el.plan!.tracks.find((t) => t.service === 'municipal-substance-treatment')!;
    expect(substance.clock).to.include({ startsAt: 'request', due: '2026-11-17' });
    const when = substance.clock!.overdue ? enRules.clock.overdue : enRules.clock.due;
    expect(text, '14 days for substance treatment').to.contain(when.replace('{{date}}', '17 November 2026'));
    // The region's 30 days run from its receipt of the referral: no date until it is sent.
    expect(text, '30 days for the assessment in psychiatry').to.contain(enUi.act.clock['referral-received'].replace('{{days}}', '30'));
    expect(text).to.not.contain('by 3 December 2026');
    expect(el.plan!.flags).to.include('F-deadlines');
    expect(el.plan!.tracks[0].clock).to.deep.include({ due: '2026-11-17', overdue: false });

    expect(substance.ruleIds, 'residential treatment (R3)').to.include('R3');
    expect(text, 'residential treatment is asked for in the substance action').to.contain(enUi.act.ask.residential);

    // "Why?" names the detail too; its Change link leads back to the field on the review page.
    await activateButton(el, enRules.service['municipal-substance-treatment'].name);
    await activateButton(el, /^Change\W+Outpatient substance treatment has not been enough$/);
    expect(screenOf(el)).to.equal('review');
    expect(deepActive()?.id).to.equal('outpatient-insufficient');
    expect((deepActive() as HTMLInputElement).checked).to.equal(true);
    expect(screenEl(el)!.shadowRoot!.querySelector<HTMLInputElement>('#request-date')!.value).to.equal('2026-11-03');
  });

  it('moves the dual-diagnosis handoff on when the region has taken over', async () => {
    const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    await settle(el);
    await walkToReview(el, ADULT_DRUGS);
    await activateButton(el, enUi.nav.seePlan);
    const root = screenEl(el)!.shadowRoot!;
    // What is true at that moment: to be sent → sent (today) → the region took over.
    expect(root.querySelector('[data-handoff]')!.getAttribute('data-handoff')).to.equal('to-send');
    await activateButton(el, enUi.plan.handoff.markSent);
    await settle(el);
    expect(root.querySelector('[data-handoff]')!.getAttribute('data-handoff')).to.equal('sent');
    expect(el.plan!.referralSentDate, 'the sending date starts the region’s clock').to.be.a('string');
    const psychiatry = el.plan!.tracks.find((t) => t.service === 'regional-psychiatry')!;
    expect(psychiatry.clock!.due, 'the region’s 30 days now have a date').to.be.a('string');
    await activateButton(el, enUi.plan.handoff.markTakenOver);
    await settle(el);
    expect(root.querySelector('[data-handoff]')!.getAttribute('data-handoff')).to.equal('taken-over');
    expect(root.querySelector('[data-handoff]')!.textContent).to.contain(enUi.plan.handoff.takenOver);
  });

  describe('on a 320 px wide screen in Greenlandic', () => {
    after(() => setViewport({ width: 800, height: 600 }));

    it('never scrolls sideways on a question, the review or the plan', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await fixture<ReferralGuide>(html`<referral-guide lang="kl"></referral-guide>`);
      await settle(el);
      const overflowing = () => {
        const right = el.getBoundingClientRect().right + 0.5;
        const out: string[] = [];
        const walk = (root: ParentNode) => {
          for (const node of root.querySelectorAll('*')) {
            const box = node.getBoundingClientRect();
            if (box.width > 0 && box.right > right) out.push(`${node.localName}.${node.className}`);
            // Text wider than its own box (a long word that could not wrap).
            else if (node.clientWidth > 2 && node.scrollWidth > node.clientWidth + 1 && node.localName !== 'select')
              out.push(`${node.localName}.${node.className} (text)`);
            if (node.shadowRoot) walk(node.shadowRoot);
          }
        };
        walk(el.shadowRoot!);
        return out;
      };
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(overflowing(), 'first question').to.deep.equal([]);
      await walkToReview(el, ADULT_DRUGS, async (screen) => {
        if (screen === 'question') expect(overflowing(), currentQuestionId(el) ?? '').to.deep.equal([]);
      });
      expect(overflowing(), 'review').to.deep.equal([]);
      await activateButton(el, screenEl(el)!.shadowRoot!.querySelector('button[type=submit]')!.textContent!.trim());
      for (const d of screenEl(el)!.shadowRoot!.querySelectorAll('details')) d.open = true;
      await settle(el);
      expect(overflowing(), 'plan').to.deep.equal([]);
    });
  });
});
