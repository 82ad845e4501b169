/**
 * What the guide says when the page it is on stops it from working at all: another script holds
 * one of its tag names, it was moved into another document, or the page's Trusted Types policy
 * blocks its rendering library. These texts must show without i18next and without Lit (either
 * may be what failed), so they are a small namespace of their own (`locales/<lang>/startup.json`)
 * bundled with the entry in every language.
 */
import da from '../locales/da/startup.json';
import en from '../locales/en/startup.json';
import kl from '../locales/kl/startup.json';
import { DEFAULT_LANG, toLang, type Lang } from './i18n/languages.ts';

/** Issue codes in `referral-error`'s detail (code `embedding`) and keys of the texts. */
export type StartupProblem = 'tag-taken' | 'adopted' | 'blocked' | 'failed' | 'persist-shared';

const TEXTS: Record<Lang, Record<string, string>> = { da, en, kl } as unknown as Record<Lang, Record<string, string>>;
const KEYS: Record<Exclude<StartupProblem, 'persist-shared'>, string> = {
  'tag-taken': 'tagTaken',
  adopted: 'adopted',
  blocked: 'blocked',
  failed: 'failed',
};

/** The element's language: its own `lang`, else the nearest ancestor's, else Danish. */
export function languageOf(el: Element): Lang {
  const own = toLang(el.getAttribute('lang'));
  if (own) return own;
  return toLang(el.parentElement?.closest('[lang]')?.getAttribute('lang')) ?? DEFAULT_LANG;
}

/** The heading and the sentence for one problem, in one language (`tag` fills `<{{tag}}>`). */
export function startupText(lang: Lang, problem: Exclude<StartupProblem, 'persist-shared'>, tag = ''): { heading: string; body: string } {
  const texts = TEXTS[lang] ?? TEXTS[DEFAULT_LANG];
  return { heading: texts.heading, body: texts[KEYS[problem]].replace('{{tag}}', tag) };
}
