import { formatDate, formatNumber } from './format.ts';
import { softHyphens } from './hyphenate.ts';
import { FALLBACK_LANGS, type Lang } from './languages.ts';
import { nameOf } from './names.ts';
import type { Translator } from './translator.ts';

type Bundles = Partial<Record<Lang, Record<string, unknown>>>;

/**
 * A translator over the locale data in memory, for the first screen while i18next loads. It does
 * what the widget's texts ask of i18next and nothing more: `ns:key.path` lookup, the fallback
 * languages of the i18next instance (FALLBACK_LANGS), `_one`/`_other` plurals by
 * Intl.PluralRules, and `{{name}}` interpolation without escaping (Lit escapes), a call site's
 * value first, else the names table (src/i18n/names.ts), in texts and in lists. A test holds it
 * equal to i18next on every key of every language (test/ui/first-screen.test.ts).
 */
export function makeFirstTranslator(resources: Bundles, lang: Lang): Translator {
  const chain = [lang, ...FALLBACK_LANGS[lang]];
  const lookup = (key: string, count: unknown): unknown => {
    const colon = key.indexOf(':');
    const ns = colon > 0 ? key.slice(0, colon) : 'ui';
    const path = (colon > 0 ? key.slice(colon + 1) : key).split('.');
    for (const code of chain) {
      const bundle = (resources[code] as Record<string, unknown> | undefined)?.[ns];
      const candidates = typeof count === 'number' ? [`_${plural(code, count)}`, ''] : [''];
      for (const suffix of candidates) {
        let node: unknown = bundle;
        for (const [i, part] of path.entries()) {
          node = node && typeof node === 'object' ? (node as Record<string, unknown>)[i === path.length - 1 ? part + suffix : part] : undefined;
        }
        if (node !== undefined && node !== null) return node;
      }
    }
    return undefined;
  };
  const fill = (text: string, options?: Record<string, unknown>): string =>
    text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, name: string) => {
      const v = options?.[name] ?? nameOf(name);
      return v === undefined || v === null ? '' : String(v);
    });
  const t = (key: string, options?: Record<string, unknown>): string => {
    const value = lookup(key, options?.count);
    if (typeof value !== 'string') return key.slice(key.indexOf(':') + 1);
    return fill(value, options);
  };
  // Greenlandic gets soft hyphens at its syllable breaks, as in makeTranslator.
  const shown = lang === 'kl' ? softHyphens : (text: string) => text;
  return {
    lang,
    t: (key, options) => shown(t(key, options)),
    list: (key) => {
      const value = lookup(key, undefined);
      return Array.isArray(value) ? value.map((v) => shown(fill(String(v)))) : [];
    },
    has: (key) => lookup(key, undefined) !== undefined,
    date: (iso) => formatDate(iso, lang),
    number: (n) => formatNumber(n, lang),
  };
}

const pluralRules = new Map<string, Intl.PluralRules>();
function plural(lang: Lang, count: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}
