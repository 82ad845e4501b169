/**
 * `npm run build` writes dist/custom-elements.json (the `customElements` field of package.json)
 * from the elements' JSDoc: `@attr`, `@fires`, `@csspart`, `@cssprop` and the public properties.
 * Only the public element is described; the presentational children are internal.
 */

import { readFileSync } from 'node:fs';

/**
 * The public theming tokens with their fallbacks, read from src/styles/tokens.ts (the one
 * place that maps `--referral-*` to the private `--_*`), merged with the `@cssprop` texts.
 */
function themingTokens() {
  const source = readFileSync(new URL('./src/styles/tokens.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/var\(\s*(--referral-[\w-]+)\s*,\s*([^;]+?)\s*\);/g)].map((m) => ({
    name: m[1],
    default: m[2].replace(/\s+/g, ' '),
  }));
}

/**
 * The analyzer knows `customElements.define`, not our `defineOnce(tag, Class)` (which tolerates a
 * second load), nor Lit's `state: true` (internal reactive state, no attribute): teach it both.
 */
function referralElements() {
  const tags = new Map();
  const states = new Map();
  return {
    name: 'referral-elements',
    analyzePhase({ ts, node }) {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineOnce') {
        const [tag, cls] = node.arguments;
        if (tag && cls && ts.isStringLiteral(tag) && ts.isIdentifier(cls)) tags.set(cls.text, tag.text);
      }
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          if (!member.name || member.name.getText() !== 'properties' || !member.initializer) continue;
          if (!ts.isObjectLiteralExpression(member.initializer)) continue;
          for (const prop of member.initializer.properties) {
            const text = prop.initializer?.getText() ?? '';
            if (/\bstate:\s*true\b/.test(text)) {
              const set = states.get(node.name.text) ?? new Set();
              set.add(prop.name.getText());
              states.set(node.name.text, set);
            }
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          const tag = tags.get(decl.name);
          if (tag) {
            decl.tagName = tag;
            decl.customElement = true;
            mod.exports = [
              ...(mod.exports ?? []),
              { kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } },
            ];
          }
          if (tag) {
            const documented = new Map((decl.cssProperties ?? []).map((p) => [p.name, p]));
            decl.cssProperties = themingTokens().map((t) => ({ ...t, ...documented.get(t.name), default: t.default }));
          }
          const internal = states.get(decl.name);
          if (internal) {
            decl.attributes = (decl.attributes ?? []).filter((a) => !internal.has(a.fieldName ?? a.name));
            decl.members = (decl.members ?? []).filter((m) => !internal.has(m.name));
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/referral-guide.ts'],
  outdir: 'dist',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [referralElements()],
};
