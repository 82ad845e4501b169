/**
 * first-paint.ts as the single-file builds have it (scripts/vite-plugins.ts `firstPaintInline`):
 * XState, the machine and i18next are inline and run from the start, so the first question
 * comes from them and the stand-ins of the ES build's first paint are not shipped.
 */
import * as i18nextCore from '../i18n/i18next-core.ts';
import * as statechart from './statechart.ts';
import type { FirstSnapshot, FirstTranslator } from './first-paint.ts';

export { i18nextCore, statechart };

function unused(): never {
  throw new Error('referral-guide: a first-paint stand-in in a build that has the statechart and i18next inline');
}
export const makeFirstTranslator: FirstTranslator = unused;
export const firstSnapshot: FirstSnapshot = unused;
