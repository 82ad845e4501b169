/**
 * Runs first in every build (src/index.ts imports it before anything else), before Lit is
 * evaluated, for the two ways a page's Trusted Types policy meets the guide's rendering library
 * (Lit creates one policy, named `lit-html`, when its module runs):
 *
 * - **The script loaded a second time** (a CMS block and a template), under a policy that allows
 *   `lit-html` once: the second copy of Lit would throw "Policy with name lit-html already
 *   exists". The guide from the first load is on the page and works, so while this copy is
 *   evaluated a refused `lit-html` policy is answered with "no policy" instead of an exception
 *   (the second copy never renders: every tag is already ours). The page's `trustedTypes` is
 *   restored right after, in the same task.
 * - **The policy name not allowed at all** (`trusted-types 'none'`, or a list without
 *   `lit-html`): Lit's module throws, nothing else of the bundle runs, and `<referral-guide>`
 *   would be a blank box. After this evaluation, if the tag is still free, a small element made
 *   without Lit takes it: it says in the page's language that the guide cannot start and why,
 *   and fires `referral-error` (code `embedding`, issue `blocked`, or `failed` for any other
 *   reason the bundle stopped).
 *
 * Creates no global; touches `trustedTypes.createPolicy` only during a second load.
 */
import { ReferralErrorEvent } from './events/referral-error.ts';
import { isOurs } from './define.ts';
import { languageOf, startupText, type StartupProblem } from './startup-texts.ts';

interface PolicyFactory {
  createPolicy(name: string, rules: object): unknown;
}

const TAG = 'referral-guide';
const tt = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;

if (tt && isOurs(customElements.get(TAG))) {
  const own = Object.getOwnPropertyDescriptor(tt, 'createPolicy');
  const original = tt.createPolicy;
  Object.defineProperty(tt, 'createPolicy', {
    configurable: true,
    writable: true,
    value(this: PolicyFactory, name: string, rules: object) {
      try {
        return original.call(this, name, rules);
      } catch (error) {
        if (name === 'lit-html') return undefined;
        throw error;
      }
    },
  });
  // The bundle's modules run in this same task; the page gets its own factory back before any
  // other script runs.
  queueMicrotask(() => {
    if (own) Object.defineProperty(tt, 'createPolicy', own);
    else delete (tt as Partial<PolicyFactory>).createPolicy;
  });
} else if (!customElements.get(TAG)) {
  let problem: StartupProblem = 'failed';
  const onError = (e: ErrorEvent) => {
    if (/trusted ?types|policy/i.test(String(e.message))) problem = 'blocked';
  };
  addEventListener('error', onError);
  setTimeout(() => {
    removeEventListener('error', onError);
    if (!customElements.get(TAG)) customElements.define(TAG, unavailableElement(problem as 'blocked' | 'failed'));
  });
}

/** A `<referral-guide>` that only says it cannot start (plain DOM: no Lit, no Trusted Types sink). */
function unavailableElement(problem: 'blocked' | 'failed'): CustomElementConstructor {
  let sheet: CSSStyleSheet | null = null;
  return class ReferralGuideUnavailable extends HTMLElement {
    connectedCallback(): void {
      if (this.shadowRoot) return;
      const lang = languageOf(this);
      const { heading, body } = startupText(lang, problem);
      const root = this.attachShadow({ mode: 'open' });
      try {
        sheet ??= new CSSStyleSheet();
        sheet.replaceSync(
          ':host{display:block}div{border:2px solid #b51d09;background:#fbeae8;color:#1a1a1a;padding:12px 16px;font:medium/1.5 system-ui,sans-serif}p{margin:0}',
        );
        root.adoptedStyleSheets = [sheet];
      } catch {
        // unstyled, still readable
      }
      const box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.lang = lang;
      box.dataset.startupFailure = problem;
      const title = document.createElement('p');
      const strong = document.createElement('strong');
      strong.textContent = heading;
      title.append(strong);
      const text = document.createElement('p');
      text.textContent = body;
      box.append(title, text);
      root.append(box);
      const issue = { code: problem, path: [], message: problem === 'blocked' ? 'Trusted Types: allow the policy name "lit-html"' : 'the script stopped' };
      queueMicrotask(() => this.dispatchEvent(new ReferralErrorEvent({ code: 'embedding', message: body, issues: [issue] })));
    }
  };
}
