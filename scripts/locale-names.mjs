/**
 * The names table (locales/names.json) for the build and the scripts: the same names i18next
 * fills from `interpolation.defaultVariables` at run time (src/i18n/names.ts), read with Node.
 * Used by the build (scripts/vite-plugins.ts `localeData` writes the names into the shipped
 * texts), `npm run rules:doc` (the English texts it quotes) and `npm run kl:check` (which counts
 * the words the table supplies to kl text and checks every placeholder).
 */
import { readFileSync } from 'node:fs';

export const NAMES_FILE = new URL('../locales/names.json', import.meta.url);

/** The table by placeholder key: `Patientklager`, `SourceTitle.rh-akut` → the name. */
export function tableOfNames() {
  const table = JSON.parse(readFileSync(NAMES_FILE, 'utf8'));
  return new Map(
    Object.entries(table).flatMap(([key, value]) =>
      typeof value === 'string' ? [[key, value]] : Object.entries(value).map(([id, v]) => [`${key}.${id}`, v]),
    ),
  );
}

/** `{{key}}` in a string: every placeholder's key, trimmed, in order. */
export function placeholdersOf(text) {
  return [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1].trim());
}

/**
 * A placeholder that names something (a capital letter first, or a dot) rather than a call site's
 * variable (`{{count}}`, `{{date}}`: a small letter, no dot). The table's lower-case law names
 * (`{{serviceloven}}`) are names by being in the table.
 */
export const looksLikeName = (key) => /^[A-Z]|\./.test(key);

/**
 * `node` (a string, or locale data) with every name written in; a call site's `{{variable}}`
 * stays. `unknown(key)` is called for a placeholder that looks like a name the table lacks.
 */
export function fillNames(node, names = tableOfNames(), unknown = () => {}) {
  if (typeof node === 'string') {
    return node.replace(/\{\{([^{}]*)\}\}/g, (placeholder, raw) => {
      const key = raw.trim();
      const name = names.get(key);
      if (name !== undefined) return name;
      if (looksLikeName(key)) unknown(key);
      return placeholder;
    });
  }
  if (Array.isArray(node)) return node.map((v) => fillNames(v, names, unknown));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '_meta' ? v : fillNames(v, names, unknown)]));
  }
  return node;
}
