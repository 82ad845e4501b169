export const LANGS = ['da', 'kl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'da';

/**
 * Where a text missing in one language is looked for next: Greenlandic falls back to Danish (what
 * a Greenlandic caseworker in Denmark reads), then English; Danish and English to each other.
 */
export const FALLBACK_LANGS: Record<Lang, Lang[]> = { kl: ['da', 'en'], da: ['en'], en: ['da'] };

/** `da-DK` → `da`; anything not one of ours → null (the caller reports it and falls back). */
export function toLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary) ? (primary as Lang) : null;
}

/** Names of the languages in themselves: shown in the switch whatever the screen language. */
export const ENDONYMS: Record<Lang, string> = { da: 'Dansk', kl: 'Kalaallisut', en: 'English' };
