import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { takenTag } from '../define.ts';
import { ReferralErrorEvent } from '../events/referral-error.ts';
import { languageOf, startupText, type StartupProblem } from '../startup-texts.ts';

/** Every tag the guide renders (some load on first use); each must be the guide's own element. */
export const GUIDE_TAGS = [
  'referral-question',
  'referral-language-switch',
  'referral-clear-all',
  'referral-acute',
  'referral-review',
  'referral-plan',
  'referral-note',
  'referral-training',
] as const;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * What the host page can do to a guide that no Restart can undo, found before each render:
 *
 * - **a tag taken**: another script defined one of the guide's inner tags (`referral-question` …)
 *   first, so that part of the guide would be the other script's element;
 * - **adopted**: the element was moved into another document (`adoptNode`, or appended into an
 *   iframe's document). Its constructed style sheets belong to the first document: the browser
 *   drops them, and any new child element would throw `NotAllowedError` when it adopts its own.
 *
 * Either way the guide shows only a message (its own styles are rebuilt in the new document so
 * the message is readable) and fires `referral-error` once (code `embedding`, issue `tag-taken`
 * or `adopted`). The answers stay in memory; nothing is sent anywhere.
 */
export class EmbeddingGuard implements ReactiveController {
  problem: { kind: Extract<StartupProblem, 'tag-taken' | 'adopted'>; tag: string } | null = null;
  private readonly host: Host;
  private readonly report: (event: ReferralErrorEvent) => void;

  constructor(host: Host, report: (event: ReferralErrorEvent) => void) {
    this.host = host;
    this.report = report;
    host.addController(this);
  }

  hostUpdate(): void {
    if (this.problem) return;
    const tag = takenTag(GUIDE_TAGS);
    if (tag) this.set('tag-taken', tag);
  }

  /**
   * From the element's `adoptedCallback`, or its first render root in another document. The
   * style sheets were made in the document of the realm the script runs in (`document`).
   */
  adopted(): void {
    const doc = this.host.ownerDocument;
    if (doc === document) return;
    this.restyle(doc);
    if (!this.problem) this.set('adopted', '');
  }

  private set(kind: 'tag-taken' | 'adopted', tag: string): void {
    this.problem = { kind, tag };
    const body = startupText(languageOf(this.host), kind, tag).body;
    const message = kind === 'adopted' ? 'moved into another document' : `<${tag}> is defined by another script`;
    this.report(new ReferralErrorEvent({ code: 'embedding', message: body, issues: [{ code: kind, path: [], message }] }));
    this.host.requestUpdate();
  }

  /** The guide's own styles as sheets of the new document (a sheet cannot cross documents). */
  private restyle(doc: Document): void {
    const root = this.host.shadowRoot;
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (!root || !Sheet) return;
    try {
      const styles = (this.host.constructor as unknown as { elementStyles: ReadonlyArray<{ cssText?: string }> }).elementStyles;
      root.adoptedStyleSheets = styles.map((style) => {
        const sheet = new Sheet();
        sheet.replaceSync(style.cssText ?? '');
        return sheet;
      });
    } catch (error) {
      console.error('<referral-guide> could not restyle itself in the new document.', error);
    }
  }

  /** The message shown instead of the guide. */
  text(): { heading: string; body: string } | null {
    if (!this.problem) return null;
    return startupText(languageOf(this.host), this.problem.kind, this.problem.tag);
  }
}
