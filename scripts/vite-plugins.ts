/**
 * Build-only vite plugins for the library builds (vite.config.ts). The dev server and the
 * tests run the sources unchanged.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { fillNames, tableOfNames } from './locale-names.mjs';

const LOCALE_JSON = /[\\/]locales[\\/](da|kl|en)[\\/][\w-]+\.json$/;
const NAMES_JSON = /[\\/]locales[\\/]names\.json$/;
const I18N_CONTROLLER = /[\\/]src[\\/]controllers[\\/]i18n-controller\.ts$/;
/** What the controller's i18next init gives for the names, and what the builds give instead (they write the names in). */
const NAMES_INIT: Array<[string, string]> = [
  ["import { names } from '../i18n/names.ts';\n", ''],
  ['interpolation: { escapeValue: false, defaultVariables: names },', 'interpolation: { escapeValue: false },'],
];
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
 *
 * The names (locales/names.json) ship written into the texts, as i18next's `defaultVariables`
 * fills them from the sources, and the single files carry no table: the controller's i18next init
 * goes without `defaultVariables` here (an exact edit of src/controllers/i18n-controller.ts; the
 * build stops if it no longer matches); only the ES build's first translator keeps an empty one.
 * The caseworkers' file is then byte for byte as large as with the names spelt out in each
 * language. Measured on it, gzip, against that: the table shipped with short keys (`{{~1}}`)
 * +334 bytes, with its readable keys more; the names written in but `defaultVariables` kept +17.
 * The three languages' rules texts lie within gzip's 32 kB window of each other there, so a name
 * repeated in da, kl and en already costs only a back-reference; a placeholder costs as much, and
 * the table comes on top. The build stops on a placeholder that looks like a name (a capital
 * letter or a dot) and is not in the table.
 */
export function localeData({ lazy, trainingUnavailable = false }: { lazy: boolean; trainingUnavailable?: boolean }): Plugin {
  const names = tableOfNames();
  return {
    name: 'referral-locale-data',
    enforce: 'pre',
    transform(code, id) {
      if (NAMES_JSON.test(id)) return { code: '{}', map: null };
      if (I18N_CONTROLLER.test(id)) {
        let out = code;
        for (const [from, to] of NAMES_INIT) {
          if (!out.includes(from)) this.error(`localeData: "${from.trim()}" not found in ${id} — check the names' rewrite`);
          out = out.replace(from, to);
        }
        return { code: out, map: null };
      }
      if (!LOCALE_JSON.test(id)) return null;
      const data = fillNames(JSON.parse(code) as Record<string, unknown>, names, (key) => this.error(`localeData: {{${key}}} in ${id} is not in locales/names.json`));
      delete data._meta;
      const errors = data.errors as Record<string, unknown> | undefined;
      if (!trainingUnavailable && errors && /[\\/]ui\.json$/.test(id)) delete errors.trainingUnavailable;
      if (/[\\/]ui\.json$/.test(id)) stripUnread(data, id, this.error.bind(this));
      // i18next's formatters are not shipped (i18nextUnused): a `{{value, format}}` would show unformatted.
      if (/\{\{[^}]*,[^}]*\}\}/.test(code)) this.error(`localeData: a {{value, format}} text in ${id}; i18next's formatters are left out (i18nextUnused)`);
      if (code.includes('$t(')) this.error(`localeData: a $t() nesting in ${id}; i18next's nesting is left out (i18nextUnused)`);
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
        const data = fillNames(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>, names, (key) => this.error(`localeData: {{${key}}} in ${file} is not in locales/names.json`));
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
 * ui.json texts no code reads any more (the plan's old intro lines, a tagline no screen shows, the
 * old "(selected)" label, the note's sources heading); they stay in the locale files for the
 * translators' history until someone removes them in all three languages. The build stops if one is
 * gone from a file, so this list cannot outlive them unnoticed.
 */
const UNREAD_UI_TEXTS = ['widget.tagline', 'language.current', 'plan.deadline', 'plan.whyIntro', 'plan.detailsIntro', 'note.sourcesHeading'];

function stripUnread(data: Record<string, unknown>, id: string, error: (message: string) => never) {
  for (const path of UNREAD_UI_TEXTS) {
    const [group, key] = path.split('.');
    const parent = data[group] as Record<string, unknown> | undefined;
    if (!parent || !(key in parent)) error(`localeData: ${path} is no longer in ${id} — remove it from UNREAD_UI_TEXTS`);
    delete parent![key];
  }
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
  /** Methods left out of a class: `class` opens it, each method is `  name(…) {` … `  }` at two spaces. */
  drop?: Array<{ class: string; methods: string[] }>;
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
  return rewriting('privateGlobals', rewrites);
}

/** A plugin applying exact edits to pinned library files; the build stops if one no longer matches. */
function rewriting(name: string, rewrites: Rewrite[]): Plugin {
  return {
    name: `referral-${name}`,
    transform(code, id) {
      const rewrite = rewrites.find((r) => r.file.test(id));
      if (!rewrite) return null;
      let out = code;
      for (const [from, to] of rewrite.edits) {
        if (!out.includes(from)) {
          this.error(`${name}: "${from.slice(0, 60)}" not found in ${id} — check the rewrite after an upgrade`);
        }
        out = out.replace(from, to);
      }
      for (const drop of rewrite.drop ?? []) {
        const at = out.indexOf(drop.class);
        if (at < 0) this.error(`${name}: "${drop.class}" not found in ${id} — check the rewrite after an upgrade`);
        for (const method of drop.methods) {
          const start = out.indexOf(`\n  ${method}(`, at);
          const end = out.indexOf('\n  }\n', start);
          const next = out.indexOf('\nclass ', at + 1);
          if (start < 0 || end < 0 || (next > 0 && end > next)) this.error(`${name}: method ${method} not found in ${id} — check the rewrite after an upgrade`);
          out = out.slice(0, start) + out.slice(end + 4);
        }
      }
      return { code: (rewrite.prepend ?? '') + out, map: null };
    },
  };
}

/**
 * XState's `setup()` hands back every action creator (sendTo, raise, log, cancel, stopChild,
 * enqueueActions, emit, spawnChild) with `createMachine`, so they all shipped although the
 * statechart (machines/referral.machine.ts) uses only `createMachine` of it and imports `assign`
 * itself. In the single-file builds, which export nothing (no page script can reach
 * `referralMachineSetup`), `setup()` returns `assign` and the rest without those creators (about
 * 0.8 kB gzip). The ES build keeps the whole `setup()`: `referralMachineSetup` is importable there.
 * test/embed/iife-texts.test.ts walks the built statechart through every path class.
 */
export function xstateSetupLean(): Plugin {
  return rewriting('xstateSetupLean', [
    {
      file: /[\\/]xstate[\\/]dist[\\/]xstate\.esm\.js$/,
      edits: [['    assign,\n    sendTo,\n    raise,\n    log,\n    cancel,\n    stopChild,\n    enqueueActions,\n    emit,\n    spawnChild,\n', '    assign,\n']],
    },
    // The actor's dev tools, emitted-event listeners, persisted snapshot and observable interop, and
    // the machine's JSON definition and `provide`: nothing in these builds calls them.
    {
      file: /[\\/]xstate[\\/]dist[\\/]raise-[\w]+\.esm\.js$/,
      edits: [['    if (this.options.devTools) {\n      this.attachDevTools();\n    }\n', '']],
      drop: [{ class: 'class Actor {', methods: ['on', 'attachDevTools', 'getPersistedSnapshot', '[symbolObservable]'] }],
    },
    {
      file: /[\\/]xstate[\\/]dist[\\/]StateMachine-[\w]+\.esm\.js$/,
      edits: [],
      drop: [
        { class: 'class StateNode {', methods: ['get definition', 'toJSON'] },
        { class: 'class StateMachine {', methods: ['provide', 'get definition', 'toJSON'] },
      ],
    },
  ]);
}

/**
 * Two parts of i18next the widget's private instance never runs (src/controllers/i18n-controller.ts
 * gives it every text as `resources`, no backend, no `{{value, format}}` in any text), left out of
 * every build:
 *   - the backend connector (loading and saving texts through a backend plugin): the instance gets
 *     an event emitter with an empty load state, which is all i18next asks of it when the texts are
 *     in `resources` and no backend is set;
 *   - the built-in formatters (`{{n, number}}`, dates, lists through Intl): without them i18next
 *     interpolates values as they are. `localeData` stops the build if a text asks for a format;
 *   - the instance methods for plugins, backends, namespaces loaded later, clones, text direction and
 *     serialising (`use`, `reloadResources`, `loadNamespaces`, `loadLanguages`, `hydrate`, `dir`,
 *     `cloneInstance`, `toJSON`, `setDefaultNamespace`), and the resource store's single-text and
 *     removal methods (`addResource(s)`, `removeResourceBundle`, `getResourceBundle`, `toJSON`):
 *     the controller calls none of them, nor does i18next itself without a backend;
 *   - saving missing keys (`saveMissing`, never set) and the debug log around it; post-processors;
 *     key selectors (`t($ => $.key)`; every key the widget passes is a string);
 *   - nesting (`$t(other.key)` inside a text): no text has one; `localeData` stops the build if one does.
 * About 2 kB gzip. test/embed/iife-texts.test.ts reads every screen of the built file in each language.
 */
export function i18nextUnused(): Plugin {
  const rewrites = rewriting('i18nextUnused', [
    {
      file: /[\\/]i18next[\\/]dist[\\/]esm[\\/]i18next\.js$/,
      edits: [
        ['        formatter = Formatter;', '        formatter = null;'],
        [
          's.backendConnector = new Connector(createClassOnDemand(this.modules.backend), s.resourceStore, s, this.options);',
          's.backendConnector = Object.assign(new EventEmitter(), { state: {} });',
        ],
        ['if (opt.nest !== false) res = this.interpolator.nest(', 'if (false) res = this.interpolator.nest('],
        // key selectors (`t($ => $.a.b)`): the widget passes every key as a string
        [
          'function createProxy() {\n  const state = [];',
          'function keysFromSelector() {\n  throw new Error("i18next: key selectors are left out of this build");\n}\nfunction createProxyUnused() {\n  const state = [];',
        ],
        ['function keysFromSelector(selector, opts) {', 'function keysFromSelectorUnused(selector, opts) {'],
        // a debug-only notice about language codes' casing in i18next v27
        ['    if (this.logger.debug && isString(code)) this.deprecateBareCode(code, formatted);\n', ''],
        // post-processors (registered with use(), which is left out)
        ['if (res != null && postProcessorNames?.length && opt.applyPostProcessor !== false) {', 'if (false) {'],
        // a missing text's debug log and the saving of missing keys (saveMissing, never set)
        ['      if (usedKey || usedDefault || updateMissing) {\n        this.logger.log(', '      if (false) {\n        this.logger.log('],
        ['hasLoadedNamespace: this.hasLoadedNamespace.bind(this),\n        reloadResources: this.reloadResources.bind(this)', 'hasLoadedNamespace: this.hasLoadedNamespace.bind(this)'],
      ],
      drop: [
        {
          class: 'class I18n extends EventEmitter {',
          methods: ['reloadResources', 'use', 'hydrate', 'loadNamespaces', 'loadLanguages', 'dir', 'cloneInstance', 'toJSON', 'setDefaultNamespace'],
        },
        { class: 'class ResourceStore extends EventEmitter {', methods: ['addResource', 'addResources', 'removeResourceBundle', 'getResourceBundle', 'toJSON'] },
        { class: 'class Interpolator {', methods: ['nest'] },
        { class: 'class LanguageUtil {', methods: ['deprecateBareCode'] },
      ],
    },
  ]);
  return {
    ...rewrites,
    transform(code, id) {
      const edited = (rewrites.transform as (code: string, id: string) => { code: string } | null).call(this, code, id);
      if (!edited) return null;
      // i18next's log, warn and deprecation messages print only with its `debug` option, which the
      // widget never sets: they ship empty (the errors, always printed, keep their words).
      let quieted = 0;
      const out = edited.code.replace(DEBUG_MESSAGE, (_m, call: string) => {
        quieted++;
        return `${call}''`;
      });
      if (quieted < 20) this.error(`i18nextUnused: only ${quieted} debug messages found in ${id} — check the pattern after an upgrade`);
      return { code: out, map: null };
    },
  };
}


const RULES = /[\\/]machines[\\/]rules\.ts$/;
/** One string literal, or several joined with +. */
const STRING = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")(?:\s*\+\s*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))*`;

/** The message of a logger's log/warn/deprecate/once call: a string, or a template of plain names. */
const DEBUG_MESSAGE = new RegExp(String.raw`(\blogger\.(?:log|warn|deprecate)\(|\blogger\.once\((?:[\w.]+|'[^'\n]*'|\`[^\`\n]*\`),\s*'(?:log|warn|deprecate)',\s*)\s*(?:${STRING}|\`(?:[^\`$\\]|\\.|\$\{[\w.?]+\})*\`)`, 'g');
/** `summary: '…',` inside the rules data. */
const SUMMARY = new RegExp(String.raw`(\n\s+summary:)\s*${STRING}\s*(,?)`, 'g');
/** `reviewNote: '…',`: only its presence matters to the plan (machines/check-locally.ts). */
const REVIEW_NOTE = new RegExp(String.raw`(\n\s+reviewNote:)\s*${STRING}\s*(,?)`, 'g');
/** A source's `title: '…',` (the plan reads rules.json `source.<id>` in the user's language). */
const SOURCE_TITLE = new RegExp(String.raw`(\{\s*id:\s*['"][\w-]+['"],)\s*title:\s*${STRING}\s*(,|\})`, 'g');

/**
 * Reviewer-only words in the rules data (machines/rules.ts), left out of every shipped build;
 * the sources, the tests and `npm run rules:doc` keep reading them:
 *   - the rules' and flags' `summary`: English paraphrases for the legal reviewer; no screen, note
 *     or event shows them (they ship as empty strings);
 *   - `reviewNote`: what a reviewer should check, in English; the plan only asks whether a rule
 *     has one and shows rules.json `reviewNote.<id>` in the user's language (it ships as '!');
 *   - each source's `title`: the Danish title the plan shows comes from rules.json
 *     `source.<id>` in every language (test/rules checks that each source has one).
 * The build stops if a count no longer matches what the file declares, so a changed layout cannot
 * ship them half-stripped.
 */
export function reviewerSummaries(): Plugin {
  return {
    name: 'referral-reviewer-summaries',
    transform(code, id) {
      if (!RULES.test(id)) return null;
      // Entries only: the interfaces declare `summary: string;` and `reviewNote?: string;`.
      const declared = (key: string) =>
        (code.match(new RegExp(String.raw`\n\s+${key}:`, 'g')) ?? []).length - (code.match(new RegExp(String.raw`\n\s+${key}: string;`, 'g')) ?? []).length;
      const check = (what: string, stripped: number, expected: number) => {
        if (stripped === 0 || stripped !== expected) {
          this.error(`reviewerSummaries: stripped ${stripped} of ${expected} ${what} in ${id} — check the pattern`);
        }
      };
      let summaries = 0;
      let notes = 0;
      let titles = 0;
      // (The code arrives as JavaScript: the last property of an object has no comma.)
      let out = code.replace(SUMMARY, (_m, key: string, comma: string) => {
        summaries++;
        return `${key} ''${comma}`;
      });
      out = out.replace(REVIEW_NOTE, (_m, key: string, comma: string) => {
        notes++;
        return `${key} '!'${comma}`;
      });
      const sourcesAt = out.search(/\bconst sources\b[^=]*=\s*\[/);
      const sourcesEnd = out.indexOf('\n];', sourcesAt);
      if (sourcesAt < 0 || sourcesEnd < 0) this.error(`reviewerSummaries: no sources array in ${id}`);
      const list = out.slice(sourcesAt, sourcesEnd).replace(SOURCE_TITLE, (_m, head: string, end: string) => {
        titles++;
        return end === '}' ? `${head.slice(0, -1)} }` : head;
      });
      out = out.slice(0, sourcesAt) + list + out.slice(sourcesEnd);
      check('summaries', summaries, declared('summary'));
      check('review notes', notes, declared('reviewNote'));
      check('source titles', titles, (code.match(/\{\s*id: ['"][\w-]+['"],\s*title:/g) ?? []).length);
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

const DESCRIBED = /[\\/]machines[\\/](conditions|questions|referral\.machine)\.ts$/;
const DESCRIPTION = new RegExp(String.raw`(\bdescription:)\s*${STRING}`, 'g');
const COMPOSITE_DESCRIPTION = new RegExp(String.raw`(\bcomposite\(\s*\[[^\]]*\],)\s*${STRING}`, 'g');

/**
 * The English `description` of each fact (machines/conditions.ts), question
 * (machines/questions.ts) and state of the statechart (machines/referral.machine.ts) is for the reviewer, `npm run rules:doc` and training mode's flow
 * diagram; the caseworkers' IIFE has no training mode and shows none of them, so it ships them
 * empty. The build stops if the count of descriptions no longer matches the facts and questions.
 */
export function reviewerDescriptions(): Plugin {
  return {
    name: 'referral-reviewer-descriptions',
    transform(code, id) {
      const file = DESCRIBED.exec(id)?.[1];
      if (!file) return null;
      let stripped = 0;
      let out = code.replace(DESCRIPTION, (_m, key: string) => {
        stripped++;
        return `${key} ''`;
      });
      out = out.replace(COMPOSITE_DESCRIPTION, (_m, head: string) => {
        stripped++;
        return `${head} ''`;
      });
      const expected =
        file === 'questions'
          ? (code.match(/\bid: ['"][\w-]+['"],\s*kind:/g) ?? []).length
          : file === 'conditions'
            ? (code.match(/\breads: \[|\bcomposite\(\s*\[/g) ?? []).length
            : // the statechart's states: every description but the question states' own (`question.description`)
              (code.match(/\bdescription:/g) ?? []).length - (code.match(/\bdescription: question\.description\b/g) ?? []).length;
      if (stripped === 0 || stripped !== expected) {
        this.error(`reviewerDescriptions: stripped ${stripped} of ${expected} descriptions in ${id} — check the pattern`);
      }
      return { code: out, map: null };
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

const FIRST_PAINT = /[\\/]src[\\/]controllers[\\/]first-paint\.ts$/;
const FIRST_PAINT_INLINE = fileURLToPath(new URL('../src/controllers/first-paint.iife.ts', import.meta.url));
const STAND_INS = /[\\/]src[\\/](?:i18n[\\/]first-translator|controllers[\\/]first-snapshot)\.ts$/;

/**
 * The single-file builds paint the first question with XState and i18next, which they carry
 * inline anyway: src/controllers/first-paint.ts resolves to first-paint.iife.ts, so the ES build's
 * first-paint stand-ins (a fresh snapshot, a translator over the locale data) and the lazy
 * wrappers around the statechart and i18next are left out. The build stops if no import of
 * first-paint.ts was redirected or a stand-in still reached the bundle.
 */
export function firstPaintInline(): Plugin {
  let redirected = 0;
  return {
    name: 'referral-first-paint-inline',
    enforce: 'pre',
    buildStart() {
      redirected = 0;
    },
    async resolveId(source, importer, options) {
      if (!importer || !/first-paint/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !FIRST_PAINT.test(resolved.id)) return null;
      redirected++;
      return FIRST_PAINT_INLINE;
    },
    generateBundle(_options, bundle) {
      if (redirected === 0) this.error('firstPaintInline: no import of src/controllers/first-paint.ts found — check the plugin');
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const leaked = chunk.moduleIds.filter((id) => STAND_INS.test(id));
        if (leaked.length > 0) this.error(`firstPaintInline: first-paint stand-ins in ${chunk.fileName}: ${leaked.join(', ')}`);
      }
    },
  };
}

const SCREENS = /[\\/]src[\\/]screens\.ts$/;
const SCHEMAS = /[\\/]machines[\\/]schemas\.ts$/;
const PLAN_UNCHECKED = fileURLToPath(new URL('../src/plan/plan-unchecked.ts', import.meta.url));

/**
 * The caseworkers' IIFE sends its plan on Confirm without checking it against referralPlanSchema
 * at run time: src/screens.ts gets src/plan/plan-unchecked.ts (a copy of the plan) for
 * machines/schemas.ts. The plan is the guide's own output; test/machine/every-path.ts checks it
 * against the schema on every path. About 1.6 kB gzip. The build stops if the import moved.
 */
export function planUnchecked(): Plugin {
  let redirected = 0;
  return {
    name: 'referral-plan-unchecked',
    enforce: 'pre',
    buildStart() {
      redirected = 0;
    },
    async resolveId(source, importer, options) {
      if (!importer || !SCREENS.test(importer) || !/schemas/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !SCHEMAS.test(resolved.id)) return null;
      redirected++;
      return PLAN_UNCHECKED;
    },
    buildEnd() {
      if (redirected === 0) this.error('planUnchecked: src/screens.ts no longer imports machines/schemas.ts — check the plugin');
    },
  };
}
