/**
 * Drives a guide through its child elements' own events (what their buttons fire), fast: the
 * embedding tests care about what reaches the host page, the keyboard paths are tested in test/ui.
 */
import type { ReferralGuide } from '../../src/referral-guide.ts';
import type { Answers, QuestionId } from '../../machines/types.ts';

type Screen = HTMLElement & { updateComplete: Promise<boolean>; question?: { id: QuestionId } };

export function screenOf(guide: ReferralGuide): Screen | null {
  return guide.shadowRoot!.querySelector<Screen>('[data-screen]');
}

async function settle(guide: ReferralGuide) {
  await guide.updateComplete;
  await screenOf(guide)?.updateComplete;
}

/** Answers whatever the guide asks from `answers`, confirms the review page, and shows the plan. */
export async function driveToPlan(guide: ReferralGuide, answers: Answers): Promise<Screen> {
  // The guide may live in an iframe: events are made in its own window.
  const CustomEvent = (guide.ownerDocument.defaultView as typeof globalThis).CustomEvent;
  await settle(guide);
  for (let i = 0; i < 40; i++) {
    const screen = screenOf(guide)!;
    const kind = screen.dataset.screen;
    if (kind === 'plan') return screen;
    if (kind === 'question') {
      const id = screen.question!.id;
      const value = answers[id];
      if (value === undefined) throw new Error(`no answer for ${id}`);
      screen.dispatchEvent(new CustomEvent('rg-answer', { detail: { questionId: id, value } }));
    } else if (kind === 'acute') {
      screen.dispatchEvent(new CustomEvent('rg-continue'));
    } else if (kind === 'review') {
      screen.dispatchEvent(new CustomEvent('rg-confirm'));
    }
    await settle(guide);
  }
  throw new Error('the guide never showed the plan');
}

/** Text of a node including open shadow roots, whitespace collapsed. */
export function deepText(node: Node): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    // nodeType, not instanceof: the node may come from an iframe's realm.
    const root = n.nodeType === Node.ELEMENT_NODE ? (n as Element).shadowRoot : null;
    if (root) root.childNodes.forEach(walk);
    n.childNodes.forEach(walk);
  };
  walk(node);
  // what a reader reads: kl's soft hyphens (src/i18n/hyphenate.ts) are invisible
  return out.replaceAll('\u00ad', '').replace(/\s+/g, ' ');
}

/** A plan with municipal substance treatment, regional psychiatry and homelessness support. */
export const DUAL_HOMELESS: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['alcohol'],
  'mental-health': 'treatment-requiring',
  trauma: 'none',
  'psychiatric-admission': 'no',
  refusal: ['none'],
  'current-contacts': ['none'],
  children: 'no',
  housing: 'homeless',
  language: 'danish',
  'missed-appointments': 'no',
  'digital-access': 'yes',
};

export function nextEvent<T extends Event>(target: EventTarget, name: string, timeout = 3000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      name,
      (e) => {
        clearTimeout(timer);
        resolve(e as T);
      },
      { once: true },
    );
  });
}

/** An iframe on `src`, resolved once its document has loaded. */
export async function frame(src: string): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 900px; height: 700px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = src;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** Polls `fn` until it returns something truthy (or fails after `timeout` ms). */
export async function until<T>(what: string, fn: () => T | null | undefined | false, timeout = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Adds a script to `doc` and resolves when it has loaded. */
export function addScript(doc: Document, src: string, module = false): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    if (module) script.type = 'module';
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} failed to load`));
    doc.head.append(script);
  });
}
