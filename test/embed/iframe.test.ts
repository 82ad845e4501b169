/**
 * The iframe fallback (embed.html): the guide on a page of its own, its events forwarded to the
 * embedding page with postMessage in the documented shape, only to the allowed origin, under
 * a strict Content-Security-Policy.
 */
import { expect } from '@open-wc/testing';
import { referralPlanSchema } from '../../machines/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { DUAL_HOMELESS, deepText, driveToPlan } from './drive.ts';

interface GuideMessage {
  source: string;
  version: number;
  type: string;
  detail: Record<string, unknown>;
}

/** An embed.html iframe, and every message it sends to this page. */
function embed(query: string) {
  const messages: Array<{ data: GuideMessage; origin: string }> = [];
  const iframe = document.createElement('iframe');
  iframe.title = 'Henvisningsguide';
  iframe.style.cssText = 'width: 800px; height: 600px; border: 0';
  const listener = (e: MessageEvent) => {
    if (e.source === iframe.contentWindow) messages.push({ data: e.data as GuideMessage, origin: e.origin });
  };
  window.addEventListener('message', listener);
  iframe.src = `/embed.html?${query}`;
  document.body.append(iframe);
  const waitFor = async (type: string, timeout = 8000) => {
    const start = performance.now();
    for (;;) {
      const found = messages.find((m) => m.data.type === type);
      if (found) return found;
      if (performance.now() - start > timeout) throw new Error(`no ${type} message; got ${messages.map((m) => m.data.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const guide = async () => {
    for (let i = 0; i < 400; i++) {
      const g = iframe.contentDocument?.querySelector('referral-guide') as ReferralGuide | null;
      if (g?.shadowRoot?.querySelector('[data-screen]')) return g;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the guide never rendered in the frame');
  };
  const done = () => {
    window.removeEventListener('message', listener);
    iframe.remove();
  };
  return { iframe, messages, waitFor, guide, done };
}

describe('embed.html (iframe fallback)', () => {
  it('reports the frame’s height once, when the guide is on screen: the host page does not jump on load', async () => {
    const frame = embed(`lang=da&config=/__embed/configs/odense&origin=${encodeURIComponent(location.origin)}`);
    try {
      await frame.waitFor('referral-ready');
      const guide = await frame.guide();
      await guide.configLoaded;
      await new Promise((r) => setTimeout(r, 600));
      const heights = frame.messages.filter((m) => m.data.type === 'referral-resize').map((m) => (m.data.detail as { height: number }).height);
      const shown = Math.ceil(frame.iframe.contentDocument!.getElementById('guide')!.getBoundingClientRect().height);
      expect(heights, `heights reported on load: ${heights.join(' → ')}`).to.deep.equal([shown]);
      const first = frame.messages.findIndex((m) => m.data.type === 'referral-resize');
      const ready = frame.messages.findIndex((m) => m.data.type === 'referral-ready');
      expect(first, 'the first height comes with the guide on screen, not before').to.be.greaterThan(ready);
      // A later change (here the language) is reported once it has settled.
      guide.setAttribute('lang', 'kl');
      await guide.updateComplete;
      await new Promise((r) => setTimeout(r, 300));
      const after = frame.messages.filter((m) => m.data.type === 'referral-resize').map((m) => (m.data.detail as { height: number }).height);
      expect(after.at(-1)).to.equal(Math.ceil(frame.iframe.contentDocument!.getElementById('guide')!.getBoundingClientRect().height));
    } finally {
      frame.done();
    }
  });

  it('forwards ready, resize, step and complete to the allowed parent, in the documented shape', async () => {
    // The test server sends embed.html with a strict policy, as a careful host would.
    const csp = (await fetch('/embed.html')).headers.get('content-security-policy') ?? '';
    expect(csp).to.contain("script-src 'self'");
    const frame = embed(`lang=en&config=/__embed/configs/odense&origin=${encodeURIComponent(location.origin)}`);
    try {
      const ready = await frame.waitFor('referral-ready');
      expect(ready.origin).to.equal(location.origin);
      expect(ready.data).to.deep.equal({ source: 'referral-guide', version: 1, type: 'referral-ready', detail: { lang: 'en' } });
      const resize = await frame.waitFor('referral-resize');
      expect(resize.data.detail.height).to.be.greaterThan(200);
      const guide = await frame.guide();
      await guide.configLoaded;
      const plan = await driveToPlan(guide, DUAL_HOMELESS);
      expect(deepText(plan).includes('Behandlingscenter Odense')).to.equal(true);
      const step = await frame.waitFor('referral-step');
      expect(step.data.detail).to.include({ questionId: 'age', index: 2 });
      const complete = await frame.waitFor('referral-complete');
      expect(referralPlanSchema.safeParse(complete.data.detail).success).to.equal(true);
      expect((complete.data.detail.tracks as Array<{ service: string }>).map((t) => t.service)).to.include(
        'municipal-substance-treatment',
      );
      expect(frame.messages.every((m) => m.data.source === 'referral-guide' && m.data.version === 1)).to.equal(true);
    } finally {
      frame.done();
    }
  });

  it('reports a bad config file to the parent as referral-error', async () => {
    const frame = embed('lang=da&config=/__embed/configs/broken-config');
    try {
      const error = await frame.waitFor('referral-error');
      expect(error.data.detail.code).to.equal('invalid-config');
      expect(String(error.data.detail.message)).to.contain('»region«');
    } finally {
      frame.done();
    }
  });

  it('sends nothing when the embedding page is not the allowed origin, and still works', async () => {
    const frame = embed('lang=da&origin=https://intranet.example.dk');
    try {
      const guide = await frame.guide();
      await driveToPlan(guide, DUAL_HOMELESS);
      await new Promise((r) => setTimeout(r, 300));
      expect(frame.messages.map((m) => m.data.type)).to.deep.equal([]);
    } finally {
      frame.done();
    }
  });
});
