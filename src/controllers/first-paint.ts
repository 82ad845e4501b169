/**
 * What the element paints its first question with. In the ES build (and the dev server and the
 * tests) XState and i18next arrive after the first paint (`load()` of the controllers), so the
 * first question comes from two stand-ins held equal to the real thing by
 * test/ui/first-screen.test.ts: a fresh guide's snapshot and a translator over the locale data in
 * memory. The single-file builds have everything inline anyway; they resolve this module to
 * first-paint.iife.ts (scripts/vite-plugins.ts `firstPaintInline`), which hands the controllers
 * the statechart and i18next at once and leaves the stand-ins out.
 */
import type { Translator } from '../i18n/translator.ts';
import type { Lang } from '../i18n/languages.ts';
import type { ReferralSnapshot } from './machine-controller.ts';

export { makeFirstTranslator } from '../i18n/first-translator.ts';
export { firstSnapshot } from './first-snapshot.ts';

/** Nothing is at hand before `load()`. */
export const i18nextCore = null as typeof import('../i18n/i18next-core.ts') | null;
export const statechart = null as typeof import('./statechart.ts') | null;

export type FirstTranslator = (resources: Partial<Record<Lang, Record<string, unknown>>>, lang: Lang) => Translator;
export type FirstSnapshot = () => ReferralSnapshot;
