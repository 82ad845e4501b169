import type { Lang } from './languages.ts';

/**
 * The locale Intl should use for a language. Browsers without CLDR data for Greenlandic would
 * silently format in their own default (often en-US); Danish formats stand in then. kl and
 * da-DK share their number symbols in CLDR (1.234,5), so numbers read the same either way.
 * Dates and lists in kl do not go through Intl at all (formatDate, formatList).
 */
export function intlLocale(lang: Lang): string {
  if (lang !== 'kl') return lang === 'da' ? 'da-DK' : 'en-GB';
  klLocale ??= Intl.DateTimeFormat.supportedLocalesOf(['kl']).length > 0 ? 'kl' : 'da-DK';
  return klLocale;
}
let klLocale: string | undefined;

/**
 * CLDR's Greenlandic month names (kl, Gregorian calendar, format context, wide: the relative
 * case, "of January") and its long date pattern `y MMMM d`, so "2026 novembarip 22". Chromium
 * ships no kl data and would fall back to Danish month names inside a Greenlandic sentence;
 * Firefox has the data. Formatting kl dates here gives the same text in every browser. A
 * sentence adds its case ending to the day: "{{date}}-ani" (on), as in "juunip 21-ani".
 */
export const KL_MONTHS = [
  'januaarip',
  'februaarip',
  'marsip',
  'apriilip',
  'maajip',
  'juunip',
  'juulip',
  'aggustip',
  'septembarip',
  'oktobarip',
  'novembarip',
  'decembarip',
] as const;

/** Parses `YYYY-MM-DD` as a calendar date (UTC, so no time zone shifts the day). */
export function parseIsoDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

/**
 * One formatter per locale, made once: a new Intl.DateTimeFormat costs about 1 ms at 4× CPU (the
 * first one far more, ICU's locale data), and the plan formats a date per step, screen and note.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(iso: string, lang: Lang): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  if (lang === 'kl') return `${d.getUTCFullYear()} ${KL_MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  const locale = intlLocale(lang);
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(d);
}

/**
 * "A, B and C" / "A, B or C" in the reader's language. CLDR has no Greenlandic list patterns:
 * Intl.ListFormat('kl') gives English "and" in Firefox and Danish "og" in Chromium, so kl
 * lists are joined here with *aamma* (and) and *imaluunniit* (or).
 */
export function formatList(parts: string[], type: 'conjunction' | 'disjunction', lang: Lang): string {
  if (lang !== 'kl') return new Intl.ListFormat(intlLocale(lang), { type }).format(parts);
  if (parts.length < 2) return parts.join('');
  const word = type === 'conjunction' ? 'aamma' : 'imaluunniit';
  return `${parts.slice(0, -1).join(', ')} ${word} ${parts[parts.length - 1]}`;
}

/**
 * Small whole numbers ("question 3 of about 9") read the same in da-DK, en-GB and kl: plain
 * digits. Skipping Intl for them keeps the first question off the cost of a first
 * Intl.NumberFormat (ICU locale data, ≈ 15 ms in the bench); bigger numbers go through Intl.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (Number.isInteger(n) && n >= 0 && n < 1000) return String(n);
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}

/** Calendar arithmetic for a deadline clock: request date + days, as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string | null {
  const d = parseIsoDate(iso);
  if (!d) return null;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Reads a date a caseworker typed: ISO `2026-11-03`, or the Danish habit `3.11.2026` /
 * `03-11-2026` / `3/11/2026`. Returns `YYYY-MM-DD`, or null when it is not a real date.
 */
export function readTypedDate(text: string): string | null {
  const t = text.trim();
  let y: string, m: string, d: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (match) [, y, m, d] = match;
  else if ((match = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(t))) [, d, m, y] = match;
  else return null;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return parseIsoDate(iso) ? iso : null;
}
