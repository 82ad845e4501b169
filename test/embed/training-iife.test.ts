/**
 * The two classic scripts as built for this run: referral-guide.iife.js (caseworkers: no training
 * mode, a message instead) and referral-guide-training.iife.js (trainers: everything), each in an
 * iframe of its own, as editors embed them; and the iframe page picking the right one.
 */
import { expect } from '@open-wc/testing';
import type { AxeResults, RunOptions } from 'axe-core';
import daUi from '../../locales/da/ui.json';
import enUi from '../../locales/en/ui.json';
import klUi from '../../locales/kl/ui.json';
import type { ReferralErrorDetail } from '../../src/events/referral-error.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { bundledScenarios } from '../../src/training/scenarios/index.ts';
import { DUAL_HOMELESS, addScript, deepText, driveToPlan, frame, until } from './drive.ts';

const LEAN = '/__embed/dist/referral-guide.iife.js';
const TRAINING = '/__embed/dist/referral-guide-training.iife.js';
const UI = { da: daUi, en: enUi, kl: klUi };

/** The message as the locale data says it, with the file names the element puts in. */
function expected(lang: keyof typeof UI) {
  const names: Record<string, string> = {
    file: 'referral-guide.iife.js',
    training: 'referral-guide-training.iife.js',
    module: 'referral-guide.js',
    iframe: 'embed.html?mode=training',
  };
  const t = UI[lang].errors.trainingUnavailable;
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => names[name]);
  return { heading: t.heading, body: fill(t.body), fix: fill(t.fix) };
}

/** The `<referral-training>` inside a guide, once it has rendered `selector` in its shadow root. */
function trainingShows(guide: Element, selector: string): Promise<Element> {
  return until(`${selector} in <referral-training>`, () => {
    const training = guide.shadowRoot?.querySelector('referral-training');
    return training?.shadowRoot?.querySelector(selector) ? training : null;
  });
}

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

describe('the caseworkers’ classic script (referral-guide.iife.js) in training mode', () => {
  it('says in the widget’s language which file has training mode, and fires referral-error once per guide', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    const heard: Array<{ detail: ReferralErrorDetail; target: EventTarget | null; bubbles: boolean; composed: boolean }> = [];
    doc.addEventListener('referral-error', (e) => {
      const { detail, target, bubbles, composed } = e as CustomEvent<ReferralErrorDetail>;
      heard.push({ detail, target, bubbles, composed });
    });
    await addScript(doc, LEAN);
    doc.body.innerHTML = ['da', 'en', 'kl'].map((l) => `<referral-guide mode="training" lang="${l}"></referral-guide>`).join('');
    const guides = [...doc.querySelectorAll('referral-guide')] as ReferralGuide[];
    const onGuide: string[] = [];
    guides[0].addEventListener('referral-error', (e) => onGuide.push((e as CustomEvent<ReferralErrorDetail>).detail.code));

    for (const [i, lang] of (['da', 'en', 'kl'] as const).entries()) {
      const training = await trainingShows(guides[i], '[data-training-unavailable]');
      const notice = training.shadowRoot!.querySelector('[data-training-unavailable]')!;
      const text = expected(lang);
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.getAttribute('lang')).to.equal(lang);
      expect(notice.querySelector('h2')!.textContent).to.equal(text.heading);
      expect(deepText(notice)).to.contain(text.body).and.contain(text.fix);
      expect(deepText(notice)).to.contain('referral-guide-training.iife.js');
      // File names as code, which is never hyphenated ("embed.html?mo-de=training" in Firefox).
      const code = [...notice.querySelectorAll('code')];
      expect(code.map((c) => c.textContent)).to.deep.equal(['referral-guide.iife.js', 'referral-guide-training.iife.js', 'referral-guide.js', 'embed.html?mode=training']);
      for (const c of code) expect(getComputedStyle(c).hyphens, c.textContent!).to.equal('none');
      // The guide's own chrome is still there (name and language switch).
      expect(guides[i].shadowRoot!.querySelector('referral-language-switch')).to.not.equal(null);
    }
    await until('three referral-error events', () => heard.length >= 3);
    expect(heard.map((h) => h.target)).to.deep.equal(guides);
    for (const [i, lang] of (['da', 'en', 'kl'] as const).entries()) {
      const text = expected(lang);
      expect(heard[i].detail).to.deep.equal({ code: 'training-unavailable', message: `${text.body} ${text.fix}` });
      expect(heard[i].bubbles && heard[i].composed).to.equal(true);
    }
    expect(onGuide).to.deep.equal(['training-unavailable']);
    expect(heard[1].detail.message).to.contain('Whoever put the guide on this page');

    // Switching the guide's language re-words the message; it is not reported again.
    guides[0].setAttribute('lang', 'en');
    await until('the message in English', () => deepText(guides[0]).includes(expected('en').heading));
    expect(deepText(guides[0])).to.not.contain(expected('da').heading);
    expect(heard.length).to.equal(3);
  });

  it('the message passes axe, and the guide mode of the same file completes a plan', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    await addScript(doc, LEAN);
    await addScript(doc, '/node_modules/axe-core/axe.min.js');
    doc.body.innerHTML = '<main><referral-guide mode="training" lang="da"></referral-guide><referral-guide lang="da"></referral-guide></main>';
    const [training, guide] = [...doc.querySelectorAll('referral-guide')] as ReferralGuide[];
    await trainingShows(training, '[data-training-unavailable]');
    const axe = (iframe.contentWindow as unknown as { axe: { run(el: Element, o: RunOptions): Promise<AxeResults> } }).axe;
    const result = await axe.run(training, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).to.deep.equal([]);
    expect(result.passes.some((p) => p.id === 'color-contrast')).to.equal(true);
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    expect(deepText(plan)).to.contain('Kommunal rusmiddelbehandling');
  });
});

describe('the trainers’ classic script (referral-guide-training.iife.js)', () => {
  it('renders the real training element with the scenario library, and reports nothing', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    const codes: string[] = [];
    doc.addEventListener('referral-error', (e) => codes.push((e as CustomEvent<ReferralErrorDetail>).detail.code));
    await addScript(doc, TRAINING);
    doc.body.innerHTML = '<referral-guide mode="training" lang="en"></referral-guide>';
    const training = await trainingShows(doc.querySelector('referral-guide')!, 'li[data-scenario]');
    const items = training.shadowRoot!.querySelectorAll('li[data-scenario]');
    expect(items.length).to.equal(bundledScenarios.length);
    expect(deepText(training)).to.contain(bundledScenarios[0].title.en);
    expect(training.shadowRoot!.querySelector('[data-training-unavailable]')).to.equal(null);
    expect(codes).to.deep.equal([]);
  });

  for (const order of [
    [LEAN, TRAINING],
    [TRAINING, LEAN],
  ]) {
    it(`on one page with the caseworkers’ file (${order.map((s) => s.split('/').pop()).join(', then ')}), training mode is the real one`, async () => {
      const iframe = await frame('/__embed/pages/blank.html');
      const doc = iframe.contentDocument!;
      const errors: string[] = [];
      iframe.contentWindow!.addEventListener('error', (e) => errors.push(String(e.message)));
      for (const src of order) await addScript(doc, src);
      doc.body.innerHTML = '<referral-guide mode="training" lang="da"></referral-guide>';
      const training = await trainingShows(doc.querySelector('referral-guide')!, 'li[data-scenario]');
      expect(deepText(training)).to.contain(bundledScenarios[0].title.da);
      expect(errors).to.deep.equal([]);
    });
  }
});

describe('what is in which file', () => {
  it('no scenario is in the caseworkers’ file, every one is in the trainers’ file; the message only in the former', async () => {
    const [lean, full, es] = await Promise.all(
      [LEAN, TRAINING, '/__embed/dist/referral-guide.js'].map((src) => fetch(src).then((r) => r.text())),
    );
    expect(bundledScenarios.length).to.be.greaterThan(10);
    for (const scenario of bundledScenarios) {
      for (const title of [scenario.title.da, scenario.title.en]) {
        expect(full.includes(title), `“${title}” in the training file`).to.equal(true);
        expect(lean.includes(title), `“${title}” in the caseworkers’ file`).to.equal(false);
      }
    }
    expect(full.includes(UI.da.errors.trainingUnavailable.heading)).to.equal(false);
    expect(es.includes(UI.da.errors.trainingUnavailable.heading)).to.equal(false);
    expect(lean.includes(UI.da.errors.trainingUnavailable.heading)).to.equal(true);
    expect(lean.length).to.be.lessThan(full.length * 0.8);
  });
});

describe('embed.html picks the file by mode', () => {
  const scripts = (iframe: HTMLIFrameElement) =>
    (iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.iife.js'));

  it('mode=training: the trainers’ file and the scenario library; otherwise the caseworkers’ file', async () => {
    const trainer = await frame('/embed.html?lang=en&mode=training');
    const training = await trainingShows(
      await until('the guide', () => trainer.contentDocument!.querySelector('referral-guide')),
      'li[data-scenario]',
    );
    expect(training.shadowRoot!.querySelectorAll('li[data-scenario]').length).to.equal(bundledScenarios.length);
    expect(scripts(trainer)).to.deep.equal(['/dist/referral-guide-training.iife.js']);
    trainer.remove();

    const caseworker = await frame('/embed.html?lang=en');
    const guide = await until('the rendered guide', () => {
      const g = caseworker.contentDocument!.querySelector('referral-guide');
      return g?.shadowRoot?.querySelector('[data-screen]') ? g : null;
    });
    expect(deepText(guide)).to.contain('Referral guide');
    expect(scripts(caseworker)).to.deep.equal(['/dist/referral-guide.iife.js']);
  });
});
