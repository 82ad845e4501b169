/**
 * Issue 14 (every click within 200 ms on a slow laptop), what the built ES entry does ahead of
 * the clicks: while the caseworker reads the first question, the screens chunk (check your
 * answers, the plan, the note) is fetched, so the steps into the answers and the plan wait for
 * no network; a prefetch that fails (a dropped request) changes nothing on screen, and the guide
 * fetches the screens again when it needs them.
 */
import { expect } from '@open-wc/testing';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { DUAL_HOMELESS, addScript, deepText, driveToPlan, frame, screenOf as screenElOf, until } from './drive.ts';

const screenOf = (guide: ReferralGuide) => screenElOf(guide)?.dataset.screen ?? null;

afterEach(() => {
  for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
});

/** The resource requests of a frame's document whose URL matches `pattern`. */
function requests(iframe: HTMLIFrameElement, pattern: RegExp): PerformanceResourceTiming[] {
  const entries = iframe.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return entries.filter((e) => pattern.test(e.name));
}

async function guideIn(iframe: HTMLIFrameElement, entry: string): Promise<ReferralGuide> {
  const doc = iframe.contentDocument!;
  await addScript(doc, entry, true);
  doc.body.innerHTML = '<referral-guide></referral-guide>';
  return until('the first question', () => {
    const guide = doc.querySelector('referral-guide') as ReferralGuide | null;
    return guide?.shadowRoot && screenOf(guide) === 'question' ? guide : null;
  });
}

const SCREENS_CHUNK = /\/chunks\/screens-[\w-]+\.js(?:\?|$)/;

describe('prefetch: what the next clicks need loads while the caseworker reads', () => {
  it('requests the screens chunk while the first question is on screen, before any Continue, and the plan then needs no request', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const guide = await guideIn(iframe, '/__embed/dist/referral-guide.js');
    const question = () => screenElOf(guide)?.question?.id;
    await until('the screens chunk requested', () => requests(iframe, SCREENS_CHUNK).length > 0);
    expect(screenOf(guide), 'still the first question: nobody has clicked').to.equal('question');
    expect(question()).to.equal('acute');
    expect(guide.snapshot.context.answers).to.deep.equal({});
    // Once it has arrived, the rest of the path asks the network for no script.
    await until('the screens defined', () => iframe.contentWindow!.customElements.get('referral-plan'));
    await until('the statechart loaded', () => guide.snapshot.value !== undefined && requests(iframe, /\/chunks\/machine-/).length > 0);
    await guide.updateComplete;
    const before = requests(iframe, /\.js$/).length;
    await driveToPlan(guide, DUAL_HOMELESS);
    expect(requests(iframe, /\.js$/).map((e) => e.name.replace(/^.*\//, '')).slice(before), 'scripts requested after the first question').to.deep.equal([]);
  });

  it('a failed prefetch changes nothing on screen; the guide fetches the screens again when it needs them and shows the plan', async () => {
    const iframe = await frame('/__embed/pages/blank.html');
    const token = `t${Math.random().toString(36).slice(2)}`;
    const guide = await guideIn(iframe, `/__embed/flaky/${token}/referral-guide.js`);
    const errors: string[] = [];
    const logged: string[] = [];
    const win = iframe.contentWindow as Window & typeof globalThis;
    const original = win.console.error;
    win.console.error = (...args: unknown[]) => { logged.push(args.map(String).join(' ')); original.apply(win.console, args); };
    guide.addEventListener('referral-error', (e) => errors.push((e as CustomEvent<{ code: string }>).detail.code));
    await until('the prefetch requested', () => requests(iframe, SCREENS_CHUNK).length > 0);
    // Give the failed import time to settle before the caseworker goes on.
    await new Promise((r) => setTimeout(r, 300));
    expect(screenOf(guide), 'the first question, no failure message').to.equal('question');
    expect(guide.shadowRoot!.querySelector('#failure-heading')).to.equal(null);
    const plan = await driveToPlan(guide, DUAL_HOMELESS).catch((e) => {
      throw new Error(`${e.message}; requests: ${requests(iframe, SCREENS_CHUNK).length}; logged: ${logged.join(' | ')}; shows: ${deepText(guide.shadowRoot!).slice(0, 200)}`);
    });
    expect(deepText(plan)).to.contain('Kommunal rusmiddelbehandling');
    expect(errors, 'referral-error events').to.deep.equal([]);
    expect(requests(iframe, SCREENS_CHUNK).length, 'the screens chunk was asked for twice').to.be.at.least(2);
    expect(logged, 'console errors').to.deep.equal([]);
  });
});
