import i18next, { type i18n as I18n } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLanguage, resources } from '../i18n/resources.ts';
import { DEFAULT_LANG, toLang, type Lang } from '../i18n/languages.ts';
import { makeTranslator, type Translator } from '../i18n/translator.ts';

export interface LangResolution {
  lang: Lang;
  /** The value of the element's own `lang` attribute when it named no language we have. */
  unknown: string | null;
}

/**
 * Owns the widget's private i18next instance. `createInstance()` keeps the host page's own
 * i18next (if any) untouched; the resources are in memory, so init is synchronous.
 */
export class I18nController implements ReactiveController {
  readonly i18n: I18n;
  lang: Lang = DEFAULT_LANG;
  translator: Translator;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly translators = new Map<Lang, Translator>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      resources,
      lng: DEFAULT_LANG,
      // Greenlandic strings still missing fall back to Danish (what a Greenlandic caseworker in
      // Denmark reads), then English.
      fallbackLng: { kl: ['da', 'en'], da: ['en'], en: ['da'], default: ['da'] },
      supportedLngs: ['da', 'kl', 'en'],
      ns: ['ui', 'rules'],
      defaultNS: 'ui',
      initAsync: false,
      // Lit escapes every binding; double escaping would show "&amp;" in the UI.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    this.translator = this.translatorFor(DEFAULT_LANG);
    host.addController(this);
  }

  hostConnected(): void {}

  translatorFor(lang: Lang): Translator {
    let tr = this.translators.get(lang);
    if (!tr) {
      tr = makeTranslator(this.i18n, lang);
      this.translators.set(lang, tr);
      if (!this.i18n.hasResourceBundle(lang, 'ui')) void this.load(lang);
    }
    return tr;
  }

  /**
   * The ES build bundles Danish only; another language arrives as a chunk of the same build
   * (from the page's own origin). Until then i18next's fallback shows Danish; then a new
   * translator object makes Lit re-render everything in the language asked for.
   */
  private async load(lang: Lang): Promise<void> {
    const bundles = await loadLanguage(lang);
    for (const [ns, data] of Object.entries(bundles)) this.i18n.addResourceBundle(lang, ns, data, true, true);
    this.translators.delete(lang);
    if (this.lang === lang) this.translator = this.translatorFor(lang);
    this.host.requestUpdate();
  }

  /**
   * The language the element should show: its own `lang` attribute, else the nearest ancestor's
   * (crossing shadow roots, so a widget inside another component still finds the page's
   * language), else Danish.
   */
  resolve(): LangResolution {
    const own = this.host.getAttribute('lang');
    if (own !== null && own.trim() !== '') {
      const lang = toLang(own);
      if (lang) return { lang, unknown: null };
      return { lang: toLang(ancestorLang(this.host)) ?? DEFAULT_LANG, unknown: own };
    }
    return { lang: toLang(ancestorLang(this.host)) ?? DEFAULT_LANG, unknown: null };
  }

  setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    this.translator = this.translatorFor(lang);
    this.host.requestUpdate();
  }
}

function ancestorLang(el: Element): string | null {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}
