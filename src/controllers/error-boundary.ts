import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/**
 * The guide's error boundary. An exception the guide did not expect (a bug in a render, in the
 * rules engine, in an event handler) must not leave a broken box on a host's page or lose the
 * caseworker's answers. What it catches:
 *
 * - the guide's own update cycle (willUpdate, render, updated): the guide's `scheduleUpdate`
 *   hands the error to `fail()`;
 * - the update cycles of the guide's child elements, patched once with `reportUpdateErrors`;
 *   they report through an `rg-internal-error` event that the guide stops at its shadow root;
 * - errors in the statechart's actor and in the guide's event handlers (the MachineController
 *   and the guide's `guard()`).
 *
 * On failure the guide shows a friendly message with a Restart button that rebuilds the guide
 * from the answers kept (nothing is lost) and dispatches `referral-error` with code `internal`.
 * The error itself goes to the console only: nothing leaves the page.
 */
export class ErrorBoundary implements ReactiveController {
  /** The error being shown, or null while the guide works. */
  failure: unknown = null;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly onFailure: (error: unknown) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, onFailure: (error: unknown) => void) {
    this.host = host;
    this.onFailure = onFailure;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.shadowRoot?.addEventListener(INTERNAL_ERROR, this.onChildError);
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener(INTERNAL_ERROR, this.onChildError);
  }

  /**
   * After each render, the guide's child elements report their own update errors. Patching here
   * comes before a new child's first update, which Lit runs in a later microtask.
   */
  hostUpdated(): void {
    for (const el of this.host.shadowRoot?.querySelectorAll('*') ?? []) {
      const ctor = el.constructor as { prototype: object };
      if (el.localName.includes('-') && 'scheduleUpdate' in ctor.prototype) reportUpdateErrors(ctor as typeof ReactiveElement);
    }
  }

  private onChildError = (e: Event) => {
    e.stopPropagation();
    e.preventDefault();
    this.fail((e as CustomEvent<unknown>).detail);
  };

  get failed(): boolean {
    return this.failure !== null;
  }

  fail(error: unknown): void {
    if (this.failure !== null) return; // the first error is the one to report
    this.failure = error ?? new Error('unknown error');
    console.error('<referral-guide> caught an internal error; the answers are kept.', error);
    try {
      this.onFailure(error);
    } finally {
      this.host.requestUpdate();
    }
  }

  /** Runs `fn`; an exception it throws becomes the guide's failure instead of escaping. */
  guard<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  reset(): void {
    this.failure = null;
    this.host.requestUpdate();
  }
}

export const INTERNAL_ERROR = 'rg-internal-error';

const patched = new WeakSet<object>();

/**
 * Makes an element class report exceptions from its update cycle to the guide around it (an
 * `rg-internal-error` event, which the guide's shadow root stops before it reaches the page)
 * instead of throwing them into the page. Idempotent.
 */
export function reportUpdateErrors(ctor: typeof ReactiveElement): void {
  const proto = ctor.prototype as unknown as { scheduleUpdate(): void | Promise<unknown> };
  if (patched.has(proto)) return;
  patched.add(proto);
  const original = proto.scheduleUpdate;
  proto.scheduleUpdate = function (this: HTMLElement) {
    try {
      return original.call(this);
    } catch (error) {
      const event = new CustomEvent(INTERNAL_ERROR, { detail: error, bubbles: true, composed: true, cancelable: true });
      // Outside a guide nobody takes the error: throw it as Lit would have.
      if (this.dispatchEvent(event)) throw error;
      return undefined;
    }
  };
}
