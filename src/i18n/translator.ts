import type { i18n as I18n } from 'i18next';
import { formatDate, formatNumber } from './format.ts';
import { softHyphens } from './hyphenate.ts';
import type { Lang } from './languages.ts';

/**
 * A translation function fixed to one language, handed to presentational elements as a
 * property. A new object per language, so Lit sees the change and re-renders. The screen and
 * the referral note each get their own (the note may be Danish while the screen is English).
 */
export interface Translator {
  readonly lang: Lang;
  t(key: string, options?: Record<string, unknown>): string;
  /** A string array in the locale data (escalation steps). Empty when the key is missing. */
  list(key: string): string[];
  has(key: string): boolean;
  date(iso: string): string;
  number(n: number): string;
}

export function makeTranslator(i18n: I18n, lang: Lang): Translator {
  const fixed = i18n.getFixedT(lang);
  // Greenlandic gets soft hyphens at its syllable breaks (no browser can hyphenate kl itself).
  const shown = lang === 'kl' ? softHyphens : (text: string) => text;
  return {
    lang,
    t: (key, options) => shown(String(fixed(key, options as never))),
    list: (key) => {
      const value: unknown = fixed(key, { returnObjects: true } as never);
      return Array.isArray(value) ? value.map((v) => shown(String(v))) : [];
    },
    has: (key) => i18n.exists(key, { lng: lang }),
    date: (iso) => formatDate(iso, lang),
    number: (n) => formatNumber(n, lang),
  };
}
