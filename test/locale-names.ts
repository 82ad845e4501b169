/**
 * A locale string as the reader sees it: every name of locales/names.json written in, as i18next
 * does from `interpolation.defaultVariables` (src/i18n/names.ts); a call site's `{{variable}}`
 * stays for the test to fill.
 */
import { nameOf } from '../src/i18n/names.ts';

export const withNames = (text: string): string => text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (placeholder, key: string) => nameOf(key) ?? placeholder);
