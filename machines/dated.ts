/**
 * Dates in the rules data, OpenFisca-style: a rule, flag, service, text variant, emergency entry,
 * region or source applies from `validFrom` (inclusive) until `validTo` (inclusive); absent = open.
 * Every date is an ISO calendar date (YYYY-MM-DD), compared as text.
 */
export interface Validity {
  /** First day it applies (inclusive). */
  validFrom?: string;
  /** Last day it applies (inclusive). */
  validTo?: string;
}

export function isValidOn(item: Validity, asOf: string): boolean {
  return (item.validFrom === undefined || item.validFrom <= asOf) && (item.validTo === undefined || asOf <= item.validTo);
}

/** The items that apply on `asOf`. */
export function validOn<T extends Validity>(items: readonly T[], asOf: string): T[] {
  return items.filter((item) => isValidOn(item, asOf));
}

const added = new Map<string, string>();

/** The ISO date `days` after `iso` (UTC calendar arithmetic; no time zone can move it). */
export function addDays(iso: string, days: number): string {
  const key = `${iso}+${days}`;
  let result = added.get(key);
  if (result === undefined) {
    const [y, m, d] = iso.split('-').map(Number);
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d + days);
    result = date.toISOString().slice(0, 10);
    if (added.size > 5000) added.clear();
    added.set(key, result);
  }
  return result;
}

/** Today's date where the code runs (the caseworker's calendar day), as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The day before an ISO date (a `validTo` that ends where the next `validFrom` starts). */
export function dayBefore(iso: string): string {
  return addDays(iso, -1);
}
