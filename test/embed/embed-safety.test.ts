/**
 * What an intranet page can do to the widget, and the widget to the page, with the builds that
 * editors embed (dist/, built for this test run): the script loaded twice, no globals, two
 * independent guides, a hostile host page, and a strict Content-Security-Policy.
 */
import { fixture, html, expect } from '@open-wc/testing';
import i18next from 'i18next';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { referralPlanSchema } from '../../machines/index.ts';
import { DUAL_HOMELESS, addScript, deepText, driveToPlan, frame, screenOf, until } from './drive.ts';

function renderedGuide(doc: Document): Promise<ReferralGuide> {
  return until('a rendered guide', () => {
    const guide = doc.querySelector('referral-guide') as ReferralGuide | null;
    return guide?.shadowRoot?.querySelector('[data-screen]') ? guide : null;
  });
}

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

describe('embedding: the built scripts', () => {
  it('loads the single-file script twice and the ES entry on top without an error, and defines no global', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const win = iframe.contentWindow as Window & typeof globalThis;
    const doc = iframe.contentDocument!;
    const before = new Set(Object.getOwnPropertyNames(win));
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(String(e.message)));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    await addScript(doc, '/__embed/dist/referral-guide.iife.js');
    await addScript(doc, '/__embed/dist/referral-guide.iife.js?again');
    await addScript(doc, '/__embed/dist/referral-guide.js', true);
    doc.body.innerHTML = '<referral-guide lang="en"></referral-guide>';
    const guide = await renderedGuide(doc);
    expect(errors).to.deep.equal([]);
    expect(deepText(guide).includes('Referral guide')).to.equal(true);
    const added = Object.getOwnPropertyNames(win).filter((name) => !before.has(name));
    expect(added, 'new properties on window').to.deep.equal([]);
  });

  it('the ES entry in Danish shows every plan text (they come with the screens chunk, not the entry)', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    doc.documentElement.lang = 'da';
    await addScript(doc, '/__embed/dist/referral-guide.js', true);
    doc.body.innerHTML = '<referral-guide></referral-guide>';
    const plan = await driveToPlan(await renderedGuide(doc), DUAL_HOMELESS);
    const text = deepText(plan);
    expect(text).to.contain('Kommunal rusmiddelbehandling');
    // A text missing from the bundle shows as its key.
    expect(text).to.not.match(/\b(?:service|rule|flag|source|confidence|authority)\.[\w-]+\./);
  });

  it('the ES entry loads Greenlandic as a chunk of its own build, and the plan it sends is valid', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    doc.documentElement.lang = 'kl';
    await addScript(doc, '/__embed/dist/referral-guide.js', true);
    doc.body.innerHTML = '<referral-guide></referral-guide>';
    const guide = await renderedGuide(doc);
    // Danish (the fallback) may show for a moment; the kl chunk then takes over.
    await until('Greenlandic text', () => deepText(guide).includes('Innersuussinermut ilitsersuut'));
    const chunks = (iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/chunks/'));
    expect(chunks.some((p) => /\/chunks\/kl-ui-/.test(p)), chunks.join(', ')).to.equal(true);
    expect(chunks.some((p) => /\/chunks\/en-/.test(p)), 'English is not loaded for a Greenlandic page').to.equal(false);
    let detail: unknown = null;
    guide.addEventListener('referral-complete', (e) => (detail = (e as CustomEvent).detail));
    await driveToPlan(guide, DUAL_HOMELESS);
    await until('referral-complete', () => detail);
    expect(referralPlanSchema.safeParse(detail).success).to.equal(true);
  });
});

describe('embedding: a strict Content-Security-Policy', () => {
  for (const page of ['csp-iife.html', 'csp-es.html']) {
    it(`renders and completes a plan with no CSP violation (${page})`, async () => {
      const iframe = await frame(`/__embed/pages/${page}`);
      const doc = iframe.contentDocument!;
      const guide = await renderedGuide(doc);
      if (page === 'csp-iife.html') await guide.configLoaded;
      let plan = await driveToPlan(guide, DUAL_HOMELESS);
      // Change an answer so that others drop out: the "no longer apply" notice renders too.
      plan.dispatchEvent(new (iframe.contentWindow as unknown as typeof globalThis).CustomEvent('rg-edit', { detail: { questionId: 'mental-health' } }));
      await guide.updateComplete;
      const question = screenOf(guide)!;
      question.dispatchEvent(
        new (iframe.contentWindow as unknown as typeof globalThis).CustomEvent('rg-answer', { detail: { questionId: 'mental-health', value: 'none' } }),
      );
      await guide.updateComplete;
      expect(guide.shadowRoot!.querySelector('[data-dropped]'), 'the dropped-answers notice').to.not.equal(null);
      plan = await driveToPlan(guide, { ...DUAL_HOMELESS, 'mental-health': 'none' });
      if (page === 'csp-iife.html') {
        expect(deepText(plan).includes('Rusmiddelbehandling København')).to.equal(true);
      } else {
        await until('Greenlandic text', () => deepText(guide).includes('Innersuussinermut ilitsersuut'));
      }
      // The policy is really in force: an inline script is refused (and reported).
      const probe = doc.createElement('script');
      probe.textContent = 'document.documentElement.dataset.inline = "ran"; // csp-test-probe';
      doc.head.append(probe);
      await until('the probe violation', () => doc.documentElement.dataset.violations!.includes('dataset.inline'));
      expect(doc.documentElement.dataset.inline).to.equal(undefined);
      const violations = JSON.parse(doc.documentElement.dataset.violations!) as Array<{ sample: string; directive: string }>;
      const widget = violations.filter((v) => !v.sample.includes('dataset.inline'));
      expect(violations.length - widget.length, `the probe is reported: ${JSON.stringify(violations)}`).to.equal(1);
      expect(widget, JSON.stringify(widget)).to.deep.equal([]);
    });
  }
});

describe('embedding: host pages', () => {
  it('keeps two guides on one page independent', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <referral-guide id="a" lang="da"></referral-guide><referral-guide id="b" lang="en"></referral-guide>
    </div>`);
    const a = wrap.querySelector<ReferralGuide>('#a')!;
    const b = wrap.querySelector<ReferralGuide>('#b')!;
    const seen: string[] = [];
    wrap.addEventListener('referral-complete', (e) => seen.push((e.target as Element).id));
    await driveToPlan(a, DUAL_HOMELESS);
    expect(screenOf(a)!.dataset.screen).to.equal('plan');
    expect(screenOf(b)!.dataset.screen).to.equal('question');
    expect(b.plan).to.equal(null);
    expect(seen).to.deep.equal(['a']);
    expect(deepText(b).includes('Referral guide')).to.equal(true);
    expect(deepText(a).includes('Henvisningsguide')).to.equal(true);
  });

  it('is not changed by a hostile host page: global CSS, private token names, its own lang and i18next', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'fr', resources: { fr: { ui: { widget: { name: 'Guide pirate' } } } }, defaultNS: 'ui' });
    await i18next.init({ lng: 'fr', resources: { fr: { ui: { widget: { name: 'Guide pirate' } } } }, defaultNS: 'ui' });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/__embed/pages/hostile.css';
    const css = new Promise((resolve) => (link.onload = resolve));
    document.head.append(link);
    await css;
    try {
      const wrap = await fixture<HTMLElement>(html`<section lang="fr"><referral-guide></referral-guide></section>`);
      const guide = wrap.querySelector<ReferralGuide>('referral-guide')!;
      await guide.updateComplete;
      const question = screenOf(guide)!;
      await question.updateComplete;
      // The page's language is not one of ours: Danish, the default.
      expect(guide.language).to.equal('da');
      expect(deepText(guide).includes('Henvisningsguide')).to.equal(true);
      expect(deepText(guide).includes('pirate')).to.equal(false);
      const root = question.shadowRoot!;
      const submit = root.querySelector<HTMLElement>('button[type="submit"]')!;
      const heading = root.querySelector<HTMLElement>('#heading')!;
      const styleOf = (el: Element) => getComputedStyle(el);
      expect(styleOf(submit).display).to.not.equal('none');
      expect(styleOf(root.querySelector('input')!).display).to.not.equal('none');
      for (const el of [heading, submit]) {
        const s = styleOf(el);
        expect(s.color, el.localName).to.not.equal('rgb(255, 0, 255)');
        expect(s.fontFamily, el.localName).to.not.contain('Comic Sans');
        expect(s.textTransform, el.localName).to.equal('none');
        expect(s.letterSpacing, el.localName).to.equal('normal');
        expect(s.backgroundColor, el.localName).to.not.equal('rgb(0, 255, 0)');
      }
      expect(styleOf(submit).backgroundColor).to.equal('rgb(0, 89, 179)');
      // The guide still works, and never touched the page's i18next.
      await driveToPlan(guide, DUAL_HOMELESS);
      expect(i18next.language).to.equal('fr');
      expect(i18next.t('widget.name')).to.equal('Guide pirate');
      expect(host.t('widget.name')).to.equal('Guide pirate');
    } finally {
      link.remove();
    }
  });
});

describe('embedding: the ES entry without its chunks/ folder', () => {
  // Danish: the entry carries it; English and Greenlandic are chunks too, so without chunks/ an
  // English page gets this message in Danish (the fallback language).
  it('shows the first question, then the failure message, and tells the host once', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const doc = iframe.contentDocument!;
    doc.documentElement.lang = 'da';
    const events: Array<{ code: string; message: string }> = [];
    doc.addEventListener('referral-error', (e) => events.push((e as CustomEvent).detail));
    doc.body.innerHTML = '<referral-guide></referral-guide>';
    await addScript(doc, '/__embed/no-chunks/referral-guide.js', true);
    const guide = doc.querySelector('referral-guide') as ReferralGuide;
    await until('the first question', () => guide.shadowRoot?.querySelector('referral-question'));
    const failure = await until('the failure message', () => guide.shadowRoot!.querySelector<HTMLElement>('[data-failure]'));
    const da = (await import('../../locales/da/ui.json')).default;
    expect(failure.querySelector('h2')!.textContent!.trim()).to.equal(da.failure.heading);
    await until('the event', () => events.length > 0);
    expect(events.map((e) => e.code)).to.deep.equal(['internal']);
    expect(events[0].message).to.equal(da.failure.event);
    // Restart tries the chunks again (here they are still missing: the message and event again).
    failure.querySelector<HTMLButtonElement>('[data-failure-restart]')!.click();
    await until('a second attempt', () => events.length > 1);
    expect(events.map((e) => e.code)).to.deep.equal(['internal', 'internal']);
    await until('the failure message again', () => guide.shadowRoot!.querySelector('[data-failure]'));
  });
});
