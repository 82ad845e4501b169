/**
 * `npm start`: the dev server with the demo pages (sources as they are).
 * `npm run build` (scripts/build.mjs): three library builds from this file —
 *   - `vite build` (mode `production`): the ES-module entry `dist/referral-guide.js`; Danish is
 *     inline, Greenlandic and English are chunks of the same build in `dist/chunks/`, loaded
 *     from the page's own origin on first use; training mode is a chunk too;
 *   - `vite build --mode iife`: `dist/referral-guide.iife.js`, the caseworkers' guide as one
 *     classic script with every language inline, for CMSs that strip `type="module"`. No
 *     training mode: `<referral-training>` is src/training/unavailable.ts, which says which
 *     file has it (scripts/vite-plugins.ts `trainingUnavailable`);
 *   - `vite build --mode iife-training`: `dist/referral-guide-training.iife.js`, the same with
 *     training mode, for trainers' pages on such CMSs.
 * The IIFEs define no global. All are minified, use Lit's and XState's production builds, and
 * ship locale data without the translators' `_meta`.
 */
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import * as z from 'zod/mini';
import { fileURLToPath } from 'node:url';
import { localeData, minifyTemplates, privateGlobals, reviewerDescriptions, reviewerSummaries, trainingUnavailable } from './scripts/vite-plugins.ts';
import { docsAsHtml } from './scripts/docs-page.ts';
import { referralConfigSchema } from './src/config/schema.ts';

/** `/` opens the caseworker demo, so `npm start` lands on a page with the widget. */
function rootToDemo(): Plugin {
  return {
    name: 'referral-root-to-demo',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        next();
      });
    },
  };
}

/** The JSON schema of the config file, so an editor's JSON editor can check it as they type. */
function configJsonSchema(): Plugin {
  return {
    name: 'referral-config-json-schema',
    generateBundle() {
      const schema = z.toJSONSchema(referralConfigSchema, { unrepresentable: 'any', io: 'input' });
      this.emitFile({
        type: 'asset',
        fileName: 'referral-config.schema.json',
        source: `${JSON.stringify({ title: 'referral-guide local configuration', ...schema }, null, 2)}\n`,
      });
    },
  };
}

/** Without it, rolldown splits what the entry shares with the lazy chunks into chunks of their own. */
const initialInEntry = {
  includeDependenciesRecursively: false,
  groups: [
    {
      name: 'referral-guide',
      tags: ['$initial' as const],
      test: (id: string) => !/[\\/]node_modules[\\/]zod[\\/]|[\\/]schemas?\.ts$/.test(id),
    },
  ],
};

/** The builds by vite mode: entry, output file, and whether training mode is in it. */
const LIBRARY_BUILDS = {
  production: { format: 'es', entry: 'src/index.ts', file: 'referral-guide.js', training: true },
  iife: { format: 'iife', entry: 'scripts/iife-entry.ts', file: 'referral-guide.iife.js', training: false },
  'iife-training': {
    format: 'iife',
    entry: 'scripts/iife-training-entry.ts',
    file: 'referral-guide-training.iife.js',
    training: true,
  },
} as const;

function libraryBuild({ format, entry, file, training }: (typeof LIBRARY_BUILDS)[keyof typeof LIBRARY_BUILDS]): UserConfig {
  const es = format === 'es';
  return {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      localeData({ lazy: es, trainingUnavailable: !training }),
      privateGlobals(),
      reviewerSummaries(),
      minifyTemplates(),
      ...(training ? [] : [trainingUnavailable(), reviewerDescriptions()]),
      ...(es ? [configJsonSchema()] : []),
    ],
    build: {
      target: 'es2022',
      outDir: 'dist',
      // The builds share dist/: the first (ES) empties it, the IIFEs add to it.
      emptyOutDir: es,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry,
        formats: [format],
        fileName: () => file,
        // Required by vite for an IIFE; the entry exports nothing, so no global is created.
        name: 'referralGuide',
      },
      rolldownOptions: {
        // Lazy chunks may import what they share with the entry from the entry itself, so a page
        // loads one file up front instead of the entry plus shared chunks.
        preserveEntrySignatures: 'allow-extension',
        // The zod schemas only build objects: a module that imports them without using one (the
        // element imports machines/index.ts, which re-exports them) need not carry zod. They are
        // in the chunks that validate (config, plan on Confirm, training).
        treeshake: { moduleSideEffects: (id: string) => !/[\\/](?:machines[\\/]schemas|src[\\/]config[\\/]schema)\.ts$/.test(id) },
        output: {
          minify: true,
          // ES build: everything the entry needs up front in the entry file itself (zod and the
          // schemas excepted, see treeshake); the IIFE inlines every dynamic import anyway.
          ...(es ? { codeSplitting: initialInEntry } : {}),
          // Locale chunks are named after their file: chunks/kl-rules-<hash>.js.
          chunkFileNames: (chunk) => {
            const locale = /locales[\\/](\w+)[\\/](\w+)\.json$/.exec(chunk.facadeModuleId ?? '');
            if (locale) return `chunks/${locale[1]}-${locale[2]}-[hash].js`;
            // Shared chunks are named by rolldown after one of their modules; these two say what
            // they hold instead (XState with the machine and the rules; the plan view with the
            // Danish plan texts and the clipboard, shared by the screens and training mode).
            const has = (file: RegExp) => chunk.moduleIds.some((id) => file.test(id));
            if (has(/[\\/]machines[\\/]referral\.machine\.ts$/)) return 'chunks/machine-[hash].js';
            if (has(/[\\/]src[\\/]plan[\\/]view\.ts$/)) return 'chunks/plan-view-[hash].js';
            return 'chunks/[name]-[hash].js';
          },

        },
      },
    },
  };
}

export default defineConfig(({ command, mode }) => ({
  plugins: [rootToDemo(), docsAsHtml(fileURLToPath(new URL('.', import.meta.url)))],
  server: {
    open: process.env.CI ? false : '/demo/',
    port: 5173,
  },
  // Pre-bundle the libraries when the server starts. Without this, vite finds them one page (and
  // one lazy chunk) at a time, re-optimises and reloads: the first load after `npm start` took 8 s.
  optimizeDeps: {
    entries: ['demo/**/*.html'],
    include: ['lit', 'lit/directives/keyed.js', 'lit/directives/live.js', 'xstate', 'i18next', 'zod/mini'],
  },
  ...(command === 'build' ? libraryBuild(LIBRARY_BUILDS[mode === 'iife' || mode === 'iife-training' ? mode : 'production']) : {}),
}));
