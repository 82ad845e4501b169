import type { i18n as I18n } from 'i18next';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLanguage, resources } from '../i18n/resources.ts';
import { DEFAULT_LANG, FALLBACK_LANGS, LANGS, toLang, type Lang } from '../i18n/languages.ts';
import { i18nextCore, makeFirstTranslator } from './first-paint.ts';
import { names } from '../i18n/names.ts';
import type { Translator } from '../i18n/translator.ts';

type Core = typeof import('../i18n/i18next-core.ts');

export interface LangResolution {
  lang: Lang;
  /** The value of the element's own `lang` attribute when it named no language we have. */
  unknown: string | null;
}

/**
 * Owns the widget's private i18next instance. `createInstance()` keeps the host page's own
 * i18next (if any) untouched; the resources are in memory, so init is synchronous.
 *
 * The guide's first question does not wait for i18next: until `load()` has brought it in, the
 * translators read the locale data in memory directly (src/i18n/first-translator.ts, held equal
 * to i18next by a test), and new translator objects then make Lit re-render in place. An element
 * that has i18next already (training mode's chunk) passes it and gets it at once.
 */
export class I18nController implements ReactiveController {
  i18n: I18n | null = null;
  lang: Lang = DEFAULT_LANG;
  translator: Translator;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly translators = new Map<Lang, Translator>();
  private core: Core | null = null;
  private loading: Promise<void> | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, core?: Core) {
    this.host = host;
    // The single-file builds have i18next from the start (src/controllers/first-paint.ts).
    core ??= i18nextCore ?? undefined;
    if (core) this.start(core);
    this.translator = this.translatorFor(DEFAULT_LANG);
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads i18next (once); resolves when every translator runs on it. */
  load(): Promise<void> {
    this.loading ??= (this.core ? Promise.resolve() : import('../i18n/i18next-core.ts').then((core) => this.start(core))).then(
      () => {
        this.translators.clear();
        this.translator = this.translatorFor(this.lang);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        this.loading = null; // the next load() tries again; meanwhile the first translators serve
        throw error;
      },
    );
    return this.loading;
  }

  private start(core: Core): I18n {
    this.core = core;
    const instance = core.i18next.createInstance();
    void instance.init({
      resources,
      lng: DEFAULT_LANG,
      fallbackLng: { ...FALLBACK_LANGS, default: [DEFAULT_LANG] },
      supportedLngs: [...LANGS],
      ns: ['ui', 'rules'],
      defaultNS: 'ui',
      initAsync: false,
      // Lit escapes every binding; double escaping would show "&amp;" in the UI. The names kept
      // in Danish in every language (locales/names.json) fill `{{Ankestyrelsen}}` & co. everywhere.
      interpolation: { escapeValue: false, defaultVariables: names },
      returnNull: false,
    });
    this.i18n = instance;
    return instance;
  }

  translatorFor(lang: Lang): Translator {
    let tr = this.translators.get(lang);
    if (!tr) {
      tr = this.i18n && this.core ? this.core.makeTranslator(this.i18n, lang) : makeFirstTranslator(resources, lang);
      this.translators.set(lang, tr);
      if (!(lang in resources)) void this.loadBundles(lang);
    }
    return tr;
  }

  /**
   * The ES build bundles Danish only; another language arrives as a chunk of the same build
   * (from the page's own origin). Until then the fallback shows Danish; then a new translator
   * object makes Lit re-render everything in the language asked for.
   */
  private async loadBundles(lang: Lang): Promise<void> {
    const bundles = await loadLanguage(lang);
    if (this.i18n) for (const [ns, data] of Object.entries(bundles)) this.i18n.addResourceBundle(lang, ns, data, true, true);
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
