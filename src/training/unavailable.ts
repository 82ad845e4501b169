import { LitElement, html } from 'lit';
import { defineOnce } from '../define.ts';
import { ReferralErrorEvent } from '../events/referral-error.ts';
import { DEFAULT_LANG, toLang, type Lang } from '../i18n/languages.ts';
import { resources } from '../i18n/resources.ts';
import { shared } from '../styles/shared.ts';
import { tokens } from '../styles/tokens.ts';

/** What the message names: this file, and the three ways to get training mode (docs/embedding.md). */
const NAMES: Record<string, string> = {
  file: 'referral-guide.iife.js',
  training: 'referral-guide-training.iife.js',
  module: 'referral-guide.js',
  iframe: 'embed.html?mode=training',
};

/**
 * The texts in one language. Read straight from the locale data (every language is inline in the
 * IIFE that carries this element), so it needs no i18next instance of its own.
 */
function texts(lang: Lang) {
  const byLang = resources as Partial<Record<Lang, typeof resources.da>>;
  const t = (byLang[lang] ?? resources.da).ui.errors.trainingUnavailable;
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (m, name: string) => NAMES[name] ?? m);
  return { heading: fill(t.heading), body: fill(t.body), fix: fill(t.fix), bodyParts: parts(t.body), fixParts: parts(t.fix) };
}

/**
 * A sentence with its file names in `<code>`: shared styles never hyphenate code, so an editor reads
 * `embed.html?mode=training` as it must be typed, with no hyphen the browser put in.
 */
function parts(s: string) {
  return s.split(/(\{\{\w+\}\})/).map((part) => {
    const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
    return name && NAMES[name] ? html`<code>${NAMES[name]}</code>` : part;
  });
}

/**
 * `<referral-training>` in the caseworkers' IIFE (dist/referral-guide.iife.js), which leaves
 * training mode out: vite.config.ts builds this module in place of referral-training.ts. It says,
 * in the widget's language, that training mode is not in this file and what has it, and fires
 * `referral-error` (`training-unavailable`) once, bubbling and composed, so the host hears it.
 *
 * Registered with `defineOnce`, like the real element: whichever is defined first on a page keeps
 * the tag (see docs/embedding.md, "both files on one page").
 *
 * @attr lang - `da` | `kl` | `en` (the guide sets it); default: the nearest ancestor's `lang`, else `da`.
 * @fires referral-error - `{ code: 'training-unavailable', message }` after the first render.
 */
export class ReferralTrainingUnavailable extends LitElement {
  static override properties = { lang: { type: String } };
  declare lang: string;

  static override styles = [tokens, shared];

  private get language(): Lang {
    return toLang(this.lang) ?? toLang(this.parentElement?.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LANG;
  }

  override render() {
    const lang = this.language;
    const t = texts(lang);
    return html`<div class="notice warning" role="alert" lang=${lang} data-training-unavailable>
      <h2>${t.heading}</h2>
      <p>${t.bodyParts}</p>
      <p>${t.fixParts}</p>
    </div>`;
  }

  protected override firstUpdated(): void {
    const t = texts(this.language);
    this.dispatchEvent(new ReferralErrorEvent({ code: 'training-unavailable', message: `${t.body} ${t.fix}` }));
  }
}

defineOnce('referral-training', ReferralTrainingUnavailable);
