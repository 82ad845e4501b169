import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import {
  answeredPath,
  answersOf,
  currentQuestion,
  detailsOf,
  droppedOf,
  handoffOf,
  isAcuteWarning,
  isComplete,
  progressOf,
} from '../machines/snapshot.ts';
import { questionById } from '../machines/questions.ts';
import type { PlanContext, QuestionId, ReferralPlan as Plan } from '../machines/types.ts';
import { ConfigController } from './controllers/config-controller.ts';
import { InputError, type InputIssue } from './errors.ts';
import type { ReferralConfig } from './config/schema.ts';
import {
  MachineController,
  type ReferralMachineEvent,
  type ReferralSnapshot,
} from './controllers/machine-controller.ts';
import { I18nController } from './controllers/i18n-controller.ts';
import { defineOnce } from './define.ts';
import {
  ReferralCompleteEvent,
  ReferralErrorEvent,
  ReferralLanguageChangeEvent,
  ReferralStepEvent,
} from './events/index.ts';
import type { Lang } from './i18n/languages.ts';
import { answerLabel, answerRows, questionLabel } from './plan-labels.ts';
import { tokens } from './styles/tokens.ts';
import { shared } from './styles/shared.ts';
import type { CopyStatus, Handoff } from './plan/referral-plan.ts';
import type { ReferralReview } from './components/referral-review.ts';
import './components/referral-question.ts';
import './components/referral-language-switch.ts';
import './components/referral-clear-all.ts';
import { PersistController } from './controllers/persist-controller.ts';
import { NoticesController } from './controllers/notices-controller.ts';
import { ErrorBoundary } from './controllers/error-boundary.ts';
import { EmbeddingGuard } from './controllers/embedding-guard.ts';
import { loadLimits } from './load-limits.ts';
import { renderFailure, renderPersistNotice } from './safety-view.ts';
import { withoutSoftHyphens } from './i18n/hyphenate.ts';
import { noticeStyles, renderDropped, type UndoOffer } from './guide-notices.ts';
import { confirmStyles, renderConfirm } from './confirm-view.ts';

type Screen = 'question' | 'acute' | 'review' | 'plan';

/** The values of the `mode` attribute; anything else is reported and shown as `guide`. */
const MODES: ReadonlySet<string> = new Set(['guide', 'training']);

/** Screens in the lazy chunk (src/screens.ts): everything but the question. */
const LAZY_SCREENS: ReadonlySet<Screen> = new Set(['acute', 'review', 'plan']);

interface FocusableScreen extends HTMLElement {
  focusHeading(): Promise<void>;
}

/**
 * `<referral-guide>`: guides a caseworker, one question at a time, to a referral plan for a
 * socially vulnerable adult (substance use, mental illness, trauma): where to refer, who is
 * responsible, on which legal basis, by when. Decision support, not a decision.
 *
 * The one stateful element: it owns the statechart's actor (MachineController) and a private
 * i18next instance (I18nController). Everything it shows is a projection of the machine's
 * snapshot; the child elements are presentational.
 *
 * @attr lang - `da` | `kl` | `en`. Default: the nearest ancestor's `lang`, else `da`.
 * @attr mode - `guide` (default) | `training`. Another value shows the guide and reports `unknown-mode`.
 * @attr scenario - training mode: URL of a scenario file (same origin) to open; see docs/training.md.
 * @attr presenter - training mode: open in the presenter view (large type, high contrast, shortcuts).
 * @attr persist - opt-in: keep the answers in this tab's sessionStorage across a reload. The value
 *   names the record (`persist="case-a"`); a bare `persist` uses the page's path and query and the
 *   element's id. Answers saved under other rules are discarded with a notice (SECURITY.md).
 * @attr config - URL of the host's JSON config (same origin as the page): local contacts and notes.
 *   It wins over the `config` property; see docs/embedding.md.
 *
 * @fires referral-step - `{ questionId, index }` when the caseworker reaches a new question.
 * @fires referral-complete - the plan (contract.md) when the caseworker opens it.
 * @fires referral-language-change - `{ lang, previous }` when the caseworker switches language.
 * @fires referral-error - `{ code, message, issues? }` on bad input; the widget keeps working.
 *   Code `internal`: an unexpected exception was caught; the user sees Restart, no answer is lost.
 *
 * @csspart frame - the widget's outer box.
 * @csspart header - the bar with the name and the language switch.
 * @csspart errors - the error messages (e.g. an invalid config) above the screen.
 * @csspart clear-all - the "Clear all" button, which wipes every answer (and the stored copy).
 * @csspart switch - the language switch.
 * @csspart screen - the current screen (question, acute warning, answers, plan).
 * @csspart step - one step of the plan.
 * @csspart contact - a local contact (from the config) inside a step.
 * @csspart local-notes - the local notes (from the config) after the steps.
 * @csspart disclaimer - "decision support, not a decision" above the plan.
 *
 * @cssprop --referral-font-family - Typeface (default: IBM Plex Sans, then the system stack).
 * @cssprop --referral-color-text - Text colour (default #1a1a1a).
 * @cssprop --referral-color-primary - Buttons, step accents (default #0059b3).
 * @cssprop --referral-color-link - Links (default #004993).
 * @cssprop --referral-color-focus - Focus ring (default #1a1a1a, with a yellow halo).
 * @cssprop --referral-color-background - Background (default #ffffff).
 * @cssprop --referral-max-width - Widest the content gets (default 44em: 44 × the widget's base size).
 */
export class ReferralGuide extends LitElement {
  static override properties = {
    mode: { type: String, reflect: true },
    noteLang: { state: true },
    showPlan: { state: true },
    copyStatus: { state: true },
    questionError: { state: true },
    announcement: { state: true },
    undo: { state: true },
    confirmingRestart: { state: true },
    config: { attribute: false },
    scenario: { type: String },
    presenter: { type: Boolean },
    // Not reflected: the attribute's value names the record and must stay as the host wrote it.
    persist: { type: Boolean },
    asOf: { type: String, attribute: 'as-of' },
  };
  declare mode: 'guide' | 'training';
  /** Training mode: URL of a scenario file to open, and the presenter view (src/training/). */
  declare scenario: string | null;
  declare presenter: boolean;
  /** Opt-in: keep the answers in sessionStorage across a reload of this tab (SECURITY.md). */
  declare persist: boolean;
  declare noteLang: Lang;
  /** The machine's `complete` is the review page; the plan is one click further (UI-only state). */
  declare showPlan: boolean;
  declare copyStatus: CopyStatus;
  declare questionError: string | null;
  declare announcement: string;
  /** What the last answer change dropped, and how to put it back (until the next answer). */
  declare undo: UndoOffer | null;
  /** "Start again" on the plan asks first, as "Clear all" does. */
  declare confirmingRestart: boolean;
  /**
   * Local configuration as an object (municipality, region, contacts per service id, notes;
   * docs/embedding.md). Validated; the `config` attribute's file wins over it.
   */
  declare config: ReferralConfig | undefined;
  /**
   * The date (YYYY-MM-DD) the plan is computed for: rules change with dates (the regions merge on
   * 2027-01-01). Default today; trainers and tests set it. An invalid date is ignored (today).
   */
  declare asOf: string | null;

  /**
   * How long a file the host named (`config`, a training `scenario`) may take to arrive, in
   * milliseconds, before the guide gives up and says so (default 10 000). One setting per page:
   * `customElements.get('referral-guide').loadTimeout = 20_000`.
   */
  static get loadTimeout(): number {
    return loadLimits.timeoutMs;
  }
  static set loadTimeout(ms: number) {
    if (Number.isFinite(ms) && ms > 0) loadLimits.timeoutMs = ms;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  static override styles = [
    tokens,
    shared,
    noticeStyles,
    confirmStyles,
    css`
      :host {
        background: var(--_bg);
      }
      .frame {
        container: referral / inline-size;
        max-width: var(--_max-width);
        margin: 0 auto;
        padding: calc(var(--_space) * 2);
        /* A host page's global CSS reaches the host element (and everything inherits from it):
           the widget's own typography starts again here, inside the shadow root. */
        font-family: var(--_font);
        font-size: var(--_font-size);
        font-style: normal;
        font-weight: 400;
        line-height: 1.5;
        color: var(--_text);
        letter-spacing: normal;
        word-spacing: normal;
        text-transform: none;
        text-align: start;
        text-indent: 0;
        text-shadow: none;
        white-space: normal;
        visibility: visible;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: var(--_space) calc(var(--_space) * 2);
        padding-bottom: calc(var(--_space) * 1.5);
        margin-bottom: calc(var(--_space) * 3);
        border-bottom: 4px solid var(--_primary);
      }
      /* A phone: the name and "Clear all" share the first row, the language buttons the
         second; the question starts about 100 px down instead of 170. */
      @container referral (max-width: 30em) {
        .frame {
          padding: var(--_space);
        }
        .bar {
          gap: var(--_space);
          padding-bottom: var(--_space);
          margin-bottom: calc(var(--_space) * 2);
        }
        .bar referral-language-switch {
          order: 5;
          flex: 1 1 100%;
        }
        .bar .name {
          /* Words stay whole (min-content is the longest word); "Clear all" may wrap instead. */
          flex: 1 1 0;
          overflow-wrap: break-word;
          font-size: 1em;
        }
      }
      /* A lazy screen (src/screens.ts) still loading: hold some room rather than collapse. */
      [data-screen]:not(:defined),
      .pending {
        display: block;
        min-height: 20em;
      }
      .name {
        margin: 0;
        font-weight: 700;
        font-size: 1.125em;
      }
      @media print {
        .frame {
          max-width: none;
          padding: 0;
        }
        .bar {
          display: none !important;
        }
      }
    `,
  ];

  private readonly machine = new MachineController(this, undefined, (error) => this.boundary.fail(error));
  private readonly i18n = new I18nController(this);
  private readonly notices = new NoticesController(this, () => this.i18n.translator, (event) => this.queueEvent(event));
  private readonly localConfig = new ConfigController(this, (error) => this.notices.reportInput(error));
  private readonly boundary = new ErrorBoundary(this, () => this.onInternalError());
  private readonly persistence = new PersistController(this, this.machine, (name) =>
    this.queueEvent(
      new ReferralErrorEvent({
        code: 'embedding',
        message: this.i18n.translator.t('privacy.shared', { name }),
        issues: [{ code: 'persist-shared', path: [], message: `another guide holds the record "${name}"` }],
      }),
    ),
  );
  private readonly embedding = new EmbeddingGuard(this, (event) => this.queueEvent(event));
  private lastScreenKey = '';
  /** The last Undo put answers back (said with the next announcement). */
  private undone = false;
  private userActed = false;
  private focusPending = false;
  private detailFocus: 'request-date' | 'outpatient-insufficient' | 'referral-sent-date' | null = null;
  private pendingEvents: Event[] = [];
  /** The lazy screens' chunk (src/screens.ts): loading or loaded, and whether it is in. */
  private screensLoading: Promise<void> | null = null;
  private screensLoaded = false;
  private screens: typeof import('./screens.ts') | null = null;
  /** Failed loads of the screens so far, and the URL to try next (see `loadScreens`). */
  private screensAttempts = 0;
  private screensRetry: string | null = null;
  /** The statechart and i18next (MachineController, I18nController): loading, and whether done. */
  private coreLoading: Promise<void> | null = null;
  private coreSettled = false;
  /**
   * The printed note (a second rendering of the whole plan, print-only) is left out of the
   * See-plan click: it renders right after the frame that paints the plan, or on print.
   */
  private noteShown = false;
  /**
   * On the review screen, once idle: the plan rendered hidden for a moment (see `renderPlan`),
   * then removed again, so nothing hidden lingers in the tab order or the accessibility tree.
   */
  private planWarm: 'no' | 'pending' | 'rendering' | 'done' = 'no';
  private notePending: Promise<void> | null = null;
  /** An answer given on the first screen before the statechart had loaded (sent once it has). */
  private firstAnswer: { questionId: QuestionId; value: string | string[] } | null = null;

  constructor() {
    super();
    this.mode = 'guide';
    this.persist = false;
    this.noteLang = 'da';
    this.showPlan = false;
    this.copyStatus = null;
    this.questionError = null;
    this.announcement = '';
    this.undo = null;
    this.confirmingRestart = false;
  }

  /**
   * The statechart's current snapshot (read-only; drive the guide through the UI or its events).
   * In the moment between the first question on screen and the statechart's code arriving, it is
   * the snapshot a fresh guide starts with; `await guide.updateComplete` waits for the real one.
   */
  get snapshot(): ReferralSnapshot {
    return this.machine.snapshot;
  }

  /** The current plan (null before the guide is complete). */
  get plan(): Plan | null {
    return this.machine.planOf();
  }

  /** The language the widget shows. */
  get language(): Lang {
    return this.i18n.lang;
  }

  /**
   * The summary for the case file, as "Copy summary" puts it on the clipboard. Empty before the
   * plan exists (and in the moment between a restored complete guide and its screens' arrival).
   */
  summaryText(lang: Lang = this.noteLang): string {
    const plan = this.plan;
    if (!plan || !this.screens) return '';
    const { planNoteText, localView } = this.screens;
    // without the soft hyphens kl screen text carries: this text goes into the case file
    return withoutSoftHyphens(planNoteText(plan, this.i18n.translatorFor(lang), this.localConfig.view(lang, localView), today()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.applyLang();
    window.addEventListener('beforeprint', this.onBeforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onBeforePrint);
  }

  /** The browser's own Print (Ctrl+P) on the plan: the note renders before the page is laid out. */
  private onBeforePrint = () => {
    if (this.screen() === 'plan' && !this.noteShown) this.showNote();
  };

  private showNote() {
    this.noteShown = true;
    this.requestUpdate();
  }

  /** The plan's Print button: the note is rendered first (it may not have followed the plan yet). */
  private onPrint = async () => {
    if (!this.noteShown) {
      this.showNote();
      await this.updateComplete;
      await this.renderRoot.querySelector<LitElement>('referral-note')?.updateComplete;
    }
    window.print();
  };

  /**
   * What the plan screen and the note are built from, made once per plan, language, config and
   * day: every update of the guide on the plan screen (the note arriving, "Copied", the live
   * region) would otherwise hand the plan element new objects, and it would render all of it again.
   */
  private memo<V>(name: string, keys: unknown[], make: () => V): V {
    const hit = this.memos.get(name);
    if (hit && hit.keys.length === keys.length && hit.keys.every((k, i) => k === keys[i])) return hit.value as V;
    const value = make();
    this.memos.set(name, { keys, value });
    return value;
  }
  private memos = new Map<string, { keys: unknown[]; value: unknown }>();

  /** On the review screen, when the browser is idle: the hidden plan (see `planWarm`). */
  private scheduleWarmPlan() {
    if (this.screen() !== 'review' || !this.screens || this.boundary.failed) return;
    if (this.planWarm === 'rendering') {
      const warm = this.renderRoot.querySelector<LitElement>('.warm referral-plan');
      void (warm?.updateComplete ?? Promise.resolve()).then(() => {
        if (this.planWarm !== 'rendering') return;
        this.planWarm = 'done';
        this.requestUpdate();
      });
      return;
    }
    if (this.planWarm !== 'no') return;
    this.planWarm = 'pending';
    whenIdle(() => {
      if (this.screen() !== 'review' || this.planWarm !== 'pending') return;
      this.planWarm = 'rendering';
      this.requestUpdate();
    }, 1000);
  }

  /** Right after the frame that paints the plan: the note (see `noteShown`). */
  private scheduleNote() {
    if (this.noteShown || this.notePending || this.screen() !== 'plan' || !this.screens) return;
    this.notePending = new Promise<void>((resolve) =>
      afterPaint(() => {
        this.notePending = null;
        if (this.screen() === 'plan' && !this.noteShown) this.showNote();
        resolve();
      }),
    );
  }

  /** Moved into another document: see EmbeddingGuard. */
  adoptedCallback(): void {
    this.embedding.adopted();
  }

  /**
   * Created in one document and first shown in another (`iframeDocument.body.append(guide)`):
   * Lit's style sheets cannot be adopted there and it throws; the guide reports it instead.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    try {
      return super.createRenderRoot();
    } catch (error) {
      if (!this.shadowRoot || this.ownerDocument === document) throw error;
      this.embedding.adopted();
      return this.shadowRoot;
    }
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value && this.isConnected) this.applyLang();
  }

  private applyLang() {
    const { lang, unknown } = this.i18n.resolve();
    this.i18n.setLang(lang);
    this.notices.reportUnknown('unknown-language', unknown, 'errors.unknownLanguage', 'lang');
  }

  /** Resolves when the `config` attribute's file has loaded (or failed) and is on screen. */
  get configLoaded(): Promise<void> {
    return this.localConfig.loaded.then(() => this.updateComplete.then(() => undefined));
  }

  /**
   * Events go out after the render that shows their effect, so a host listening for
   * `referral-step` finds the new question on screen, and one that attached listeners right
   * after inserting the element still hears an error about its attributes.
   */
  private queueEvent(event: Event) {
    this.pendingEvents.push(event);
    this.requestUpdate();
  }

  private screen(): Screen {
    const snap = this.machine.snapshot;
    if (isAcuteWarning(snap)) return 'acute';
    if (currentQuestion(snap)) return 'question';
    return this.showPlan ? 'plan' : 'review';
  }

  private screenKey(): string {
    const s = this.screen();
    return s === 'question' ? `question:${currentQuestion(this.machine.snapshot)}` : s;
  }

  /** The error boundary: an exception anywhere in an update shows the failure message instead. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (error) {
      this.boundary.fail(error);
    }
  }

  /**
   * Loads the screens the first question does not need (once). Until they are in, their
   * elements stay undefined in the DOM (a fixed-height placeholder, see the styles) and the
   * next update after loading moves focus as usual.
   *
   * Called ahead of need (when the browser is idle after the first question) and on need (a
   * lazy screen is about to show). A load that fails ahead of need changes nothing on screen:
   * the next need tries again, and only a failure then shows the failure message.
   */
  private loadScreens(): Promise<void> {
    // After a failed load the browser keeps the failure for that URL (Chromium and Firefox do, for
    // a page's lifetime): the next try asks for the same file under a new URL.
    const retry = this.screensRetry;
    this.screensLoading ??= (retry ? (import(/* @vite-ignore */ retry) as Promise<typeof import('./screens.ts')>) : import('./screens.ts')).then(
      (screens) => {
        this.screens = screens;
        this.screensLoaded = true;
        // The plan's first date would otherwise build ICU's date formatter on the See-plan click.
        this.i18n.translator.date('2000-01-01');
        this.requestUpdate();
      },
      (error: unknown) => {
        this.screensLoading = null;
        this.screensAttempts++;
        this.screensRetry = retryUrl(error, this.screensAttempts);
        if (this.needsScreens()) this.boundary.fail(error);
      },
    );
    return this.screensLoading;
  }

  /** The current screen is one of the lazy screens' (src/screens.ts). */
  private needsScreens(): boolean {
    return this.mode !== 'training' && LAZY_SCREENS.has(this.screen());
  }

  /**
   * `updateComplete` also covers what loads on first use: a lazy screen on show, and the
   * validation of a `config` property just set. It resolves once they are in and rendered.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const waiting = !this.coreSettled
      ? this.loadCore()
      : (this.localConfig.parsing ?? (this.waitsForScreens() ? this.screensLoading : this.notePending));
    if (!waiting) return done;
    await waiting;
    return this.getUpdateComplete();
  }

  private waitsForScreens(): boolean {
    if (this.screensLoaded || this.screensLoading === null || this.boundary.failed) return false;
    return this.needsScreens();
  }

  /**
   * Loads the statechart and i18next (once). The first question is rendered without them (from
   * the snapshot a fresh guide starts with and the Danish texts in the entry); they load once it
   * is on screen, and the next render, on them, changes nothing the caseworker sees.
   */
  private loadCore(): Promise<void> {
    if (this.coreLoading) return this.coreLoading;
    this.coreSettled = false;
    this.coreLoading = Promise.all([this.machine.load(), this.i18n.load()]).then(
      () => {
        this.coreSettled = true;
        const answer = this.firstAnswer;
        this.firstAnswer = null;
        if (answer) this.answer(answer.questionId, answer.value);
      },
      (error: unknown) => {
        // A chunk that did not load (an editor who copied the entry without `chunks/`): the
        // failure message and a `referral-error`; an answer or Restart after it tries again.
        this.coreSettled = true;
        this.coreLoading = null;
        this.boundary.fail(error);
      },
    );
    return this.coreLoading;
  }

  protected override firstUpdated(): void {
    // The statechart and i18next: right after this first frame is painted (a task queued from
    // an animation frame runs after the paint; the timer covers a page in a background tab,
    // which gets no animation frames).
    let queued = false;
    const load = () => {
      if (queued) return;
      queued = true;
      setTimeout(() => void this.loadCore());
    };
    requestAnimationFrame(load);
    setTimeout(load, 100);
    // Fetch the other screens while the caseworker reads the first question, not before it: the
    // step into the answers and the plan then wait for no network and no script parsing. The
    // timeout: a busy page (twenty tabs, a virus scanner) may never be idle for long.
    whenIdle(() => void this.loadScreens(), 2000);
  }

  protected override willUpdate(): void {
    this.checkMode();
    if (this.boundary.failed || this.embedding.problem) return;
    this.machine.useSetting(settingOf(this.localConfig.config, this.asOf));
    if (!isComplete(this.machine.snapshot)) this.showPlan = false;
    if (this.screen() !== 'plan') {
      this.confirmingRestart = false;
      this.noteShown = false;
    }
    if (this.screen() !== 'review') this.planWarm = 'no';
    if (!this.screensLoaded && this.needsScreens()) void this.loadScreens();
    const key = this.screenKey();
    if (key !== this.lastScreenKey) {
      const first = this.lastScreenKey === '';
      this.lastScreenKey = key;
      this.questionError = null;
      if (!first) this.onScreenChange();
    }
  }

  /** An unknown `mode` is reported like an unknown `lang` (once per value) and shown as `guide`. */
  private checkMode() {
    const mode = this.mode ?? null;
    this.notices.reportUnknown('unknown-mode', mode === null || MODES.has(mode) ? null : mode, 'errors.unknownMode', 'mode');
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.scheduleNote();
    this.scheduleWarmPlan();
    if (this.boundary.failed) {
      if (this.focusPending) this.renderRoot.querySelector<HTMLElement>('#failure-heading')?.focus();
      this.focusPending = false;
    } else if (this.detailFocus) {
      const review = this.renderRoot.querySelector<ReferralReview>('referral-review');
      // A lazy screen not defined yet: focus moves in the update after it has loaded.
      if (typeof review?.focusDetail === 'function') {
        const field = this.detailFocus;
        this.detailFocus = null;
        void review.focusDetail(field);
      } else if (!review) this.detailFocus = null;
    } else if (this.focusPending) {
      const el = this.renderRoot.querySelector<FocusableScreen>('[data-screen]');
      if (typeof el?.focusHeading === 'function') {
        this.focusPending = false;
        void el.focusHeading();
      } else if (!el) this.focusPending = false;
    }
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const e of events) this.dispatchEvent(e);
  }

  /**
   * A new screen is about to render: announce it, and after a user's step move focus to its
   * heading (never on first render: the host page keeps its focus until the user acts).
   */
  private onScreenChange() {
    const snap = this.machine.snapshot;
    const tr = this.i18n.translator;
    const screen = this.screen();
    const dropped = droppedOf(snap);
    const droppedText = dropped.length
      ? `${tr.t('review.dropped.heading')}: ${dropped
          .map((d) => `${questionLabel(tr, d.questionId)}: ${answerLabel(tr, d.questionId, d.value)}`)
          .join('; ')}. `
      : '';
    let text = '';
    if (screen === 'question') {
      const id = currentQuestion(snap)!;
      const progress = progressOf(snap);
      text = progress
        ? tr.t('progress.announce', {
            index: tr.number(progress.index),
            total: tr.number(progress.total),
            title: tr.t(`rules:question.${id}.title`),
          })
        : tr.t(`rules:question.${id}.title`);
      if (this.userActed) this.pendingEvents.push(new ReferralStepEvent({ questionId: id, index: progress?.index ?? 0 }));
    } else if (screen === 'acute') {
      text = tr.t('live.acute');
    } else if (screen === 'review') {
      text = tr.t('live.review', { count: answeredPath(snap).length });
    } else {
      text = tr.t('live.plan', { count: this.machine.planOf()?.tracks.length ?? 0 });
    }
    const undoneText = this.undone ? `${tr.t('live.undone')} ` : '';
    this.undone = false;
    this.announcement = undoneText + droppedText + text;
    this.focusPending = this.userActed;
    this.userActed = false;
  }

  private send(event: ReferralMachineEvent): boolean {
    if (!this.machine.loaded) {
      // Only the first screen shows before the statechart has loaded; it has no Back.
      void this.loadCore().then(() => {
        if (this.machine.loaded) this.send(event); // after a failed load the failure message shows
      });
      return true;
    }
    this.userActed = true;
    const taken = this.boundary.guard(() => this.machine.send(event)) ?? false;
    this.requestUpdate();
    return taken;
  }

  override render() {
    const tr = this.i18n.translator;
    const lang = this.i18n.lang;
    const blocked = this.embedding.text();
    if (blocked) {
      return html`<div class="frame" lang=${lang} part="frame">
        <div class="notice danger" role="alert" data-startup-failure=${this.embedding.problem!.kind}>
          <h2 class="h3">${blocked.heading}</h2>
          <p>${blocked.body}</p>
        </div>
      </div>`;
    }
    if (this.boundary.failed) {
      return html`<div class="frame" lang=${lang} part="frame">
        ${renderFailure(tr, this.onRecover)}
        <referral-clear-all .tr=${tr} exportparts="clear-all" @rg-clear-all=${this.onClearAll}></referral-clear-all>
      </div>`;
    }
    return html`<div class="frame" lang=${lang} part="frame">
      <div class="bar" part="header">
        <p class="name">${tr.t('widget.name')}</p>
        <referral-language-switch exportparts="switch" .lang=${lang} .tr=${tr} @rg-language=${this.onLanguage}></referral-language-switch>
        ${this.mode === 'training'
          ? nothing
          : html`<referral-clear-all .tr=${tr} exportparts="clear-all" @rg-clear-all=${this.onClearAll}></referral-clear-all>`}
      </div>
      ${this.notices.render()} ${this.renderLoading()}
      ${renderPersistNotice(tr, this.persistence.notice, (e) => this.notices.dismissed(e, () => this.persistence.dismiss()), this.persistence.sharedName)} ${this.mode === 'training' ? this.renderTraining(lang) : html`${this.screen() === 'plan' ? nothing : renderDropped(tr, this.undo, this.onUndo)} ${this.renderScreen()}`}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-live>${this.announcement}</div>
    </div>`;
  }

  /** Training mode is its own element, loaded on first use (a chunk of the ES build). */
  private renderTraining(lang: Lang) {
    void import('./training/referral-training.ts');
    return html`<referral-training lang=${lang} scenario=${this.scenario ?? nothing} ?presenter=${this.presenter}></referral-training>`;
  }

  /** The config file is slow to arrive: say so (it never blocks the questions). */
  private renderLoading() {
    if (!this.localConfig.loadingShown) return nothing;
    return html`<p class="notice loading" role="status" data-loading="config">${this.i18n.translator.t('local.loading')}</p>`;
  }

  private renderScreen() {
    const snap = this.machine.snapshot;
    const tr = this.i18n.translator;
    switch (this.screen()) {
      case 'acute':
        return html`<referral-acute
          data-screen="acute"
          part="screen"
          .tr=${tr}
          .entries=${this.machine.emergencyPlanOf()?.tracks[0]?.emergency ?? []}
          @rg-continue=${() => this.send({ type: 'continue' })}
          @rg-back=${() => this.send({ type: 'back' })}
        ></referral-acute>`;
      case 'question': {
        // persist: the stored answers go in once the statechart has loaded (a moment); not the
        // first question meanwhile, which the caseworker might start answering.
        if (this.persistence.pending) return html`<div class="pending" data-screen="pending" part="screen" aria-busy="true"></div>`;
        const id = currentQuestion(snap)!;
        return html`<referral-question
          data-screen="question"
          part="screen"
          .question=${questionById[id]}
          .value=${answersOf(snap)[id]}
          .tr=${tr}
          .progress=${progressOf(snap)}
          .error=${this.questionError}
          ?can-go-back=${snap.can({ type: 'back' })}
          @rg-answer=${this.onAnswer}
          @rg-back=${() => this.send({ type: 'back' })}
        ></referral-question>`;
      }
      case 'review': {
        const plan = this.machine.planOf();
        return html`<referral-review
          data-screen="review"
          part="screen"
          .rows=${answerRows(tr, answeredPath(snap), answersOf(snap))}
          .tr=${tr}
          .details=${detailsOf(snap)}
          ?show-outpatient=${plan?.tracks.some((t) => t.service === 'municipal-substance-treatment') ?? false}
          .showRequestDate=${plan?.tracks.some((t) => t.clock?.startsAt === 'request') ?? true}
          ?show-referral=${plan?.tracks.some((t) => t.clock?.startsAt === 'referral-received') ?? false}
          @rg-edit=${this.onEdit}
          @rg-back=${() => this.send({ type: 'back' })}
          @rg-details=${this.onDetails}
          @rg-invalid-date=${() => this.notices.report('invalid-date', 'errors.invalidDate')}
          @rg-confirm=${this.onConfirm}
        ></referral-review>
        ${this.planWarm === 'rendering' && this.screens && plan ? html`<div class="warm" hidden inert>${this.renderPlan(this.screens, true)}</div>` : nothing}`;
      }
      case 'plan': {
        // The plan is one click from the review screen, so the screens chunk is in by now.
        if (!this.screens) return html`<referral-plan data-screen="plan" part="screen"></referral-plan>`;
        return this.renderPlan(this.screens, false);
      }
    }
  }

  /**
   * The plan screen. `warm`: the same templates, hidden, rendered on the review screen once the
   * browser is idle there, so the See-plan click finds Lit's templates prepared, the plan's
   * styles built and the plan's view made (see `memo`), and only has to show it.
   */
  private renderPlan(screens: NonNullable<typeof this.screens>, warm: boolean) {
    const tr = this.i18n.translator;
    const plan = this.machine.planOf()!;
    const { planScreen, planNote, buildPlanView, localView } = screens;
    const local = this.localConfig.view(this.i18n.lang, localView);
    const day = today();
    const screen = this.memo('screen', [plan, tr, this.localConfig.config, day], () => planScreen(plan, tr, local, day));
    const noteTr = this.noteShown ? this.i18n.translatorFor(this.noteLang) : tr;
    return html`<referral-plan
        data-screen=${warm ? nothing : 'plan'}
        part=${warm ? nothing : 'screen'}
        exportparts="action, step, contact, local-notes, disclaimer"
        .view=${screen.view}
        .actions=${screen.actions}
        .asOf=${screen.asOf}
        .tr=${tr}
        .handoff=${this.handoffStage()}
        .local=${local}
        .noteLang=${this.noteLang}
        .copyStatus=${this.copyStatus}
        .copyText=${this.copyStatus === 'failed' ? this.summaryText() : ''}
        @rg-edit=${this.onEdit}
        @rg-edit-detail=${this.onEditDetail}
        @rg-back=${this.onBackToReview}
        @rg-restart=${this.askRestart}
        @rg-print=${this.onPrint}
        @rg-copy=${this.onCopy}
        @rg-note-language=${this.onNoteLanguage}
        @rg-referral-sent=${this.onReferralSent}
        @rg-region-took-over=${() => this.machine.send({ type: 'region-took-over' })}
      ></referral-plan>
      ${this.confirmingRestart
        ? html`<div class="restart-confirm" data-restart-confirm>
            ${renderConfirm(
              'restart-confirm',
              { question: tr.t('nav.restartConfirm'), yes: tr.t('nav.restartYes'), cancel: tr.t('privacy.clearCancel') },
              this.onRestart,
              this.cancelRestart,
            )}
          </div>`
        : nothing}
      ${this.noteShown
        ? html`<referral-note
            .note=${this.memo('note', [plan, noteTr, this.localConfig.config, day], () => planNote(plan, noteTr, this.localConfig.view(this.noteLang, localView), day))}
            .view=${this.memo('note-view', [plan, noteTr], () => buildPlanView(plan, noteTr))}
            .tr=${noteTr}
          ></referral-note>`
        : nothing}`;
  }

  private onAnswer = (e: CustomEvent<{ questionId: QuestionId; value: string | string[] }>) => {
    const { questionId, value } = e.detail;
    if (this.machine.loaded) this.answer(questionId, value);
    else {
      // Continue pressed before the statechart is in (within a few frames of the first paint):
      // the latest answer goes in as soon as it is.
      this.firstAnswer = { questionId, value };
      void this.loadCore();
    }
  };

  private answer(questionId: QuestionId, value: string | string[]) {
    const { answers, details } = this.machine.snapshot.context;
    if (!this.send({ type: 'answer', questionId, value })) {
      this.userActed = false;
      this.questionError = this.i18n.translator.t('errors.invalidAnswer');
      this.notices.report('invalid-answer', 'errors.invalidAnswer');
      return;
    }
    // The machine lists what this answer dropped; the state before it is what Undo restores.
    // Any other answer ends the offer.
    const dropped = droppedOf(this.machine.snapshot);
    this.undo = dropped.length > 0 ? { answers, details, dropped: [...dropped] } : null;
  }

  /** Undo: every dropped answer, and the changed one, back as they were; the guide goes on from there. */
  private onUndo = () => {
    const offer = this.undo;
    if (!offer || !this.machine.loaded) return;
    this.undo = null;
    this.machine.restore({ answers: offer.answers, details: offer.details });
    this.showPlan = false;
    this.userActed = true;
    this.undone = true;
    this.lastScreenKey = 'undone';
  };

  private onEdit = (e: CustomEvent<{ questionId: string }>) => {
    this.send({ type: 'edit', questionId: e.detail.questionId });
  };

  private onDetails = (e: CustomEvent<{ requestDate?: string | null; referralSentDate?: string | null; outpatientInsufficient?: boolean }>) => {
    this.machine.send({ type: 'details', ...e.detail });
    this.notices.dismiss('invalid-date');
  };

  private onConfirm = () => {
    // The review screen comes with the screens chunk; another guide on the page may have defined
    // it a moment before this guide's own import of the chunk has resolved.
    if (!this.screens) {
      void this.loadScreens().then(() => this.screens && this.onConfirm());
      return;
    }
    this.userActed = true;
    this.showPlan = true;
    this.copyStatus = null;
    const plan = this.plan;
    if (!plan) return;
    // The plan leaves the element only in the contract's shape (validated, and a copy the host
    // cannot use to change the widget's state).
    const checked = this.screens.referralPlanSchema.safeParse(plan);
    if (checked.success) this.queueEvent(new ReferralCompleteEvent(checked.data as Plan));
    else this.notices.reportInput(new InputError('invalid-plan', 'errors.plan.invalid', checked.error.issues as unknown as InputIssue[], {}, plan));
  };

  /** A detail (request date, outpatient) is changed on the review page: go there, focus the field. */
  private onEditDetail = (e: CustomEvent<{ id: 'request-date' | 'outpatient-insufficient' | 'referral-sent-date' }>) => {
    this.showPlan = false;
    this.detailFocus = e.detail.id;
  };

  /** "Start again" on the plan: asks first (every answer goes), as "Clear all" does. */
  private askRestart = async () => {
    if (this.confirmingRestart) return this.cancelRestart();
    this.confirmingRestart = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#restart-confirm-text')?.focus();
  };

  private onRestart = () => {
    this.confirmingRestart = false;
    this.undo = null;
    this.send({ type: 'restart' });
  };

  /** Cancel or Escape: nothing changes, and focus returns to the plan's "Start again". */
  private cancelRestart = async () => {
    this.confirmingRestart = false;
    await this.updateComplete;
    const plan = this.renderRoot.querySelector('referral-plan');
    const restart = this.i18n.translator.t('nav.restart');
    const buttons = [...(plan?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    buttons.find((b) => b.textContent?.trim() === restart)?.focus();
  };

  private onBackToReview = () => {
    this.userActed = true;
    this.showPlan = false;
  };

  private onLanguage = (e: CustomEvent<{ lang: Lang }>) => {
    const previous = this.i18n.lang;
    const lang = e.detail.lang;
    if (lang === previous) return;
    // Reflect to the attribute so assistive technology and :lang() see the widget's language.
    this.setAttribute('lang', lang);
    this.i18n.setLang(lang);
    this.notices.dismiss('unknown-language');
    this.announcement = this.i18n.translator.t('live.language');
    this.queueEvent(new ReferralLanguageChangeEvent({ lang, previous }));
  };

  /** Where the handover to the region stands: to be sent → sent → the region took over. */
  private handoffStage(): Handoff {
    const handoff = handoffOf(this.machine.snapshot);
    if (!handoff) return null;
    if (handoff.regional === 'taken-over') return { stage: 'taken-over' };
    const sentOn = detailsOf(this.machine.snapshot).referralSentDate;
    return sentOn ? { stage: 'sent', sentOn } : { stage: 'to-send' };
  }

  private onReferralSent = () => {
    this.machine.send({ type: 'details', referralSentDate: today() });
  };

  private onNoteLanguage = (e: CustomEvent<{ lang: Lang }>) => {
    this.noteLang = e.detail.lang;
    this.copyStatus = null;
  };

  private onCopy = async () => {
    // The copy button is on the plan screen: the screens chunk (with the clipboard) is in.
    const ok = await this.screens!.copyText(this.summaryText(), this.renderRoot as ShadowRoot);
    this.copyStatus = ok ? 'copied' : 'failed';
    if (!ok) this.notices.report('clipboard-failed', 'errors.clipboard');
  };

  /** "Clear all": every answer and detail goes, in memory and in sessionStorage. */
  private onClearAll = () => {
    this.persistence.clear();
    this.boundary.reset();
    this.undo = null;
    this.confirmingRestart = false;
    this.userActed = true;
    this.showPlan = false;
    this.copyStatus = null;
    this.questionError = null;
    this.lastScreenKey = 'cleared';
  };

  /** After an internal error: the report to the host (the message is on screen already). */
  private onInternalError() {
    this.focusPending = true;
    let message = 'The guide ran into an unexpected error. The answers are kept.';
    try {
      message = this.i18n.translator.t('failure.event');
    } catch {
      // the English text above
    }
    this.queueEvent(new ReferralErrorEvent({ code: 'internal', message }));
  }

  /** The failure message's Restart: a new statechart from the answers kept. */
  private onRecover = () => {
    const { answers, details } = this.machine.snapshot.context;
    this.machine.restore({ answers, details });
    this.showPlan = false;
    this.userActed = true;
    this.lastScreenKey = 'failure';
    this.boundary.reset();
    if (!this.machine.loaded) void this.loadCore();
  };
}

/** The date and place the machine computes the plan for: the config's region and municipality. */
function settingOf(config: ReferralConfig, asOf: string | null | undefined): PlanContext {
  const setting: PlanContext = {};
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) setting.asOf = asOf;
  if (config.region) setting.region = config.region;
  const municipality = config.municipality;
  if (municipality?.code) setting.municipalityCode = municipality.code;
  if (municipality) {
    const name = typeof municipality.name === 'string' ? municipality.name : (municipality.name.da ?? municipality.name.en ?? municipality.name.kl);
    if (name) setting.municipalityName = name;
  }
  return setting;
}

/**
 * The URL of a module whose import failed, as the browser's error names it ("Failed to fetch
 * dynamically imported module: <url>", "error loading dynamically imported module: <url>"), with
 * a query that makes it a new module request; null when the message names no script.
 */
function retryUrl(error: unknown, attempt: number): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const url = /(https?:\/\/[^\s?#]+\.[cm]?[jt]s)\b/.exec(message)?.[1];
  if (!url) return null;
  return `${url}?retry=${attempt}`;
}

/**
 * Runs `task` once the next frame is painted (a task queued from an animation frame runs after
 * its paint); the timer covers a page in a background tab, which gets no animation frames.
 */
function afterPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => setTimeout(run));
  setTimeout(run, 100);
}

/** Runs `task` when the browser is idle, or after `timeout` ms at the latest. */
function whenIdle(task: () => void, timeout: number): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => void }).requestIdleCallback;
  if (idle) idle(task, { timeout });
  else setTimeout(task, 200);
}

/** Today's date in the user's time zone, as `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

defineOnce('referral-guide', ReferralGuide);

declare global {
  interface HTMLElementTagNameMap {
    'referral-guide': ReferralGuide;
  }
}
