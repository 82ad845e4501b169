import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { describeInputError, type InputError, type Translate } from '../errors.ts';
import { ReferralErrorEvent, type ReferralErrorCode } from '../events/referral-error.ts';
import type { Translator } from '../i18n/translator.ts';

interface ShownError {
  code: ReferralErrorCode;
  key: string;
  params?: Record<string, unknown>;
  /** A composed message (config issues), said anew in each language. */
  describe?: (t: Translate) => string;
}

interface FocusableScreen extends HTMLElement {
  focusHeading(): Promise<void>;
}

/**
 * The error messages above the guide's screen and what the host hears about them: one banner per
 * `referral-error` code (the latest case of that code), each said in the screen language and
 * closed with its own button, and the event queued by the guide (`queueEvent`) so it goes out
 * after the render that shows it. Bad local configuration tells the caseworker one plain
 * sentence (the national information is shown); the field-by-field detail is for the intranet
 * editor: behind a closed toggle in the banner, in full in the event and in the console.
 *
 * Closing a notice (here or the guide's persist notice, through `dismissed`) keeps focus in the
 * guide: the pressed button disappears with its notice, and focus would otherwise fall to the
 * page's `<body>`. It goes to the next notice's button, else the screen's heading, else the
 * guide's name.
 */
export class NoticesController implements ReactiveController {
  errors: readonly ShownError[] = [];
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly translator: () => Translator;
  private readonly queueEvent: (event: Event) => void;
  private focusAfterDismiss = false;
  /** The attribute value last reported per code (`unknown-language`, `unknown-mode`). */
  private readonly reported = new Map<ReferralErrorCode, string>();

  constructor(host: ReactiveControllerHost & HTMLElement, translator: () => Translator, queueEvent: (event: Event) => void) {
    this.host = host;
    this.translator = translator;
    this.queueEvent = queueEvent;
    host.addController(this);
  }

  /** Shows an error in the user's language and queues a `referral-error` event. */
  report(code: ReferralErrorCode, key: string, params?: Record<string, unknown>, issues?: unknown[]): void {
    // One message per code, saying the latest case (e.g. the unknown language code now set).
    const shown = { code, key, params };
    this.set(this.errors.some((e) => e.code === code) ? this.errors.map((e) => (e.code === code ? shown : e)) : [...this.errors, shown]);
    const message = this.translator().t(key, params);
    this.queueEvent(new ReferralErrorEvent({ code, message, ...(issues ? { issues } : {}) }));
  }

  /** Bad input from the host (config) or a plan that failed its check: shown, then reported. */
  reportInput(error: InputError): void {
    const describe = (t: Translate) => describeInputError(error, t);
    this.set([...this.errors.filter((e) => e.code !== error.code), { code: error.code, key: error.key, describe }]);
    const message = describe(this.translator().t);
    // The caseworker sees one plain sentence; the field-by-field detail is for the editor: here,
    // in the event and behind the banner's "Details for the intranet editor".
    if (error.code === 'invalid-config') console.warn(`referral-guide: ${message}`, error.issues);
    this.queueEvent(new ReferralErrorEvent({ code: error.code, message, issues: [...error.issues] }));
  }

  /**
   * An attribute value the guide does not know (`lang`, `mode`): reported once per value; `null`
   * (the host fixed it) takes the message away, which would be stale.
   */
  reportUnknown(code: 'unknown-language' | 'unknown-mode', value: string | null, key: string, param: string): void {
    if (value === null) {
      this.reported.delete(code);
      this.dismiss(code);
    } else if (this.reported.get(code) !== value) {
      this.reported.set(code, value);
      this.report(code, key, { [param]: value });
    }
  }

  dismiss(code: ReferralErrorCode): void {
    if (this.errors.some((e) => e.code === code)) this.set(this.errors.filter((e) => e.code !== code));
  }

  /** A notice's close button was pressed (`e`): close it with `dismiss`, keep focus in the guide. */
  dismissed(e: Event, dismiss: () => void): void {
    this.focusAfterDismiss = this.host.shadowRoot?.activeElement === e.currentTarget;
    dismiss();
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.focusAfterDismiss) return;
    this.focusAfterDismiss = false;
    const root = this.host.shadowRoot;
    const next = root?.querySelector<HTMLElement>('.banner > button');
    if (next) return next.focus();
    const screen = root?.querySelector<FocusableScreen>('[data-screen]');
    if (typeof screen?.focusHeading === 'function') return void screen.focusHeading();
    const name = root?.querySelector<HTMLElement>('.name');
    name?.setAttribute('tabindex', '-1');
    name?.focus();
  }

  render() {
    if (this.errors.length === 0) return nothing;
    const tr = this.translator();
    return html`<div class="errors" role="alert" part="errors">
      ${this.errors.map(
        (e) => html`<div class="notice error banner" data-error=${e.code}>
          ${e.code === 'invalid-config'
            ? html`<div>
                <p data-error-plain>${tr.t('errors.config.plain')}</p>
                <details class="editor-details">
                  <summary>${tr.t('errors.config.forEditor')}</summary>
                  <p data-error-details>${e.describe ? e.describe(tr.t) : tr.t(e.key, e.params)}</p>
                </details>
              </div>`
            : html`<p>${e.describe ? e.describe(tr.t) : tr.t(e.key, e.params)}</p>`}
          <button type="button" class="link-button" @click=${(ev: Event) => this.dismissed(ev, () => this.dismiss(e.code))}>
            ${tr.t('errors.dismiss')}
          </button>
        </div>`,
      )}
    </div>`;
  }

  private set(errors: readonly ShownError[]): void {
    this.errors = errors;
    this.host.requestUpdate();
  }
}
