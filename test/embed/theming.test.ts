/**
 * The theming contract (docs/embedding.md § 5): every public `--referral-*` property the widget
 * reads has a fallback and is documented; every private `--_*` it reads is defined (a typo
 * would silently fall back to the browser default); and a host's value reaches the widget.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import { DUAL_HOMELESS, driveToPlan, screenOf } from './drive.ts';

/** The CSS text of every shadow root under `node` (adopted style sheets, as Lit uses them). */
function shadowCss(node: Element, out: string[] = []): string[] {
  const root = node.shadowRoot;
  if (root) {
    for (const sheet of root.adoptedStyleSheets) out.push([...sheet.cssRules].map((r) => r.cssText).join('\n'));
    root.querySelectorAll('*').forEach((el) => shadowCss(el, out));
  }
  return out;
}

describe('theming tokens', () => {
  it('has a fallback and documentation for every --referral-* and a definition for every --_*', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="en" .config=${{ notes: ['n'] }}></referral-guide>`);
    const sheets = new Set(shadowCss(guide));
    await driveToPlan(guide, DUAL_HOMELESS);
    for (const css of shadowCss(guide)) sheets.add(css);
    const css = [...sheets].join('\n');
    const docs = await (await fetch('/docs/embedding.md')).text();

    const publicUses = [...css.matchAll(/var\(\s*(--referral-[\w-]+)\s*([,)])/g)];
    expect(publicUses.length).to.be.greaterThan(15);
    for (const [, name, next] of publicUses) {
      expect(next, `${name} has no fallback`).to.equal(',');
      expect(docs.includes(`\`${name}\``), `${name} is not in docs/embedding.md`).to.equal(true);
    }
    const defined = new Set([...css.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !defined.has(name))).to.deep.equal([]);
  });

  it('lets a host colour the widget through a public property', async () => {
    const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da" style="--referral-color-primary: rgb(1, 2, 3)"></referral-guide>`);
    const question = screenOf(guide)!;
    await question.updateComplete;
    const submit = question.shadowRoot!.querySelector('button[type="submit"]')!;
    expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});
