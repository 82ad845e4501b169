/**
 * Locale data, bundled at build time (no fetching: the widget makes no network requests).
 * Namespaces: `ui` (the widget's chrome, owned with src/) and `rules` (domain texts).
 */
import daUi from '../../locales/da/ui.json';
import klUi from '../../locales/kl/ui.json';
import enUi from '../../locales/en/ui.json';
import daRules from '../../locales/da/rules.json';
import klRules from '../../locales/kl/rules.json';
import enRules from '../../locales/en/rules.json';

export const resources = {
  da: { ui: daUi, rules: daRules },
  kl: { ui: klUi, rules: klRules },
  en: { ui: enUi, rules: enRules },
};

/**
 * Every language is already here. The ES build replaces this module (scripts/vite-plugins.ts)
 * with one that bundles Danish and loads `kl`/`en` as same-origin chunks through this function.
 */
export async function loadLanguage(lang: keyof typeof resources): Promise<(typeof resources)[keyof typeof resources]> {
  return resources[lang];
}
