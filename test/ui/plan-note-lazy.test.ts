/**
 * Issue 14: the See-plan click paints the plan without the print-only note (a second rendering
 * of the whole plan); the note follows when the browser is idle, and is there before anything
 * prints: the plan's Print button and the browser's own Print (beforeprint) render it first.
 * While the answers are checked, the plan is rendered hidden once (Lit's templates, the plan's
 * styles and view ready), so See plan only has to show it.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { DUAL_HOMELESS, deepText, driveToPlan, screenOf } from '../embed/drive.ts';

/** Answers everything, and stops on the review page (driveToPlan stops on the plan). */
async function toReview(): Promise<ReferralGuide> {
  const guide = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
  await guide.updateComplete;
  const answers = { ...DUAL_HOMELESS };
  const CustomEvent = window.CustomEvent;
  for (let i = 0; i < 40 && screenOf(guide)?.dataset.screen !== 'review'; i++) {
    const screen = screenOf(guide)!;
    if (screen.dataset.screen === 'question') {
      const id = screen.question!.id;
      screen.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: id, value: answers[id] } }));
    } else screen.dispatchEvent(new CustomEvent('rg-continue'));
    await guide.updateComplete;
    await screenOf(guide)?.updateComplete;
  }
  expect(screenOf(guide)?.dataset.screen).to.equal('review');
  return guide;
}

const note = (guide: ReferralGuide) => guide.shadowRoot!.querySelector('referral-note');
async function until(ok: () => boolean, timeout = 5000) {
  const start = performance.now();
  while (!ok()) {
    if (performance.now() - start > timeout) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
/**
 * Lets the guide render the plan after See plan, in microtasks only (Lit updates in microtasks;
 * the note waits for a frame or a timer, so it cannot come in between).
 */
async function planRendered(guide: ReferralGuide) {
  for (let i = 0; i < 50 && screenOf(guide)?.dataset.screen !== 'plan'; i++) await Promise.resolve();
  await screenOf(guide)?.updateComplete;
}

describe('the plan before its print-only note', () => {
  it('See plan renders the plan first; the note follows without a click, in the note language (Danish by default)', async () => {
    const guide = await toReview();
    screenOf(guide)!.dispatchEvent(new CustomEvent('rg-confirm'));
    await planRendered(guide);
    expect(screenOf(guide)?.dataset.screen).to.equal('plan');
    expect(note(guide), 'no note in the frame that paints the plan').to.equal(null);
    await guide.updateComplete;
    const shown = note(guide);
    expect(shown, 'the note once the browser is idle').to.not.equal(null);
    await (shown as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(deepText(shown!)).to.contain('Rusmiddelbehandling – kommunen');
  });

  it("the plan's Print button prints only once the note is rendered", async () => {
    const guide = await toReview();
    const printed: string[] = [];
    const original = window.print;
    window.print = () => printed.push(note(guide) ? deepText(note(guide)!) : '(no note)');
    try {
      screenOf(guide)!.dispatchEvent(new CustomEvent('rg-confirm'));
      await planRendered(guide);
      expect(note(guide)).to.equal(null);
      screenOf(guide)!.dispatchEvent(new CustomEvent('rg-print'));
      await guide.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
      expect(printed).to.have.length(1);
      expect(printed[0]).to.contain('Rusmiddelbehandling – kommunen');
    } finally {
      window.print = original;
    }
  });

  it('while the answers are checked the plan is rendered hidden and inert for a moment, then removed; See plan shows one plan', async () => {
    const guide = await toReview();
    const seen: { inert: boolean; hidden: boolean; screen: boolean }[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes)
          if (n instanceof HTMLElement && n.querySelector('referral-plan'))
            seen.push({ inert: n.inert, hidden: n.hidden === true, screen: n.querySelector('referral-plan')!.hasAttribute('data-screen') });
    });
    observer.observe(guide.shadowRoot!, { childList: true, subtree: true });
    const plans = () => [...guide.shadowRoot!.querySelectorAll('referral-plan')];
    try {
      await until(() => seen.length > 0);
      await until(() => plans().length === 0);
    } finally {
      observer.disconnect();
    }
    expect(seen[0]).to.deep.equal({ inert: true, hidden: true, screen: false });
    expect(screenOf(guide)?.dataset.screen).to.equal('review');
    screenOf(guide)!.dispatchEvent(new CustomEvent('rg-confirm'));
    await guide.updateComplete;
    expect(plans()).to.have.length(1);
    expect(plans()[0].dataset.screen).to.equal('plan');
    expect(plans()[0].getClientRects().length).to.be.above(0);
  });

  it("the browser's own Print (beforeprint) renders the note before the page is laid out", async () => {
    const guide = await toReview();
    screenOf(guide)!.dispatchEvent(new CustomEvent('rg-confirm'));
    await planRendered(guide);
    expect(note(guide)).to.equal(null);
    window.dispatchEvent(new Event('beforeprint'));
    // beforeprint from the browser runs its microtasks before printing: Lit renders in them.
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(note(guide), 'the note after beforeprint').to.not.equal(null);
    await driveToPlan(guide, DUAL_HOMELESS);
  });
});
