/**
 * `<referral-guide mode="training">` in a real browser: keyboard shortcuts (only with focus
 * inside the widget), the presenter view (modal, large type, shortcuts listed, fits 1280×720,
 * axe with the enhanced 7:1 contrast rule), the flow diagram generated from the machine with the
 * path lit, what-if through the UI, and own scenarios from a file, a URL and a share link.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import 'axe-core/axe.min.js';
import { referralMachine } from '../../machines/index.ts';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { ReferralTraining } from '../../src/training/referral-training.ts';
import { bundledScenarios } from '../../src/training/scenarios/index.ts';
import { encodeScenario } from '../../src/training/share.ts';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

// Elements and players are compared as booleans: chai formatting a Lit element or an actor for a
// failure message walks their whole object graph and never finishes.
const tick = () => new Promise((r) => setTimeout(r, 0));

async function trainingIn(guide: ReferralGuide): Promise<ReferralTraining> {
  for (let i = 0; i < 100; i++) {
    const el = guide.shadowRoot?.querySelector('referral-training') as ReferralTraining | null;
    if (el && customElements.get('referral-training') && el.shadowRoot) {
      await el.updateComplete;
      return el;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no <referral-training> in the guide');
}

async function settle(el: ReferralTraining) {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    const diagram = el.shadowRoot!.querySelector('referral-flow-diagram') as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
    await diagram?.updateComplete;
    await tick();
  }
}

const $ = <T extends Element = HTMLElement>(el: ReferralTraining, selector: string) => el.shadowRoot!.querySelector<T>(selector);

function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function press(key: string) {
  await sendKeys({ press: key });
}

const stepOf = (el: ReferralTraining) => $(el, '.stage')?.dataset.step ?? null;

async function openScenario(el: ReferralTraining, id: string) {
  if (el.activePlayer) {
    $(el, '.back-link')!.click();
    await settle(el);
  }
  $(el, `[data-scenario="${id}"] button`)!.click();
  await settle(el);
}

/** The first bar, stage or footer element whose box ends right of a 1280 px screen, or null. */
function offScreen(el: ReferralTraining): string | null {
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('dialog .bar *, dialog .stage, dialog .stage h3, dialog .stage li, dialog .footer *')) {
    const box = node.getBoundingClientRect();
    if (box.width > 0 && box.right > 1281) return `<${node.localName} class="${node.className}">`;
  }
  return null;
}

/**
 * Every what-if select whose chosen answer cannot be read in full. A native select cuts its text
 * off at its width (and Firefox cannot make it wrap), so the full text is drawn over the select:
 * it must be the chosen option's text, visible, unclipped, inside the select's box, and the
 * select's own (cut) text must be invisible under it.
 */
function clippedAnswers(el: ReferralTraining): string[] {
  const out: string[] = [];
  const plain = (t: string | null | undefined) => (t ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  for (const select of el.shadowRoot!.querySelectorAll<HTMLSelectElement>('[data-what-if] select')) {
    const id = select.dataset.question!;
    const chosen = plain(select.selectedOptions[0]?.textContent);
    const face = select.parentElement!.querySelector<HTMLElement>(`[data-answer-face="${id}"]`);
    if (!face || getComputedStyle(face).display === 'none' || getComputedStyle(face).visibility !== 'visible') {
      out.push(`${id}: no visible full text for »${chosen}«`);
      continue;
    }
    if (plain(face.textContent) !== chosen) out.push(`${id}: »${plain(face.textContent)}« shown, »${chosen}« chosen`);
    if (face.scrollWidth > face.clientWidth + 1 || face.scrollHeight > face.clientHeight + 1) out.push(`${id}: »${chosen}« is cut off`);
    const f = face.getBoundingClientRect();
    const s = select.getBoundingClientRect();
    if (f.width === 0 || f.left < s.left - 1 || f.right > s.right + 1 || f.top < s.top - 1 || f.bottom > s.bottom + 1) {
      out.push(`${id}: »${chosen}« does not sit inside its select (${Math.round(f.height)} px text in a ${Math.round(s.height)} px select)`);
    }
    if (getComputedStyle(select).color !== 'rgba(0, 0, 0, 0)') out.push(`${id}: the select's own cut text shows under the full text`);
    // A click on the text reaches the select (the text lets pointer events through).
    const x = (f.left + f.right) / 2;
    const y = (f.top + f.bottom) / 2;
    if (y > 0 && y < innerHeight && el.shadowRoot!.elementFromPoint(x, y) !== select) out.push(`${id}: a click on »${chosen}« misses the select`);
  }
  return out;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function expectNoSeriousAxe(root: Element, label: string, enhancedContrast = false) {
  const result = await window.axe.run(root, {
    runOnly: { type: 'tag', values: enhancedContrast ? [...AXE_TAGS, 'wcag2aaa'] : AXE_TAGS },
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
    resultTypes: ['violations'],
  });
  const bad = result.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical' || (enhancedContrast && v.id === 'color-contrast-enhanced'),
  );
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`).join('\n');
  expect(bad.length, `axe on ${label}:\n${report}`).to.equal(0);
}

async function makeGuide(lang = 'en', attrs = '') {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <button id="outside">A button on the host page</button>
    <referral-guide mode="training" lang=${lang}></referral-guide>
  </div>`);
  const guide = wrapper.querySelector('referral-guide') as ReferralGuide;
  if (attrs) for (const [k, v] of new URLSearchParams(attrs)) guide.setAttribute(k, v);
  const el = await trainingIn(guide);
  await settle(el);
  return { guide, el, outside: wrapper.querySelector('#outside') as HTMLButtonElement };
}

describe('training: <referral-guide mode="training">', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 720 });
  });

  it('shows the scenario library in the guide’s language and follows its language switch', async () => {
    const { guide, el } = await makeGuide('en');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.querySelectorAll('[data-scenario]').length).to.equal(bundledScenarios.length);
    expect($(el, '#heading')!.textContent).to.contain('Training scenarios');
    const da = [...guide.shadowRoot!.querySelectorAll('referral-language-switch')][0].shadowRoot!.querySelector<HTMLButtonElement>('button[lang="da"], [lang="da"]')!;
    da.click();
    await guide.updateComplete;
    await settle(el);
    expect($(el, '#heading')!.textContent).to.contain('Træningsscenarier');
    await expectNoSeriousAxe(guide, 'library');
  });

  it('→, ← and R step, go back and reveal with focus inside; they do nothing with focus on the host page', async () => {
    const { el, outside } = await makeGuide('en');
    await openScenario(el, 'mother-alcohol-two-children');
    expect(stepOf(el)).to.equal('story');
    expect(el.shadowRoot!.contains(deepActive()), 'focus is on the case’s heading').to.equal(true);

    await press('ArrowRight');
    await settle(el);
    expect(stepOf(el)).to.equal('acute:hidden');
    expect($(el, '.options li.chosen') === null, 'nothing marked before the reveal').to.equal(true);
    await press('r');
    await settle(el);
    expect(stepOf(el)).to.equal('acute:revealed');
    expect($(el, '.options li.chosen')!.dataset.option).to.equal('no');
    await press('ArrowRight');
    await settle(el);
    expect(stepOf(el)).to.equal('age:hidden');
    await press('ArrowLeft');
    await settle(el);
    expect(stepOf(el)).to.equal('acute:revealed');
    await press('PageDown'); // a presenter clicker
    await settle(el);
    expect(stepOf(el)).to.equal('age:hidden');

    outside.focus();
    for (const key of ['ArrowRight', 'r', 'ArrowLeft', 'd', 'p']) await press(key);
    await settle(el);
    expect(stepOf(el), 'keys on the host page are not the widget’s').to.equal('age:hidden');
    expect(el.presenter).to.equal(false);
    expect($(el, 'referral-flow-diagram') === null, 'no diagram').to.equal(true);

    // A keyboard user reaches the buttons; shortcuts still work from there.
    const next = $(el, '[data-action="next"]')!;
    next.focus();
    await press('Enter');
    await settle(el);
    expect(stepOf(el)).to.equal('age:revealed');
    expect(deepActive() === next, 'focus stays on Next').to.equal(true);
    await press('ArrowRight');
    await settle(el);
    expect(stepOf(el)).to.equal('substances:hidden');
  });

  it('shortcuts ignore typing in a form field (the what-if selects keep their arrow keys)', async () => {
    const { el } = await makeGuide('en');
    await openScenario(el, 'greenlandic-shelter-ptsd');
    $(el, '[data-action="to-plan"]')!.click();
    await settle(el);
    expect(stepOf(el)).to.equal('plan');
    await press('w');
    await settle(el);
    const select = $<HTMLSelectElement>(el, '#wi-children')!;
    select.focus();
    await press('ArrowLeft');
    await press('r');
    await settle(el);
    expect(stepOf(el)).to.equal('plan');
  });

  it('the revealed step shows the answer, the rules it triggers with their text, and the facilitator note', async () => {
    const { el, guide } = await makeGuide('da');
    await openScenario(el, 'greenlandic-shelter-ptsd');
    const p = el.activePlayer!;
    while (!(p.step.kind === 'question' && p.step.questionId === 'trauma' && p.step.revealed)) p.next();
    await settle(el);
    const rules = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-triggers] [data-rule]')].map((li) => li.dataset.rule);
    expect(rules).to.deep.equal(p.ruleIdsFor('trauma'));
    expect(rules).to.include('R6');
    expect($(el, '[data-rule="R6"]')!.textContent).to.contain('Dobbeltdiagnose'); // the Danish rule title from the rules namespace
    expect($(el, '[data-note]')!.dataset.note).to.equal('scenario');
    expect($(el, '[data-note]')!.textContent).to.contain('Mareridt');
    await expectNoSeriousAxe(guide, 'revealed question (da)');
  });

  it('presenter view: a modal dialog with the shortcuts listed, fitting 1280×720; Esc leaves it and returns focus', async () => {
    const { el } = await makeGuide('en');
    await openScenario(el, 'both-services-refused');
    await press('p');
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, 'dialog.presenter')!;
    expect(dialog.open).to.equal(true);
    expect(el.hasAttribute('presenter')).to.equal(true);
    const legend = $(el, 'dialog [data-shortcuts]')!.textContent!.replace(/\s+/g, ' ');
    for (const k of ['→', '←', 'R', 'Esc']) expect(legend).to.contain(k);
    expect(parseFloat(getComputedStyle($(el, '.story')!).fontSize)).to.be.at.least(24);

    const checkFit = (label: string) => {
      const box = dialog.getBoundingClientRect();
      expect(box.width, label).to.be.at.most(1280);
      expect(box.height, label).to.be.at.most(720);
      const stage = $(el, 'dialog .stage')!;
      expect(stage.scrollHeight, `${label}: the stage needs no scrolling`).to.be.at.most(stage.clientHeight + 1);
      expect(stage.scrollWidth, `${label}: no sideways scrolling`).to.be.at.most(stage.clientWidth + 1);
      const footer = $(el, 'dialog .footer')!.getBoundingClientRect();
      expect(footer.bottom, `${label}: the shortcut legend is on screen`).to.be.at.most(720);
      expect(offScreen(el), `${label}: nothing reaches past the right edge`).to.equal(null);
    };
    checkFit('story');
    await expectNoSeriousAxe(dialog, 'presenter: story', true);
    for (let i = 0; i < 60 && el.activePlayer!.step.kind !== 'plan'; i++) {
      await press('ArrowRight');
      await settle(el);
      checkFit(stepOf(el)!);
      if (stepOf(el) === 'mental-health:revealed') await expectNoSeriousAxe(dialog, 'presenter: revealed', true);
    }
    checkFit('plan');
    await expectNoSeriousAxe(dialog, 'presenter: plan', true);
    await press('w');
    await settle(el);
    checkFit('what-if');
    await expectNoSeriousAxe(dialog, 'presenter: what-if', true);
    await press('d');
    await settle(el);
    checkFit('diagram');
    await expectNoSeriousAxe(dialog, 'presenter: diagram', true);

    await press('Escape');
    await settle(el);
    expect(el.presenter).to.equal(false);
    expect($(el, 'dialog') === null, 'the dialog is gone').to.equal(true);
    expect((deepActive() as HTMLElement).dataset.action).to.equal('presenter');
  });

  // Fonts differ between browsers and machines (Firefox's ran 2 px taller on a Greenlandic step
  // that Chromium fitted to the pixel): every step must fit with this much height to spare.
  const PRESENTER_MARGIN = 24;
  for (const lang of ['da', 'en', 'kl']) {
    it(`presenter view (${lang}): every step of every bundled case fits 1280×720 without scrolling, ${PRESENTER_MARGIN} px to spare`, async () => {
      const { el } = await makeGuide(lang);
      await setViewport({ width: 1280, height: 720 - PRESENTER_MARGIN });
      const overflow: string[] = [];
      for (const scenario of bundledScenarios) {
        await openScenario(el, scenario.id);
        el.presenter = true;
        await settle(el);
        const p = el.activePlayer!;
        for (let i = 0; i < 80; i++) {
          await el.updateComplete;
          const stage = $(el, 'dialog .stage')!;
          if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1) {
            overflow.push(`${scenario.id} ${stage.dataset.step} ${stage.scrollHeight}/${stage.clientHeight}`);
          }
          const wide = offScreen(el);
          if (wide) overflow.push(`${scenario.id} ${stage.dataset.step}: ${wide} reaches past the right edge`);
          if (!p.next()) break;
        }
        // What-if on the plan: the answers and the plan side by side, also without scrolling.
        expect(p.step.kind, scenario.id).to.equal('plan');
        $(el, '[data-action="what-if"]')!.click();
        await settle(el);
        const stage = $(el, 'dialog .stage')!;
        expect($(el, 'dialog [data-what-if]'), `${scenario.id}: what-if is open`).to.not.equal(null);
        if (stage.scrollHeight > stage.clientHeight + 1 || stage.scrollWidth > stage.clientWidth + 1) {
          overflow.push(`${scenario.id} what-if ${stage.scrollHeight}/${stage.clientHeight}`);
        }
        const wide = offScreen(el);
        if (wide) overflow.push(`${scenario.id} what-if: ${wide} reaches past the right edge`);
        overflow.push(...clippedAnswers(el).map((c) => `${scenario.id} what-if: ${c}`));
      }
      await setViewport({ width: 1280, height: 720 });
      expect(overflow, overflow.join('\n')).to.deep.equal([]);
    });
  }

  for (const lang of ['da', 'en', 'kl']) {
    it(`what-if (${lang}): every answer control shows its chosen answer in full, for every bundled case`, async () => {
      const { el } = await makeGuide(lang);
      const clipped: string[] = [];
      let checked = 0;
      for (const scenario of bundledScenarios) {
        await openScenario(el, scenario.id);
        $(el, '[data-action="to-plan"]')!.click();
        await settle(el);
        $(el, '[data-action="what-if"]')!.click();
        await settle(el);
        checked += el.shadowRoot!.querySelectorAll('[data-what-if] select').length;
        clipped.push(...clippedAnswers(el).map((c) => `${scenario.id}: ${c}`));
      }
      expect(checked, 'what-if controls looked at').to.be.greaterThan(bundledScenarios.length * 3);
      expect(clipped, clipped.join('\n')).to.deep.equal([]);
    });
  }

  it('Greenlandic story: one interpreter-review mark for the marked title and story, not one each', async () => {
    const { el } = await makeGuide('kl');
    await openScenario(el, 'greenlandic-shelter-ptsd');
    await settle(el);
    const section = $(el, 'section[aria-labelledby="story-heading"]')!;
    expect(section.querySelectorAll('.review-mark').length).to.equal(1);
    expect(section.querySelector('.story .review-mark')).to.not.equal(null);
    // a scenario whose story is Danish (no kl story) keeps the mark on its Greenlandic title
    await openScenario(el, 'mother-alcohol-two-children');
    await settle(el);
    const other = $(el, 'section[aria-labelledby="story-heading"]')!;
    expect(other.querySelectorAll('.review-mark').length).to.equal(1);
    expect(other.querySelector('h3 .review-mark')).to.not.equal(null);
  });

  it('the flow diagram has a node per question state, generated from the machine, and lights the path so far', async () => {
    const { el, guide } = await makeGuide('en');
    await openScenario(el, 'refugee-torture-cannabis-clinic-refused');
    const p = el.activePlayer!;
    while (!(p.step.kind === 'question' && p.step.questionId === 'refusal' && !p.step.revealed)) p.next();
    await press('d');
    await settle(el);
    const diagram = $(el, 'referral-flow-diagram')!.shadowRoot!;
    const questionStates = Object.values(referralMachine.root.states)
      .filter((s) => (s.meta as { questionId?: string } | undefined)?.questionId)
      .map((s) => s.key);
    expect(questionStates.length).to.equal(14);
    const nodes = [...diagram.querySelectorAll<SVGGElement>('[data-node]')].map((n) => n.dataset.node);
    for (const id of questionStates) expect(nodes, id).to.include(id);
    expect(nodes).to.include('complete');
    expect(nodes).to.include('acuteWarning');

    const lit = [...diagram.querySelectorAll<SVGGElement>('[data-node].lit')].map((n) => n.dataset.node);
    expect(lit).to.deep.equal(['acute', 'age', 'substances', 'mental-health', 'trauma', 'trauma-origin', 'psychiatric-admission']);
    expect(diagram.querySelector<SVGGElement>('[data-node].current')!.dataset.node).to.equal('refusal');
    const litEdges = [...diagram.querySelectorAll<SVGGElement>('[data-edge].lit')].map((e) => e.dataset.edge);
    expect(litEdges).to.include('trauma-origin->psychiatric-admission');
    expect(litEdges).to.include('psychiatric-admission->refusal');
    expect(litEdges).to.not.include('acute->acuteWarning');
    expect(diagram.querySelector('desc')!.textContent).to.contain('Now: Refusal');
    await expectNoSeriousAxe(guide, 'diagram');

    // Acute path: the warning is lit between "acute" and "age".
    await openScenario(el, 'acute-suicidal-then-continue');
    const q = el.activePlayer!;
    while (!(q.step.kind === 'question' && q.step.questionId === 'age' && !q.step.revealed)) q.next();
    await press('d');
    await settle(el);
    const d2 = $(el, 'referral-flow-diagram')!.shadowRoot!;
    expect([...d2.querySelectorAll<SVGGElement>('[data-node].lit')].map((n) => n.dataset.node)).to.deep.equal(['acute', 'acuteWarning']);
    expect([...d2.querySelectorAll<SVGGElement>('[data-edge].lit')].map((e) => e.dataset.edge)).to.deep.equal([
      'acute->acuteWarning',
      'acuteWarning->age',
    ]);
  });

  it('what if through the UI: change an answer, see what changed, reset to the case', async () => {
    const { el, guide } = await makeGuide('en');
    await openScenario(el, 'greenlandic-shelter-ptsd');
    $(el, '[data-action="to-plan"]')!.click();
    await settle(el);
    expect($(el, '[data-compare] .summary')!.dataset.matches).to.equal('true');
    await expectNoSeriousAxe(guide, 'plan');
    $(el, '[data-action="what-if"]')!.click();
    await settle(el);
    // The plan stays on screen beside the answers before anything is changed.
    expect($(el, '.what-if-result [data-compare]'), 'the plan, before any change').to.not.equal(null);
    const select = $<HTMLSelectElement>(el, '#wi-children')!;
    select.value = 'yes';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    expect($(el, '[data-changes] [data-question="children"]')!.textContent).to.contain('Children');
    expect($(el, '[data-plan-diff]')!.textContent).to.contain('Children: stricter duty to report');
    expect($(el, '[data-live]')!.textContent).to.contain('+ Children');
    await expectNoSeriousAxe(guide, 'what-if');
    $(el, '[data-action="reset"]')!.click();
    await settle(el);
    expect($(el, '[data-diff]') === null, 'no diff after reset').to.equal(true);
    expect($(el, '[data-diff-empty]') !== null).to.equal(true);
    expect($<HTMLSelectElement>(el, '#wi-children')!.value).to.equal('no');
  });

  it('opens a scenario file from the file picker; a malformed one is refused with a referral-error in the user’s language', async () => {
    const { el, guide } = await makeGuide('da');
    const errors: CustomEvent[] = [];
    guide.addEventListener('referral-error', (e) => errors.push(e as CustomEvent));
    const input = $<HTMLInputElement>(el, '#scenario-file')!;
    const pick = async (text: string) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'scenario.json', { type: 'application/json' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 20 && errors.length === 0 && !el.activePlayer; i++) await new Promise((r) => setTimeout(r, 20));
      await settle(el);
    };
    const bad = { ...bundledScenarios[0], answers: { ...bundledScenarios[0].answers, housing: 'castle' } };
    await pick(JSON.stringify(bad));
    expect(errors.length).to.equal(1);
    expect(errors[0].detail.code).to.equal('invalid-scenario');
    expect(errors[0].detail.message).to.contain('»answers.housing«');
    expect(errors[0].detail.message).to.contain('Scenariet kunne ikke bruges');
    expect(errors[0].detail.issues[0].path).to.deep.equal(['answers', 'housing']);
    expect($(el, '[role="alert"]')!.textContent).to.contain('»answers.housing«');
    expect(el.activePlayer === null, 'no scenario opened').to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[data-scenario]').length, 'the library stays usable').to.equal(bundledScenarios.length);
    await expectNoSeriousAxe(guide, 'library with an error');

    const own = { ...bundledScenarios[2], id: 'my-own-case', title: { da: 'Min egen sag', en: 'My own case' } };
    await pick(JSON.stringify(own));
    expect(el.activePlayer!.scenario.id).to.equal('my-own-case');
    expect($(el, '#heading')!.textContent).to.contain('Min egen sag');
    expect($(el, '[role="alert"]') === null, 'the error is gone').to.equal(true);
  });

  // The fixture is served as .txt: the test server turns .json files into JS modules.
  it('opens the `scenario` attribute’s URL; refuses a missing file and another origin without breaking', async () => {
    const errors: CustomEvent[] = [];
    document.addEventListener('referral-error', (e) => errors.push(e as CustomEvent));
    const { el } = await makeGuide('en', 'scenario=/test/training/fixtures/own-scenario.txt');
    for (let i = 0; i < 50 && !el.activePlayer; i++) await new Promise((r) => setTimeout(r, 20));
    await settle(el);
    expect(el.activePlayer?.scenario.id).to.equal('fixture-own-scenario');

    const { el: el2 } = await makeGuide('en', 'scenario=/test/training/fixtures/missing.json');
    for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await settle(el2);
    expect(errors.at(-1)!.detail.message).to.contain('could not be loaded');
    expect(el2.shadowRoot!.querySelectorAll('[data-scenario]').length).to.equal(bundledScenarios.length);

    const { el: el3 } = await makeGuide('en', 'scenario=https://elsewhere.example/scenario.json');
    for (let i = 0; i < 50 && errors.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await settle(el3);
    expect(errors.at(-1)!.detail.message).to.contain('same website');
  });

  it('opens a shared link (#scenario=…) and refuses a damaged one; Copy link makes such a link', async () => {
    const original = location.href;
    try {
      const shared = { ...bundledScenarios[5], id: 'shared-case', title: { da: 'Delt sag', en: 'Shared case' } };
      history.replaceState(null, '', `#scenario=${await encodeScenario(shared)}`);
      const { el } = await makeGuide('en');
      for (let i = 0; i < 50 && !el.activePlayer; i++) await new Promise((r) => setTimeout(r, 20));
      await settle(el);
      expect(el.activePlayer?.scenario.id).to.equal('shared-case');
      expect($(el, '.stage') !== null).to.equal(true);

      // Copy link: the clipboard or, if the browser refuses, a field with the link to copy by hand.
      $(el, '[data-action="copy-link"]')!.click();
      for (let i = 0; i < 50 && !$(el, '[role="status"], #link-text'); i++) await new Promise((r) => setTimeout(r, 20));
      await settle(el);
      const fallback = $<HTMLTextAreaElement>(el, '#link-text');
      const link = fallback ? fallback.value : await navigator.clipboard.readText().catch(() => '');
      if (link) expect(decodeURIComponent(new URL(link).hash)).to.match(/^#scenario=z[A-Za-z0-9_-]+$/);

      const errors: CustomEvent[] = [];
      document.addEventListener('referral-error', (e) => errors.push(e as CustomEvent));
      history.replaceState(null, '', '#scenario=zNOT-A-SCENARIO');
      const { el: el2 } = await makeGuide('en');
      for (let i = 0; i < 50 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      await settle(el2);
      expect(errors[0].detail.code).to.equal('invalid-scenario');
      expect($(el2, '[role="alert"]')!.textContent).to.contain('damaged');
      expect(el2.activePlayer === null, 'no scenario opened').to.equal(true);
    } finally {
      history.replaceState(null, '', original);
    }
  });
});
