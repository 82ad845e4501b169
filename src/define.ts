/**
 * Registering the widget's custom elements, and noticing when a page got in the way.
 *
 * - Intranet pages sometimes load the widget's script twice (a CMS block and a template both
 *   include it); a second `customElements.define` would throw, so a tag already held by *our*
 *   element (from this load or an earlier one, marked with a registry-wide symbol, no global)
 *   is left as it is.
 * - A tag held by a class that is not ours (the host's own `<referral-guide>`, or a library that
 *   took `referral-question`) means a dead guide. That is never silent: it is logged, and the
 *   guide shows a message and fires `referral-error` (code `embedding`, issue `tag-taken`). For
 *   the outer tag, which the guide cannot render into, each `<referral-guide>` on the page gets
 *   the event, and an empty one without a shadow root also gets the message as text.
 */
import { languageOf, startupText } from './startup-texts.ts';
import { ReferralErrorEvent } from './events/referral-error.ts';

const OURS = Symbol.for('referral-guide:element');

/** Tags that turned out to be held by another script's class. */
const taken = new Set<string>();

export function isOurs(ctor: CustomElementConstructor | undefined): boolean {
  return ctor !== undefined && OURS in ctor;
}

export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (!Object.prototype.hasOwnProperty.call(ctor, OURS)) Object.defineProperty(ctor, OURS, { value: true });
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, ctor);
  else if (!isOurs(existing) && !taken.has(tag)) {
    taken.add(tag);
    console.error(`<referral-guide>: another script already defined <${tag}>; the guide cannot work on this page.`);
    if (tag === 'referral-guide') reportOuterTagTaken();
  }
}

/** The first of `tags` held by a class that is not ours, or null. */
export function takenTag(tags: readonly string[]): string | null {
  for (const tag of tags) {
    if (taken.has(tag)) return tag;
    const ctor = customElements.get(tag);
    if (ctor && !isOurs(ctor)) return tag;
  }
  return null;
}

function reportOuterTagTaken(): void {
  for (const el of document.querySelectorAll('referral-guide')) {
    const { heading, body } = startupText(languageOf(el), 'tag-taken', 'referral-guide');
    if (!el.shadowRoot && el.childNodes.length === 0) {
      const note = document.createElement('p');
      note.setAttribute('role', 'alert');
      note.dataset.startupFailure = 'tag-taken';
      note.textContent = `${heading}. ${body}`;
      el.append(note);
    }
    const issue = { code: 'tag-taken', path: [], message: '<referral-guide> is defined by another script' };
    queueMicrotask(() => el.dispatchEvent(new ReferralErrorEvent({ code: 'embedding', message: body, issues: [issue] })));
  }
}
