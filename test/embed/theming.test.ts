/**
 * The theming contract (docs/embedding.md § 5): every public `--referral-*` property the widget
 * reads has a fallback and is documented; every private `--_*` it reads is defined (a typo
 * would silently fall back to the browser default); and a host's value reaches the widget.
 */
import { fixture, html, expect } from '@open-wc/testing';
import '../../src/index.ts';
import '../../src/screens.ts';
import '../../src/training/referral-training.ts';
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

  it('keeps the reader’s font size when the host sets a tiny root size, and takes --referral-font-size', async () => {
    const root = document.documentElement;
    const medium = document.createElement('div');
    medium.style.fontSize = 'medium';
    document.body.append(medium);
    const readerSize = parseFloat(getComputedStyle(medium).fontSize);
    medium.remove();
    root.style.fontSize = '9px';
    try {
      const guide = await fixture<ReferralGuide>(html`<referral-guide lang="da"></referral-guide>`);
      const question = screenOf(guide)!;
      await question.updateComplete;
      const frame = guide.shadowRoot!.querySelector('.frame')!;
      expect(parseFloat(getComputedStyle(frame).fontSize), 'the base size is the reader’s, not the root’s').to.equal(readerSize);
      const heading = question.shadowRoot!.querySelector('h2')!;
      expect(parseFloat(getComputedStyle(heading).fontSize), 'sizes inside follow the base').to.be.greaterThan(readerSize * 1.3);
      const submit = question.shadowRoot!.querySelector('button[type="submit"]')!;
      expect(parseFloat(getComputedStyle(submit).minHeight)).to.be.closeTo(readerSize * 2.75, 0.5);

      guide.style.setProperty('--referral-font-size', '20px');
      await guide.updateComplete;
      expect(getComputedStyle(frame).fontSize).to.equal('20px');
      expect(parseFloat(getComputedStyle(submit).minHeight)).to.be.closeTo(20 * 2.75, 0.5);
    } finally {
      root.style.fontSize = '';
    }
  });

  it('sizes nothing in rem in any of its elements, so a host’s root size never reaches inside', () => {
    const tags = [
      'referral-guide',
      'referral-question',
      'referral-review',
      'referral-acute',
      'referral-plan',
      'referral-note',
      'referral-clear-all',
      'referral-language-switch',
      'referral-training',
      'referral-flow-diagram',
    ];
    const withRem: string[] = [];
    for (const tag of tags) {
      const ctor = customElements.get(tag) as (CustomElementConstructor & { elementStyles?: Array<{ cssText?: string } | CSSStyleSheet> }) | undefined;
      expect(ctor?.elementStyles, `<${tag}> is defined with Lit styles`).to.be.an('array');
      for (const style of ctor!.elementStyles!) {
        const text = style instanceof CSSStyleSheet ? [...style.cssRules].map((r) => r.cssText).join('\n') : (style.cssText ?? '');
        for (const m of text.matchAll(/[\w-]+\s*:[^;{}]*\b\d*\.?\d+rem\b|@container[^{]*\d+rem/g)) withRem.push(`<${tag}> ${m[0].trim()}`);
      }
    }
    expect(withRem).to.deep.equal([]);
  });

  it('tints every surface from the host’s colours: a notice follows the primary colour', async () => {
    const plain = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
    const purple = await fixture<ReferralGuide>(html`<referral-guide lang="en" style="--referral-color-primary: rgb(107, 31, 79)"></referral-guide>`);
    // A notice box (the plan's notes, "restored", the dropped answers' kin) in each guide.
    // Channels 0–1 whether the browser says rgb(…) or color(srgb …) (color-mix results).
    const channels = (colour: string) => {
      const [r, g, b] = colour.match(/[\d.]+/g)!.map(Number);
      return colour.startsWith('color(') ? [r, g, b] : [r / 255, g / 255, b / 255];
    };
    const tint = (guide: ReferralGuide, tone: string) => {
      const box = document.createElement('div');
      box.className = `notice ${tone}`;
      guide.shadowRoot!.querySelector('.frame')!.append(box);
      const colour = getComputedStyle(box).backgroundColor;
      box.remove();
      return colour;
    };
    expect(tint(purple, ''), 'not the default blue').to.not.equal(tint(plain, ''));
    // 10 % of the primary colour on white: red and blue above green, as in the purple.
    const [r, g, b] = channels(tint(purple, ''));
    expect(r).to.be.greaterThan(g);
    expect(b).to.be.greaterThan(g);
    // A host's dark background reaches the tinted boxes too.
    purple.style.setProperty('--referral-color-background', 'rgb(0, 0, 0)');
    expect(Math.max(...channels(tint(purple, 'warning'))), 'the warning box is dark on a dark page').to.be.lessThan(0.5);
  });
});
