/**
 * Findings of the outside attack run (issue 13) about embedding, with the builds editors embed:
 *
 * - Trusted Types: a policy that allows no name (`trusted-types 'none'`) left a blank box; a
 *   policy that allows `lit-html` once threw "Policy with name lit-html already exists" when the
 *   script was loaded twice;
 * - embed.html: a foreign page that framed it and named itself in `?origin=` received every
 *   event, the plan included.
 *
 * Each test failed before the fix and passes after it.
 */
import { expect } from '@open-wc/testing';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import enStartup from '../../locales/en/startup.json';
import { DUAL_HOMELESS, deepText, driveToPlan, frame, until } from './drive.ts';

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

const recorded = (doc: Document, name: 'errors' | 'events') => JSON.parse(doc.documentElement.getAttribute(`data-${name}`) || '[]');

describe('embedding under Trusted Types', function () {
  this.timeout(30_000);

  for (const build of ['iife', 'es']) {
    it(`a policy that allows no name: the ${build} build says it cannot start, and why, with referral-error`, async () => {
      const iframe = await frame(`/__embed/pages/tt-none-${build}.html`);
      const doc = iframe.contentDocument!;
      const guide = doc.querySelector('referral-guide')!;
      const shown = await until('the message', () => guide.shadowRoot?.querySelector<HTMLElement>('[data-startup-failure="blocked"]'), 10_000);
      expect(shown.getAttribute('role')).to.equal('alert');
      expect(deepText(shown)).to.contain(enStartup.heading);
      expect(deepText(shown)).to.contain(enStartup.blocked);
      // Visible: a box with some height, not a blank area.
      expect(shown.getBoundingClientRect().height).to.be.greaterThan(30);
      await until('the event', () => recorded(doc, 'events').length > 0);
      const [event] = recorded(doc, 'events');
      expect(event.code).to.equal('embedding');
      expect(event.message).to.equal(enStartup.blocked);
      expect(event.issues[0].code).to.equal('blocked');
    });
  }

  it('a policy that allows lit-html once: the script loaded twice and the ES entry on top are harmless', async () => {
    const iframe = await frame('/__embed/pages/tt-lit-twice.html');
    const doc = iframe.contentDocument!;
    const guide = await until('the guide', () => {
      const g = doc.querySelector('referral-guide') as ReferralGuide | null;
      return g?.shadowRoot?.querySelector('[data-screen]') ? g : null;
    }, 10_000);
    // The ES entry has run too (modules run after the classic scripts).
    await until('the module loaded', () =>
      (iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[]).some((e) => e.name.endsWith('/referral-guide.js')),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(recorded(doc, 'errors')).to.deep.equal([]);
    const plan = await driveToPlan(guide, DUAL_HOMELESS);
    expect(deepText(plan)).to.contain('Municipal substance treatment');
    expect(recorded(doc, 'errors')).to.deep.equal([]);
    expect(recorded(doc, 'events')).to.deep.equal([]);
    // The page's own factory is back: a second lit-html policy is refused as the page's policy says.
    expect(() => (iframe.contentWindow as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }).trustedTypes.createPolicy('lit-html', {})).to.throw();
  });
});

describe('embed.html: the parent origins the operator allows', function () {
  this.timeout(20_000);

  /** embed.html from the *other* host name of this server: a different origin from this page. */
  function foreignFrame(query: string) {
    const messages: Array<{ type: string; origin: string }> = [];
    const iframe = document.createElement('iframe');
    const listener = (e: MessageEvent) => {
      if (e.source === iframe.contentWindow) messages.push({ type: (e.data as { type: string }).type, origin: e.origin });
    };
    window.addEventListener('message', listener);
    const host = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const embedOrigin = `http://${host}:${location.port}`;
    // test-csp: without frame-ancestors, as on a server that forgot it, so the page's own check is what is tested.
    iframe.src = `${embedOrigin}/embed.html?lang=en&origin=${encodeURIComponent(location.origin)}&test-csp=no-frame-ancestors${query}`;
    iframe.style.cssText = 'width: 800px; height: 600px; border: 0';
    const loaded = new Promise((r) => iframe.addEventListener('load', r, { once: true }));
    document.body.append(iframe);
    return { messages, loaded, embedOrigin, done: () => window.removeEventListener('message', listener) };
  }

  it('a page not on the list that frames embed.html and names itself in ?origin= hears nothing', async () => {
    const framed = foreignFrame('');
    try {
      await framed.loaded;
      // Long enough for referral-ready and referral-resize, which need no interaction.
      await new Promise((r) => setTimeout(r, 2500));
      expect(framed.messages).to.deep.equal([]);
    } finally {
      framed.done();
    }
  });

  it('a page on the list (the operator’s meta in embed.html) hears the guide', async () => {
    const framed = foreignFrame(`&test-parents=${encodeURIComponent(`https://intranet.example.dk ${location.origin}`)}`);
    try {
      await framed.loaded;
      await until('referral-ready', () => framed.messages.some((m) => m.type === 'referral-ready'), 10_000);
      expect(framed.messages.every((m) => m.origin === framed.embedOrigin)).to.equal(true);
    } finally {
      framed.done();
    }
  });

  it('ships with an empty list, and frame-ancestors guidance in the page', async () => {
    const text = await (await fetch('/embed.html')).text();
    expect(text).to.match(/<meta name="referral-guide-parents" content="" \/>/);
    expect(text).to.contain('frame-ancestors');
  });
});
