/**
 * The names that are the same in every language: institutions, authorities, regions, laws and
 * programmes kept in Danish (Ankestyrelsen, Styrelsen for Patientklager, Region Hovedstaden,
 * serviceloven, Digital Post …) and the Danish titles of sources (`SourceTitle.<source id>`).
 * They are not translations, so they live once, in locales/names.json, and the da, en and kl
 * strings name them with a placeholder: `{{Patientklager}}`, `{{SourceTitle.rh-akut}}`. A
 * Greenlandic ending stays in the kl string, after a hyphen: `{{Patientklager}}-imut`.
 *
 * i18next gets the table as `interpolation.defaultVariables` (src/controllers/i18n-controller.ts)
 * and the first translator reads it the same way (src/i18n/first-translator.ts), so no call site
 * passes a name. Names start with a capital (a law also has its mid-sentence form,
 * `{{serviceloven}}`); a call site's own variables (`{{count}}`, `{{date}}` …) start with a small
 * letter, and a value a call site passes wins over the table. test/names.test.ts holds every
 * placeholder of every locale to one of the two. The builds write the names into the texts they
 * ship and ship this table empty (scripts/vite-plugins.ts `localeData`).
 */
import table from '../../locales/names.json';

export type Names = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

export const names: Names = table;

/** A name by its placeholder key (`Ankestyrelsen`, `SourceTitle.rh-akut`); undefined if the table has none. */
export function nameOf(key: string): string | undefined {
  const dot = key.indexOf('.');
  const node = names[dot < 0 ? key : key.slice(0, dot)];
  if (dot < 0) return typeof node === 'string' ? node : undefined;
  const leaf = node && typeof node === 'object' ? node[key.slice(dot + 1)] : undefined;
  return typeof leaf === 'string' ? leaf : undefined;
}
