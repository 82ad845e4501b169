/**
 * Build-only vite plugins for the library builds (vite.config.ts). The dev server and the
 * tests run the sources unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const LOCALE_JSON = /[\\/]locales[\\/](da|kl|en)[\\/][\w-]+\.json$/;
const RESOURCES = /[\\/]src[\\/]i18n[\\/]resources\.ts$/;
const PLAN_TEXTS = /[\\/]src[\\/]i18n[\\/]plan-texts\.ts$/;
/** Virtual modules: the Danish rules texts the first question needs, and the rest. */
const DA_RULES_QUESTION = '\0referral-da-rules-question';
const DA_RULES_PLAN = '\0referral-da-rules-plan';
const FIRST_SCREEN_RULES = ['question'];

/**
 * Locale data as shipped: without `_meta` (review notes and credits for translators, about
 * 40 kB of Greenlandic review notes that no caseworker reads; the credits stay in the repository and the
 * docs). With `lazy`, the ES build bundles Danish (the default) and loads `kl`/`en` as chunks
 * of the same build on first use; the IIFEs keep every language inline. The
 * `errors.trainingUnavailable` texts of `ui` stay only where `trainingUnavailable` is set (the
 * caseworkers' IIFE, see the plugin of that name); no other build has the element that shows them.
 */
export function localeData({ lazy, trainingUnavailable = false }: { lazy: boolean; trainingUnavailable?: boolean }): Plugin {
  return {
    name: 'referral-locale-data',
    enforce: 'pre',
    transform(code, id) {
      if (!LOCALE_JSON.test(id)) return null;
      const data = JSON.parse(code) as Record<string, unknown>;
      delete data._meta;
      const errors = data.errors as Record<string, unknown> | undefined;
      if (!trainingUnavailable && errors && /[\\/]ui\.json$/.test(id)) delete errors.trainingUnavailable;
      if (trainingUnavailable && /[\\/]rules\.json$/.test(id)) stripTrainingTexts(data);
      return { code: JSON.stringify(data), map: null };
    },
    resolveId(id) {
      return lazy && (id === DA_RULES_QUESTION || id === DA_RULES_PLAN) ? id : null;
    },
    load(id) {
      if (lazy && (id === DA_RULES_QUESTION || id === DA_RULES_PLAN)) {
        const file = fileURLToPath(new URL('../locales/da/rules.json', import.meta.url));
        this.addWatchFile(file);
        const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        delete data._meta;
        const first = id === DA_RULES_QUESTION;
        const part = Object.fromEntries(Object.entries(data).filter(([k]) => FIRST_SCREEN_RULES.includes(k) === first));
        return `export default ${JSON.stringify(part)};`;
      }
      // i18next keeps the resources object it was given (by reference), so adding keys to it
      // reaches every instance already created; test/embed checks the plan's texts in the build.
      if (lazy && PLAN_TEXTS.test(id)) {
        return `
import { resources } from './resources.ts';
import daRulesPlan from '${DA_RULES_PLAN}';
Object.assign(resources.da.rules, daRulesPlan);`;
      }
      if (!lazy || !RESOURCES.test(id)) return null;
      return `
import daUi from '../../locales/da/ui.json';
import daRules from '${DA_RULES_QUESTION}';
export const resources = { da: { ui: daUi, rules: daRules } };
const chunks = {
  kl: () => Promise.all([import('../../locales/kl/ui.json'), import('../../locales/kl/rules.json')]),
  en: () => Promise.all([import('../../locales/en/ui.json'), import('../../locales/en/rules.json')]),
};
export async function loadLanguage(lang) {
  if (resources[lang]) return resources[lang];
  const [ui, rules] = await chunks[lang]();
  return (resources[lang] = { ui: ui.default, rules: rules.default });
}`;
    },
  };
}

/**
 * Texts only training mode reads, left out of the caseworkers' IIFE (which has no training mode):
 * each rule's explanation, each service's description and action paragraph (the plan says what to
 * do in its own action sentences, ui.json `act.*`), and the bodies of the warnings the plan says
 * otherwise (src/plan/actions.ts FLAGS_IN_ACTIONS). About 9 kB gzip over three languages.
 */
const FLAG_BODIES_IN_TRAINING_ONLY = ['F-acute', 'F-norefusal', 'F-escalate-kommune', 'F-escalate-region', 'F-deadlines'];

function stripTrainingTexts(data: Record<string, unknown>) {
  const rules = data.rule as Record<string, Record<string, unknown>> | undefined;
  for (const rule of Object.values(rules ?? {})) delete rule.explanation;
  // Warnings the plan says through its actions, the quoted rules and the refusal steps: their
  // bodies are read only by training mode (the titles stay).
  const flags = data.flag as Record<string, Record<string, unknown>> | undefined;
  for (const id of FLAG_BODIES_IN_TRAINING_ONLY) if (flags?.[id]) delete flags[id].body;
  const strip = (s: Record<string, unknown>) => {
    delete s.description;
    delete s.action;
  };
  const services = data.service as Record<string, Record<string, unknown>> | undefined;
  for (const service of Object.values(services ?? {})) {
    strip(service);
    for (const variant of Object.values((service.variants ?? {}) as Record<string, Record<string, unknown>>)) strip(variant);
  }
}

interface Rewrite {
  file: RegExp;
  /** Exact text in the pinned version, and what replaces it. The build fails if one is missing. */
  edits: Array<[string, string]>;
  prepend?: string;
}

/**
 * "No globals": Lit and zod keep a little shared state on `globalThis` (version lists, a
 * decorator metadata map, zod's config and registry) so that several copies on one page can see
 * each other. A widget dropped into someone else's page must not add to `window`, nor share
 * zod's config with the host's zod, so the bundled copies keep that state to themselves. The
 * edits match the pinned versions exactly; after an upgrade the build stops here instead of
 * quietly leaking again (test/embed/embed-safety.test.ts checks the window).
 */
export function privateGlobals(): Plugin {
  const rewrites: Rewrite[] = [
    { file: /[\\/]lit-html[\\/]lit-html\.js$/, edits: [[',(t.litHtmlVersions??=[]).push("3.3.3");', ';']] },
    { file: /[\\/]lit-element[\\/]lit-element\.js$/, edits: [['(s.litElementVersions??=[]).push("4.2.2");', '']] },
    {
      file: /[\\/]@lit[\\/]reactive-element[\\/]reactive-element\.js$/,
      prepend: 'const __privateLitPropertyMetadata=new WeakMap;',
      edits: [
        [',a.litPropertyMetadata??=new WeakMap;', ';'],
        ['litPropertyMetadata.get(', '__privateLitPropertyMetadata.get('],
        [',(a.reactiveElementVersions??=[]).push("2.1.2")', ''],
      ],
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/,
      edits: [
        ['const pp = globalThis.__zod_globalConfig?.postProcessor;', 'const pp = globalConfig.postProcessor;'],
        [
          '(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});\nexport const globalConfig = globalThis.__zod_globalConfig;',
          'export const globalConfig = {};',
        ],
      ],
    },
    {
      file: /[\\/]zod[\\/]v4[\\/]core[\\/]registries\.js$/,
      edits: [
        [
          '(_a = globalThis).__zod_globalRegistry ?? (_a.__zod_globalRegistry = registry());\nexport const globalRegistry = globalThis.__zod_globalRegistry;',
          'export const globalRegistry = registry();',
        ],
      ],
    },
  ];
  return {
    name: 'referral-private-globals',
    transform(code, id) {
      const rewrite = rewrites.find((r) => r.file.test(id));
      if (!rewrite) return null;
      let out = code;
      for (const [from, to] of rewrite.edits) {
        if (!out.includes(from)) {
          this.error(`privateGlobals: "${from.slice(0, 60)}" not found in ${id} — check the rewrite after an upgrade`);
        }
        out = out.replace(from, to);
      }
      return { code: (rewrite.prepend ?? '') + out, map: null };
    },
  };
}

const RULES = /[\\/]machines[\\/]rules\.ts$/;
/** `summary: '…',` (string literals, possibly joined with +) inside the rules data. */
const SUMMARY = /(\n\s+summary:)\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")(?:\s*\+\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))*\s*,/g;

/**
 * The rules' `summary` fields are English paraphrases for the legal reviewer who reads
 * machines/rules.ts; no screen, note or event shows them (the UI's words are in locales/).
 * The shipped builds carry them as empty strings. The build stops if the count of rules and
 * flags no longer matches the summaries found, so a changed layout cannot ship them half-stripped.
 */
export function reviewerSummaries(): Plugin {
  return {
    name: 'referral-reviewer-summaries',
    transform(code, id) {
      if (!RULES.test(id)) return null;
      const entries = (code.match(/\n\s+summary:/g) ?? []).length - (code.match(/\n\s+summary: string;/g) ?? []).length;
      let stripped = 0;
      const out = code.replace(SUMMARY, (_m, key: string) => {
        stripped++;
        return `${key} '',`;
      });
      if (stripped === 0 || stripped !== entries) {
        this.error(`reviewerSummaries: stripped ${stripped} of ${entries} summaries in ${id} — check the pattern`);
      }
      return { code: out, map: null };
    },
  };
}


const TRAINING_ELEMENT = /[\\/]src[\\/]training[\\/]referral-training\.ts$/;
const TRAINING_CODE = /[\\/]src[\\/]training[\\/]|[\\/]locales[\\/]\w+[\\/]training\.json$/;
const TRAINING_UNAVAILABLE = fileURLToPath(new URL('../src/training/unavailable.ts', import.meta.url));
const UNAVAILABLE_MODULE = /[\\/]src[\\/]training[\\/]unavailable\.ts$/;

/**
 * The caseworkers' IIFE without training mode: wherever the guide imports the training element
 * (src/training/referral-training.ts), this build gets src/training/unavailable.ts instead, a
 * small `<referral-training>` that says which file has training mode. The build stops if no such
 * import was found (it moved, so training would be inlined again) or if anything else of
 * src/training/ or locales/*\/training.json still reached the bundle. The `errors.trainingUnavailable`
 * texts ship only here: `localeData` drops them from the other builds.
 */
export function trainingUnavailable(): Plugin {
  let redirected = 0;
  return {
    name: 'referral-training-unavailable',
    enforce: 'pre',
    buildStart() {
      redirected = 0;
    },
    async resolveId(source, importer, options) {
      if (!importer || TRAINING_CODE.test(importer) || !/referral-training/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !TRAINING_ELEMENT.test(resolved.id)) return null;
      redirected++;
      return TRAINING_UNAVAILABLE;
    },
    generateBundle(_options, bundle) {
      if (redirected === 0) this.error('trainingUnavailable: no import of src/training/referral-training.ts found — check the plugin');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const leaked = chunk.moduleIds.filter((id) => TRAINING_CODE.test(id) && !UNAVAILABLE_MODULE.test(id));
        if (leaked.length > 0) this.error(`trainingUnavailable: training code in ${chunk.fileName}: ${leaked.join(', ')}`);
      }
    },
  };
}

/**
 * The widget's styles (Lit `css` templates in src/) as shipped: without comments and runs of
 * whitespace; and its Lit `html` templates without the indentation around their tags. The minifier leaves template literals alone, so their indentation and the comments
 * that explain the CSS (they stay in the sources) went out in every build: about 2 kB gzip of
 * the caseworkers' single file. Only whitespace next to `{`, `}`, `;` and `,`, and after a
 * declaration's `:`, is removed, never next to a selector's `:` or a combinator, so selectors
 * keep their meaning.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'referral-minify-templates',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id)) return null;
      const out = code.replace(/\bcss`([^`$]*)`/g, (_, body: string) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,])\s*/g, '$1')
          // "prop: value" right after { or ; (a selector's pseudo-class has no space after ':')
          .replace(/([{;][-a-z]+):\s+/g, '$1:')
          .replace(/;}/g, '}')
          .replace(/ !important/g, '!important')
          .replace(/ \* /g, '*')

          .replace(/([ :,(])0\.(\d)/g, '$1.$2')
          .trim();
        return `css\`${min}\``;
      });
      // Lit templates' indentation: a newline and indentation next to a tag is one space in
      // HTML anyway (no <pre>, and no literal text in a <textarea>, in src/), and plain
      // whitespace in code.
      const html = out
        .replace(/>\n\s+/g, '> ')
        .replace(/\n\s+</g, ' <')
        .replace(/\}\n\s+\$\{/g, '} ${')
        // a tag's attributes one per line (no line of code in src/ starts with \`name=\` or \`>\`)
        .replace(/\n\s+(?=[.?@]?[a-zA-Z][-\w]*=|\/?>)/g, ' ')
        // the whitespace a template starts or ends with next to a tag (a text node of its own)
        .replace(/\bhtml`\s+</g, 'html`<')
        .replace(/>\s+`/g, '>`');
      return html === code ? null : { code: html, map: null };
    },
  };
}
