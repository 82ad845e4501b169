/**
 * The referral note: the print stylesheet shows a clean note (no buttons, no language switch) in
 * the note's own language, actions first, within two A4 pages; "Copy note" puts the plain-text
 * journal note on the clipboard, with a manual-copy fallback and a `referral-error` when the
 * clipboard refuses.
 */
import { fixture, html, expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/index.ts';
import type { ReferralGuide } from '../../src/referral-guide.ts';
import daUi from '../../locales/da/ui.json';
import enUi from '../../locales/en/ui.json';
import klUi from '../../locales/kl/ui.json';
import { itExceptIn } from '../browser.ts';
import { activateButton, deepActive, deepText, press, screenEl, settle, tabTo, walkToReview, DUAL } from './helpers.ts';

async function planInEnglish(): Promise<ReferralGuide> {
  const el = await fixture<ReferralGuide>(html`<referral-guide lang="en"></referral-guide>`);
  await settle(el);
  await walkToReview(el, DUAL);
  await activateButton(el, enUi.nav.seePlan);
  return el;
}

/** Elements a reader can see (they have boxes), through every shadow root. */
function visible(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector) && el.getClientRects().length > 0) out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  return out;
}

describe('print', () => {
  it('hides the note on screen, where the plan and its buttons show', async () => {
    const el = await planInEnglish();
    const note = el.shadowRoot!.querySelector('referral-note')!;
    expect(note.getClientRects().length, 'the note is print-only').to.equal(0);
    expect(visible(el.shadowRoot!, 'button').length).to.be.greaterThan(3);
    expect(visible(el.shadowRoot!, 'referral-plan').length).to.equal(1);
  });

  // Puppeteer emulates the print medium over the Chrome DevTools Protocol only; WebDriver BiDi
  // has no command for it, so Firefox cannot be switched to print styles from a test.
  itExceptIn('firefox', 'puppeteer cannot emulate print media over WebDriver BiDi', 'prints a clean note in the note language, actions first, without buttons, within two A4 pages', async () => {
    const el = await planInEnglish();
    const note = el.shadowRoot!.querySelector('referral-note')!;
    try {
      // A4 at 96 dpi with 15 mm margins is about 680 × 1009 CSS pixels of content per page.
      await setViewport({ width: 680, height: 1009 });
      await emulateMedia({ media: 'print' });
      expect(visible(el.shadowRoot!, 'button, select, summary, referral-language-switch, referral-plan')).to.deep.equal([]);
      const article = note.shadowRoot!.querySelector('article')!;
      expect(article.getClientRects().length).to.equal(1);
      expect(article.getAttribute('lang'), 'the note defaults to Danish').to.equal('da');
      const text = deepText(article);
      expect(text).to.contain(daUi.note.title);
      expect(text).to.contain(daUi.note.decisionSupport);
      // Actions first: the actions come before the refusal steps and the quoted rules.
      const actions = article.querySelector('ol.todo')!;
      expect(actions.children.length).to.equal(el.summaryText('da').split('\n').filter((l) => /^\d+\. /.test(l)).length);
      expect(actions.compareDocumentPosition(article.querySelector('blockquote')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
      expect(text).to.contain(daUi.act.title.substance);
      expect(text).to.not.contain(enUi.act.title.substance);
      expect(text, 'no web addresses on paper').to.not.match(/http|www\./);
      expect(text, 'no rule ids').to.not.match(/\bR\d{1,2}\b|NR-[KR]/);
      expect(article.querySelectorAll('blockquote[data-rule]').length, 'both no-refusal rules quoted after a refusal').to.equal(2);
      expect(article.getBoundingClientRect().height).to.be.lessThan(2 * 1009);
    } finally {
      await emulateMedia({ media: 'screen' });
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('lets the keyboard pick another note language', async () => {
    const el = await planInEnglish();
    await tabTo(el, (e) => e.localName === 'select');
    await press('ArrowDown'); // da → kl
    await settle(el);
    const note = el.shadowRoot!.querySelector('referral-note')!;
    await note.updateComplete;
    const article = note.shadowRoot!.querySelector('article')!;
    expect(article.getAttribute('lang')).to.equal('kl');
    expect(deepText(article)).to.contain(klUi.note.title);
    // Print and Copy now say so; the screen stays in English.
    const root = screenEl(el)!.shadowRoot!;
    expect(root.querySelector('[data-note=print]')!.textContent!.trim()).to.equal(enUi.plan.print.replace('{{lang}}', enUi.plan.langName.kl));
    expect(deepText(screenEl(el)!.shadowRoot!)).to.contain(enUi.plan.heading);
  });
});

describe('copy summary', () => {
  let written: string[];
  const realExec = document.execCommand;
  beforeEach(() => {
    written = [];
  });
  afterEach(() => {
    delete (navigator as unknown as Record<string, unknown>).clipboard;
    document.execCommand = realExec;
  });

  it('puts the Danish plain-text note on the clipboard while the screen is English', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void written.push(text) },
    });
    const el = await planInEnglish();
    await activateButton(el, enUi.plan.copy.replace('{{lang}}', enUi.plan.langName.da));
    expect(deepActive()?.textContent?.trim(), 'focus stays on the button').to.equal(enUi.plan.copy.replace('{{lang}}', enUi.plan.langName.da));
    expect(written).to.have.length(1);
    const text = written[0];
    expect(text).to.equal(el.summaryText('da'));
    expect(text).to.not.match(/<[a-z-]+[ >]/); // plain text, no markup
    expect(text).to.contain(daUi.note.title);
    expect(text).to.contain(daUi.note.decisionSupport);
    expect(text).to.contain('Regler pr.');
    expect(text).to.contain(daUi.act.title.substance);
    expect(text).to.contain('SUL § 141');
    expect(text).to.not.match(/http|\bR\d{1,2}\b|NR-/);
    const status = screenEl(el)!.shadowRoot!.querySelector('[role=status]')!;
    expect(status.textContent!.trim()).to.equal(enUi.plan.copied);
  });

  it('falls back to a text box and reports when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async () => Promise.reject(new Error('denied')) },
    });
    document.execCommand = () => false;
    const el = await planInEnglish();
    const error = oneEvent(el, 'referral-error');
    await activateButton(el, enUi.plan.copy.replace('{{lang}}', enUi.plan.langName.da));
    const event = await error;
    expect(event.detail.code).to.equal('clipboard-failed');
    expect(event.detail.message).to.equal(enUi.errors.clipboard);
    await settle(el);
    const area = screenEl(el)!.shadowRoot!.querySelector<HTMLTextAreaElement>('#copy-text')!;
    expect(area.value).to.equal(el.summaryText('da'));
    expect(el.shadowRoot!.querySelector('[data-error="clipboard-failed"]')).to.not.equal(null);
  });
});
