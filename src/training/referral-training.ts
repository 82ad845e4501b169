import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  askedPath,
  answersOf,
  predictedPath,
  questionById,
  type AnswerValue,
  type FlagId,
  type QuestionDef,
  type QuestionId,
  type ReferralPlan,
  type Scenario,
  type ServiceId,
} from '../../machines/index.ts';
import { I18nController } from '../controllers/i18n-controller.ts';
import * as i18nCore from '../i18n/i18next-core.ts';
import { copyText } from '../clipboard.ts';
import { softHyphens } from '../i18n/hyphenate.ts';
import { defineOnce } from '../define.ts';
import { describeInputError, InputError } from '../errors.ts';
import { ReferralErrorEvent } from '../events/referral-error.ts';
import type { Translator } from '../i18n/translator.ts';
import { answerLabel, buildPlanView, questionLabel } from '../plan-view.ts';
import { shared } from '../styles/shared.ts';
import { tokens } from '../styles/tokens.ts';
import { walkPath } from './flow-graph.ts';
import { addTrainingBundles } from './i18n.ts';
import { compareWithExpected, diffPlans, isEmptyDiff, type Mark } from './plan-compare.ts';
import { ScenarioPlayer } from './player.ts';
import { fetchScenario, readScenarioFile, validateScenario } from './scenario-source.ts';
import { bundledScenarios } from './scenarios/index.ts';
import { decodeScenario, payloadFromHash, shareUrl } from './share.ts';
import { trainingStyles } from './styles.ts';
import './referral-flow-diagram.ts';
// The Danish plan texts (services, rules, flags, sources): not in the ES entry, see the module.
import '../i18n/plan-texts.ts';

type Source = 'bundled' | 'file' | 'link' | 'url';

interface Entry {
  scenario: Scenario;
  source: Source;
}

interface ShownError {
  error: InputError;
  source: Source;
}

/** Keys the player answers to; listed on screen. Never handled when focus is outside the widget. */
const KEYS = {
  next: ['ArrowRight', 'PageDown'],
  back: ['ArrowLeft', 'PageUp'],
  reveal: ['r', 'R'],
  diagram: ['d', 'D'],
  whatIf: ['w', 'W'],
  presenter: ['p', 'P'],
} as const;

/**
 * `<referral-training>`: training mode for workshops. A trainer picks a scenario (bundled, a
 * file, the `scenario` attribute's URL or a shared link's `#scenario=…`), reads the story aloud,
 * and steps through the questions the statechart asks: the room predicts, "reveal" sends the
 * scenario's answer to the real machine and shows the rules it triggers and the facilitator's
 * note. At the end the machine's plan stands next to the expected one; "what if" changes answers
 * on the machine and shows what changed. Presenter view: a full-screen modal dialog in large,
 * high-contrast type with the keyboard shortcuts listed. `<referral-guide mode="training">`
 * renders this element; it also works on its own.
 *
 * @attr lang - `da` | `kl` | `en`; default: the nearest ancestor's `lang`, else `da`.
 * @attr scenario - URL of a scenario JSON file (same origin as the page) to open at once.
 * @attr presenter - presenter view (large type, high contrast, full screen).
 *
 * @fires referral-error - `{ code: 'invalid-scenario', message, issues }` when a scenario is refused.
 */
export class ReferralTraining extends LitElement {
  static override properties = {
    lang: { type: String },
    scenario: { type: String },
    presenter: { type: Boolean, reflect: true },
    entries: { state: true },
    current: { state: true },
    diagram: { state: true },
    whatIf: { state: true },
    errors: { state: true },
    announcement: { state: true },
    linkStatus: { state: true },
    linkText: { state: true },
    loadingUrl: { state: true },
  };
  /** The `scenario` URL being fetched (shown as "Loading the scenario …"), or null. */
  declare loadingUrl: string | null;
  declare lang: string;
  declare scenario: string | null;
  declare presenter: boolean;
  declare entries: Entry[];
  declare current: Entry | null;
  declare diagram: boolean;
  declare whatIf: boolean;
  declare errors: ShownError[];
  declare announcement: string;
  declare linkStatus: 'copied' | 'failed' | null;
  declare linkText: string;

  static override styles = [tokens, shared, trainingStyles];

  private readonly i18n = new I18nController(this, i18nCore);
  private player: ScenarioPlayer | null = null;
  private focusAfterRender: 'heading' | 'presenter-toggle' | 'stage' | null = null;
  private loadToken = 0;

  constructor() {
    super();
    addTrainingBundles(this.i18n.i18n!);
    this.lang = '';
    this.scenario = null;
    this.presenter = false;
    this.entries = bundledScenarios.map((scenario) => ({ scenario, source: 'bundled' as const }));
    this.current = null;
    this.diagram = false;
    this.whatIf = false;
    this.errors = [];
    this.announcement = '';
    this.linkStatus = null;
    this.linkText = '';
    this.loadingUrl = null;
  }

  /** The scenario player of the open scenario (for tests and hosts that drive it). */
  get activePlayer(): ScenarioPlayer | null {
    return this.player;
  }

  private get tr(): Translator {
    return this.i18n.translator;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.i18n.setLang(this.i18n.resolve().lang);
    this.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('hashchange', this.onHashChange);
    void this.loadFromHash();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang')) this.i18n.setLang(this.i18n.resolve().lang);
    if (changed.has('scenario') && this.scenario) void this.loadFromUrl(this.scenario);
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.presenter');
    if (this.presenter && dialog && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      this.focusAfterRender ??= 'stage';
    }
    if (changed.has('presenter') && changed.get('presenter') === true && !this.presenter) {
      this.focusAfterRender ??= 'presenter-toggle';
    }
    const focus = this.focusAfterRender;
    this.focusAfterRender = null;
    if (focus === 'heading') this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    else if (focus === 'stage') (this.renderRoot.querySelector<HTMLElement>('#heading') ?? this.renderRoot.querySelector<HTMLElement>('.training'))?.focus();
    else if (focus === 'presenter-toggle') this.renderRoot.querySelector<HTMLElement>('[data-action="presenter"]')?.focus();
  }

  // ---- loading ----

  private async loadFromHash() {
    const payload = payloadFromHash(location.hash);
    if (payload === null) return;
    const token = ++this.loadToken;
    try {
      const scenario = await decodeScenario(payload);
      if (token === this.loadToken) this.add(scenario, 'link');
    } catch (e) {
      this.fail(e, 'link');
    }
  }

  private async loadFromUrl(url: string) {
    const token = ++this.loadToken;
    this.loadingUrl = url;
    try {
      // Gives up after loadLimits.timeoutMs with a message (src/fetch-limited.ts).
      const scenario = await fetchScenario(url);
      if (token === this.loadToken) this.add(scenario, 'url');
    } catch (e) {
      this.fail(e, 'url');
    } finally {
      if (token === this.loadToken) this.loadingUrl = null;
    }
  }

  /** Opens a scenario the host already has as an object (validated like a file). */
  loadScenario(data: unknown): boolean {
    try {
      this.add(validateScenario(data), 'file');
      return true;
    } catch (e) {
      this.fail(e, 'file');
      return false;
    }
  }

  private onHashChange = () => void this.loadFromHash();

  private onFile = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      this.add(await readScenarioFile(file), 'file');
    } catch (err) {
      this.fail(err, 'file');
    }
    input.value = '';
  };

  private add(scenario: Scenario, source: Source) {
    this.errors = this.errors.filter((e) => e.source !== source);
    const entry: Entry = { scenario, source };
    this.entries = [entry, ...this.entries.filter((e) => e.source === 'bundled' || e.scenario.id !== scenario.id)];
    this.open(entry);
  }

  private fail(e: unknown, source: Source) {
    const error =
      e instanceof InputError
        ? e
        : new InputError('invalid-scenario', 'training:errors.unreachable', [{ code: 'unreachable', path: [], message: String(e) }], { url: '' });
    this.errors = [...this.errors.filter((x) => x.source !== source), { error, source }];
    const message = describeInputError(error, (k, o) => this.tr.t(k, o));
    this.dispatchEvent(new ReferralErrorEvent({ code: error.code, message, issues: error.issues }));
  }

  // ---- navigation ----

  private open(entry: Entry) {
    this.player?.stop();
    this.current = entry;
    this.player = new ScenarioPlayer(entry.scenario, () => this.requestUpdate());
    this.diagram = false;
    this.whatIf = false;
    this.linkStatus = null;
    this.announcement = this.tr.t('training:announce.opened', { title: this.text(entry.scenario.title) });
    this.focusAfterRender = 'heading';
  }

  private toLibrary = () => {
    this.player?.stop();
    this.player = null;
    this.current = null;
    this.announcement = this.tr.t('training:library.heading');
    this.focusAfterRender = 'heading';
  };

  private next = () => {
    if (this.player?.next()) this.afterStep();
  };

  private back = () => {
    if (this.player?.back()) this.afterStep();
  };

  private reveal = () => {
    if (this.player?.reveal()) this.afterStep();
  };

  private toPlan = () => {
    this.player?.toPlan();
    this.afterStep();
  };

  private restart = () => {
    this.player?.restart();
    this.whatIf = false;
    this.afterStep();
  };

  private afterStep() {
    this.announcement = this.stepAnnouncement();
    if (this.player?.step.kind !== 'plan') this.whatIf = false;
    this.requestUpdate();
  }

  private togglePresenter = () => {
    this.presenter = !this.presenter;
    if (!this.presenter) this.focusAfterRender = 'presenter-toggle';
  };

  private toggleDiagram = () => {
    this.diagram = !this.diagram;
  };

  private toggleWhatIf = () => {
    if (this.player?.step.kind !== 'plan') return;
    this.whatIf = !this.whatIf;
  };

  private onDialogCancel = (e: Event) => {
    e.preventDefault();
    this.presenter = false;
  };

  private onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && isTextEntry(target)) return;
    if (!this.player) return;
    const is = (keys: readonly string[]) => keys.includes(e.key);
    if (is(KEYS.next)) this.next();
    else if (is(KEYS.back)) this.back();
    else if (is(KEYS.reveal)) this.reveal();
    else if (is(KEYS.diagram)) this.toggleDiagram();
    else if (is(KEYS.whatIf)) this.toggleWhatIf();
    else if (is(KEYS.presenter)) this.togglePresenter();
    else return;
    e.preventDefault();
  };

  private copyLink = async () => {
    if (!this.current) return;
    const url = await shareUrl(this.current.scenario);
    const ok = await copyText(url, this.renderRoot as ShadowRoot);
    this.linkStatus = ok ? 'copied' : 'failed';
    this.linkText = url;
  };

  // ---- what-if ----

  private onWhatIfChange = (e: Event) => {
    const select = e.target as HTMLSelectElement;
    const id = select.dataset.question as QuestionId;
    if (!this.player || select.value === '') return;
    const value = decodeOption(id, select.value);
    const before = this.player.currentPlan();
    if (this.player.change(id, value)) {
      this.announcement = this.whatIfAnnouncement(before);
    }
  };

  private onLiveAnswer = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const select = form.querySelector('select')!;
    if (!this.player || select.value === '') return;
    const id = select.dataset.question as QuestionId;
    if (this.player.answerLive(id, decodeOption(id, select.value))) this.afterStep();
  };

  private resetWhatIf = () => {
    this.player?.reset();
    this.announcement = this.tr.t('training:whatIf.resetDone');
  };

  // ---- text helpers ----

  /** A scenario text in the screen language (kl falls back to Danish, like the widget). */
  private text(value: { da: string; kl?: string; en: string }): string {
    const lang = this.tr.lang;
    return lang === 'kl' ? (value.kl ? softHyphens(value.kl) : value.da) : value[lang];
  }

  /**
   * Whether the story text itself is marked for review: then its one mark, after the story, also
   * covers the title above it (the story screen showed the same mark twice).
   */
  private storyMarked(): boolean {
    const s = this.current?.scenario as (Scenario & { needsReview?: Record<string, string> }) | undefined;
    return this.tr.lang === 'kl' && Boolean(s?.needsReview?.['story.kl']);
  }

  /** "(awaiting review by a certified interpreter)" when a Greenlandic scenario text is shown. */
  private reviewMark(path: string) {
    const s = this.current?.scenario as (Scenario & { needsReview?: Record<string, string> }) | undefined;
    if (this.tr.lang !== 'kl' || !s?.needsReview?.[path]) return nothing;
    return html` <span class="review-mark">${this.tr.t('training:reviewMark')}</span>`;
  }

  private answerText(id: QuestionId, value: AnswerValue | undefined): string {
    return value === undefined ? this.tr.t('training:whatIf.notAsked') : answerLabel(this.tr, id, value);
  }

  private stepAnnouncement(): string {
    const p = this.player;
    const tr = this.tr;
    if (!p) return '';
    const step = p.step;
    switch (step.kind) {
      case 'story':
        return tr.t('training:announce.story');
      case 'acute':
        return tr.t('ui:acute.heading');
      case 'plan':
        return tr.t('training:plan.heading');
      case 'question': {
        const title = tr.t(`rules:question.${step.questionId}.title`);
        if (!step.revealed) {
          const progress = p.progress();
          return progress
            ? tr.t('training:announce.question', { index: tr.number(progress.index), total: tr.number(progress.total), title })
            : title;
        }
        return tr.t('training:announce.revealed', {
          answer: this.answerText(step.questionId, p.answerFor(step.questionId)),
          rules: p.ruleIdsFor(step.questionId).join(', ') || tr.t('training:triggers.noneShort'),
        });
      }
    }
  }

  private whatIfAnnouncement(before: ReferralPlan | null): string {
    const p = this.player!;
    const after = p.currentPlan();
    const pending = p.pendingQuestion();
    if (pending) return this.tr.t('training:whatIf.pending', { question: questionLabel(this.tr, pending) });
    if (!after || !before) return '';
    const diff = diffPlans(before, after);
    return isEmptyDiff(diff) ? this.tr.t('training:whatIf.samePlan') : this.diffSentence(diff);
  }

  private diffSentence(diff: ReturnType<typeof diffPlans>): string {
    const tr = this.tr;
    const names = [
      ...diff.servicesAdded.map((s) => `+ ${serviceName(tr, s)}`),
      ...diff.flagsAdded.map((f) => `+ ${flagName(tr, f)}`),
      ...diff.servicesRemoved.map((s) => `− ${serviceName(tr, s)}`),
      ...diff.flagsRemoved.map((f) => `− ${flagName(tr, f)}`),
    ];
    return tr.t('training:whatIf.changedAnnounce', { list: names.join('; ') });
  }

  // ---- render ----

  override render() {
    const tr = this.tr;
    const content = html`<div class="training" tabindex="-1" lang=${tr.lang}>
      ${this.current && this.player ? this.renderPlayer(this.player) : this.renderLibrary()}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true" data-live>${this.announcement}</div>
    </div>`;
    if (!this.presenter) return content;
    return html`<dialog
      class="presenter"
      aria-label=${tr.t('training:presenter.label', {
        title: this.current ? this.text(this.current.scenario.title) : tr.t('training:library.heading'),
      })}
      @cancel=${this.onDialogCancel}
    >
      ${content}
    </dialog>`;
  }

  private renderErrors() {
    const loading = this.loadingUrl
      ? html`<p class="notice" role="status" data-loading="scenario">${this.tr.t('training:library.loading')}</p>`
      : nothing;
    if (this.errors.length === 0) return loading;
    const t = (k: string, o?: Record<string, unknown>) => this.tr.t(k, o);
    return html`${loading}<div class="errors" role="alert">
      ${this.errors.map(
        ({ error, source }) => html`<div class="notice danger" data-error=${error.code} data-source=${source}>
          <p>${describeInputError(error, t)}</p>
          <button
            type="button"
            class="link-button"
            @click=${() => {
              this.errors = this.errors.filter((x) => x.error !== error);
              this.focusAfterRender = 'heading'; // the button goes: focus stays in the guide
            }}
          >
            ${this.tr.t('ui:errors.dismiss')}
          </button>
        </div>`,
      )}
    </div>`;
  }

  private renderLibrary() {
    const tr = this.tr;
    return html`<section aria-labelledby="heading">
      <h2 id="heading" tabindex="-1">${tr.t('training:library.heading')}</h2>
      <p>${tr.t('training:library.intro')}</p>
      ${this.renderErrors()}
      <ol class="library">
        ${this.entries.map(
          (entry, i) => html`<li data-scenario=${entry.scenario.id} data-source=${entry.source}>
            <button type="button" class="link-button" @click=${() => this.open(entry)}>
              ${entry.source === 'bundled'
                ? tr.t('training:library.numbered', { n: tr.number(i + 1 - this.customCount()), title: this.text(entry.scenario.title) })
                : tr.t(`training:library.source.${entry.source}`, { title: this.text(entry.scenario.title) })}
            </button>
            <p class="teaser">${firstSentence(this.text(entry.scenario.story))}</p>
          </li>`,
        )}
      </ol>
      <div class="own">
        <h3>${tr.t('training:library.own.heading')}</h3>
        <p class="hint" id="file-hint">${tr.t('training:library.own.hint')}</p>
        <label for="scenario-file" class="field-label"><strong>${tr.t('training:library.own.file')}</strong></label><br />
        <input
          id="scenario-file"
          type="file"
          accept="application/json,.json"
          aria-describedby="file-hint"
          @change=${this.onFile}
        />
      </div>
    </section>`;
  }

  private customCount() {
    return this.entries.filter((e) => e.source !== 'bundled').length;
  }

  private renderPlayer(p: ScenarioPlayer) {
    const tr = this.tr;
    const s = p.scenario;
    const step = p.step;
    const revealable = step.kind === 'question' && !step.revealed && p.answerFor(step.questionId) !== undefined;
    return html`
      <div class="bar">
        <button type="button" class="link-button back-link" @click=${this.toLibrary}>${tr.t('training:player.toLibrary')}</button>
        <h2 id="heading" tabindex="-1">${this.text(s.title)}</h2>
        <div class="tools">
          <button
            type="button"
            class="button secondary"
            data-action="presenter"
            aria-pressed=${this.presenter ? 'true' : 'false'}
            aria-keyshortcuts="P"
            @click=${this.togglePresenter}
          >
            ${tr.t('training:player.presenter')}
          </button>
          <button
            type="button"
            class="button secondary"
            data-action="diagram"
            aria-pressed=${this.diagram ? 'true' : 'false'}
            aria-keyshortcuts="D"
            @click=${this.toggleDiagram}
          >
            ${tr.t('training:player.diagram')}
          </button>
          <button type="button" class="button secondary" data-action="copy-link" @click=${this.copyLink}>
            ${tr.t('training:player.copyLink')}
          </button>
        </div>
      </div>
      <div class="stage" ?data-diagram=${this.diagram} data-step=${step.kind === 'question' ? `${step.questionId}:${step.revealed ? 'revealed' : 'hidden'}` : step.kind}>
        ${this.renderErrors()} ${this.renderLinkStatus()}
        ${this.diagram ? this.renderDiagram(p) : this.renderStep(p)}
      </div>
      <div class="footer">
        <div class="where">
          <p class="step-count">${this.stepCount(p)}</p>
          ${this.renderShortcuts(step.kind === 'plan')}
        </div>
        <nav class="controls" aria-label=${tr.t('training:player.stepsLabel')}>
          <button
            type="button"
            class="button secondary"
            data-action="back"
            aria-keyshortcuts="ArrowLeft"
            aria-disabled=${p.canGoBack() ? 'false' : 'true'}
            @click=${this.back}
          >
            ${tr.t('training:player.back')}
          </button>
          <button
            type="button"
            class="button secondary"
            data-action="reveal"
            aria-keyshortcuts="R"
            aria-disabled=${revealable ? 'false' : 'true'}
            @click=${this.reveal}
          >
            ${tr.t('training:player.reveal')}
          </button>
          <button
            type="button"
            class="button"
            data-action="next"
            aria-keyshortcuts="ArrowRight"
            aria-disabled=${p.canGoNext() ? 'false' : 'true'}
            @click=${this.next}
          >
            ${tr.t('training:player.next')}
          </button>
        </nav>
      </div>
    `;
  }

  private renderShortcuts(onPlan: boolean) {
    const tr = this.tr;
    const item = (keys: string[], label: string) =>
      html`<span class="shortcut">${keys.map((k, i) => html`${i ? ' / ' : ''}<kbd>${k}</kbd>`)} ${label}</span>`;
    const items = [
      item(['→'], tr.t('training:shortcuts.next')),
      item(['←'], tr.t('training:shortcuts.back')),
      item(['R'], tr.t('training:shortcuts.reveal')),
      item(['D'], tr.t('training:shortcuts.diagram')),
      ...(onPlan ? [item(['W'], tr.t('training:shortcuts.whatIf'))] : []),
      item(['P'], tr.t('training:shortcuts.presenter')),
      ...(this.presenter ? [item(['Esc'], tr.t('training:shortcuts.exit'))] : []),
    ];
    return html`<p class="shortcuts" data-shortcuts>
      <strong>${tr.t('training:shortcuts.heading')}:</strong>
      ${items.map((it, i) => html`${i ? ' · ' : ''}${it}`)}
    </p>`;
  }

  private renderLinkStatus() {
    const tr = this.tr;
    if (this.linkStatus === 'copied') return html`<p class="notice" role="status">${tr.t('training:player.linkCopied')}</p>`;
    if (this.linkStatus === 'failed') {
      return html`<div class="notice warning">
        <p>${tr.t('training:player.linkFailed')}</p>
        <label for="link-text">${tr.t('training:player.linkFallback')}</label>
        <textarea id="link-text" class="link-text" readonly .value=${this.linkText}></textarea>
      </div>`;
    }
    return nothing;
  }

  private stepCount(p: ScenarioPlayer): string {
    const tr = this.tr;
    const step = p.step;
    if (step.kind === 'story') return tr.t('training:player.atStory');
    if (step.kind === 'plan') return tr.t('training:player.atPlan');
    if (step.kind === 'acute') return tr.t('training:player.atAcute');
    const path = askedPath(answersOf(p.snapshot));
    const index = path.indexOf(step.questionId) + 1;
    const total = predictedPath(answersOf(p.snapshot)).length;
    return tr.t('training:player.questionCount', { index: tr.number(index), total: tr.number(Math.max(total, index)) });
  }

  private renderDiagram(p: ScenarioPlayer) {
    const step = p.step;
    const answers = answersOf(p.snapshot);
    let current: string | null = null;
    if (step.kind === 'question') current = step.questionId;
    else if (step.kind === 'acute') current = 'acuteWarning';
    else if (step.kind === 'plan') current = p.pendingQuestion() ?? 'complete';
    // A revealed answer is not yet part of the path shown: the room sees the step it discusses.
    const path = current === null ? [] : walkPath(answers, current);
    const upcoming = predictedPath(answers).filter((id) => !path.includes(id));
    return html`<referral-flow-diagram
      .tr=${this.tr}
      .path=${path}
      .current=${current}
      .upcoming=${[...upcoming, ...(current === 'complete' ? [] : ['complete'])]}
    ></referral-flow-diagram>`;
  }

  private renderStep(p: ScenarioPlayer): TemplateResult {
    const step = p.step;
    switch (step.kind) {
      case 'story':
        return this.renderStory(p);
      case 'acute':
        return this.renderAcute();
      case 'plan':
        return this.renderPlan(p);
      case 'question':
        return this.renderQuestion(p, questionById[step.questionId], step.revealed);
    }
  }

  private renderStory(p: ScenarioPlayer) {
    const tr = this.tr;
    const s = p.scenario;
    return html`<section aria-labelledby="story-heading">
      <p class="kicker">${tr.t('training:story.heading')}</p>
      <h3 id="story-heading">${this.text(s.title)}${this.storyMarked() ? nothing : this.reviewMark('title.kl')}</h3>
      <p class="story">${this.text(s.story)}${this.reviewMark('story.kl')}</p>
      ${s.details?.requestDate ? html`<p>${tr.t('training:story.requestDate', { date: tr.date(s.details.requestDate) })}</p>` : nothing}
      ${s.details?.outpatientInsufficient ? html`<p>${tr.t('training:story.outpatient')}</p>` : nothing}
      <p class="hint">${tr.t('training:story.start')}</p>
      <div class="actions">
        <button type="button" class="link-button" data-action="to-plan" @click=${this.toPlan}>${tr.t('training:story.skipToPlan')}</button>
      </div>
    </section>`;
  }

  private renderQuestion(p: ScenarioPlayer, q: QuestionDef, revealed: boolean) {
    const tr = this.tr;
    const value = p.answerFor(q.id);
    const chosen = new Set(value === undefined ? [] : typeof value === 'string' ? [value] : value);
    const options = html`<ul class="options ${revealed ? 'compact' : ''}" aria-label=${tr.t('training:question.options')}>
      ${q.options.map(
        (o) => html`<li class=${revealed && chosen.has(o) ? 'chosen' : ''} data-option=${o}>
          ${tr.t(`rules:question.${q.id}.options.${o}.label`)}${revealed && chosen.has(o)
            ? html`<span class="visually-hidden"> (${tr.t('training:question.chosen')})</span>`
            : nothing}
        </li>`,
      )}
    </ul>`;
    const questionBlock = html`<div>
      <p class="kicker">${this.stepCount(p)}</p>
      <h3 id="question-heading">${tr.t(`rules:question.${q.id}.title`)}</h3>
      ${revealed ? nothing : html`<p class="hint">${tr.t(`rules:question.${q.id}.hint`)}</p>`}
      ${options}
    </div>`;
    if (!revealed) {
      return html`<section aria-labelledby="question-heading">
        ${questionBlock}
        ${value === undefined ? this.renderLiveAnswer(q) : html`<p class="predict">${tr.t('training:question.predict')}</p>`}
      </section>`;
    }
    // Revealed: the options shrink to a row with the answer marked; the rules and the note sit side by side.
    return html`<section aria-labelledby="question-heading">
      ${questionBlock}
      <div class="columns revealed ${this.revealedLayout(p, q.id)}">
        ${this.renderTriggers(p, q.id)} ${this.renderNote(p, q.id)}
      </div>
    </section>`;
  }

  private renderLiveAnswer(q: QuestionDef) {
    const tr = this.tr;
    return html`<form class="notice warning" @submit=${this.onLiveAnswer}>
      <p>${tr.t('training:question.open')}</p>
      <div class="field">
        <label for="live-answer">${tr.t('training:question.roomAnswer')}</label>
        <select id="live-answer" data-question=${q.id}>
          <option value="">${tr.t('training:whatIf.choose')}</option>
          ${answerChoices(q).map((v) => html`<option value=${encodeOption(v)}>${answerLabel(tr, q.id, v)}</option>`)}
        </select>
      </div>
      <div class="actions"><button type="submit" class="button">${tr.t('training:question.useAnswer')}</button></div>
    </form>`;
  }

  private renderTriggers(p: ScenarioPlayer, id: QuestionId) {
    const tr = this.tr;
    const ids = p.ruleIdsFor(id);
    return html`<section aria-labelledby="triggers-heading" data-triggers>
      <h4 id="triggers-heading">${tr.t('training:triggers.heading')}</h4>
      ${ids.length === 0
        ? html`<p>${tr.t('training:triggers.none')}</p>`
        : html`<ul class="triggers">
            ${ids.map((rid) => {
              const isFlag = rid.startsWith('F-');
              const title = tr.t(isFlag ? `rules:flag.${rid}.title` : `rules:rule.${rid}.title`);
              const body = tr.t(isFlag ? `rules:flag.${rid}.body` : `rules:rule.${rid}.explanation`);
              return html`<li data-rule=${rid}>
                <details>
                  <summary><span class="id">${rid}</span> <strong>${title}</strong></summary>
                  <p class="explanation">${body}</p>
                </details>
              </li>`;
            })}
          </ul>`}
    </section>`;
  }

  /** Gives the wider column to whichever side of a revealed step has more to say. */
  private revealedLayout(p: ScenarioPlayer, id: QuestionId): string {
    const note = this.noteText(p, id).length;
    const rules = p.ruleIdsFor(id).length;
    if (note > 380) return rules >= 5 ? 'balanced' : 'long-note';
    return rules >= 5 ? 'many-rules' : '';
  }

  private noteText(p: ScenarioPlayer, id: QuestionId): string {
    const note = p.scenario.notes?.[id];
    return note ? this.text(note) : '';
  }

  private renderNote(p: ScenarioPlayer, id: QuestionId) {
    const tr = this.tr;
    const note = p.scenario.notes?.[id];
    return html`<aside class="note" aria-labelledby="note-heading" data-note=${note ? 'scenario' : 'prompt'}>
      <h4 id="note-heading">${tr.t('training:note.heading')}</h4>
      ${note
        ? html`<p>${this.text(note)}${this.reviewMark(`notes.${id}.kl`)}</p>`
        : html`<p>${tr.t('training:note.generic')}</p>
            <p>${tr.t(`training:prompt.${id}`)}</p>`}
    </aside>`;
  }

  private renderAcute() {
    const tr = this.tr;
    return html`<section aria-labelledby="acute-heading" class="notice danger">
      <h3 id="acute-heading">${tr.t('training:acute.heading')}</h3>
      <ul>
        <li>${tr.t('ui:acute.call112')}</li>
        <li>${tr.t('ui:acute.akut')}</li>
        <li>${tr.t('ui:acute.phone1813')}</li>
        <li>${tr.t('ui:acute.force')}</li>
      </ul>
      <p>${tr.t('training:acute.continue')}</p>
    </section>`;
  }

  private renderPlan(p: ScenarioPlayer) {
    const tr = this.tr;
    const plan = p.currentPlan();
    const pending = p.pendingQuestion();
    const changes = p.changes();
    const base = p.baseline().plan;
    const changed = changes.length > 0 || pending !== null;
    return html`<section aria-labelledby="plan-heading">
      <div class="bar plan-bar">
        <h3 id="plan-heading">${tr.t(changed ? 'training:plan.headingWhatIf' : 'training:plan.heading')}</h3>
        <div class="tools">
          <button
            type="button"
            class="button secondary"
            data-action="what-if"
            aria-pressed=${this.whatIf ? 'true' : 'false'}
            aria-keyshortcuts="W"
            @click=${this.toggleWhatIf}
          >
            ${tr.t('training:whatIf.toggle')}
          </button>
          ${changed
            ? html`<button type="button" class="button secondary" data-action="reset" @click=${this.resetWhatIf}>
                ${tr.t('training:whatIf.reset')}
              </button>`
            : nothing}
        </div>
      </div>
      ${this.whatIf
        ? html`<div class="columns what-if-columns">
            ${this.renderWhatIfControls(p)}
            <div class="what-if-result">
              ${this.renderDiff(p, base, plan)} ${this.renderPlanTable(plan, pending, p.scenario.expected)}
            </div>
          </div>`
        : html`${this.renderPlanTable(plan, pending, p.scenario.expected)} ${changed ? this.renderDiff(p, base, plan) : nothing}`}
    </section>`;
  }

  /** The machine's plan next to the case's expected plan: one row per service or warning. */
  private renderPlanTable(plan: ReferralPlan | null, pending: QuestionId | null, expected: Scenario['expected']) {
    const tr = this.tr;
    if (!plan) {
      return html`<p class="notice warning" data-plan-pending>
        ${pending ? tr.t('training:whatIf.pending', { question: questionLabel(tr, pending) }) : tr.t('training:plan.incomplete')}
      </p>`;
    }
    const view = buildPlanView(plan, tr);
    const stepOf = new Map(view.steps.map((s) => [s.service, s]));
    const c = expected ? compareWithExpected(plan, expected) : null;
    const services = c ? c.services : plan.tracks.map((t) => ({ id: t.service, mark: 'match' as Mark }));
    const flags = c ? c.flags : plan.flags.map((id) => ({ id, mark: 'match' as Mark }));
    const yes = (text: string) => html`<span aria-hidden="true">✓ </span>${text}`;
    const no = (text: string) => html`<span aria-hidden="true">— </span>${text}`;
    // The expected column is a mark under its heading; the words are there for screen readers.
    const mark = (expected: boolean) =>
      html`<span aria-hidden="true" class="tick">${expected ? '✓' : '—'}</span><span class="visually-hidden"
          >${tr.t(expected ? 'training:plan.isExpected' : 'training:plan.notExpected')}</span
        >`;
    const row = (id: string, name: string, m: Mark, planText: string) => html`<tr
      data-id=${id}
      data-mark=${m}
      class=${m === 'match' ? '' : 'differs'}
    >
      <th scope="row">${name}</th>
      <td>
        ${m === 'missing'
          ? no(tr.t('training:plan.notInPlan'))
          : planText
            ? yes(planText)
            : html`<span aria-hidden="true" class="tick">✓</span><span class="visually-hidden">${tr.t('training:plan.inPlan')}</span>`}
      </td>
      ${c ? html`<td class="expected-cell">${mark(m !== 'unexpected')}</td>` : nothing}
    </tr>`;
    return html`<table class="compare-table" data-compare>
      <caption>
        <span class="summary" data-matches=${c ? String(c.matches) : 'none'}>
          ${!c
            ? tr.t('training:plan.noExpected')
            : c.matches
              ? tr.t('training:plan.allMatch')
              : tr.t('training:plan.differences', { count: c.differences })}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col"><span class="visually-hidden">${tr.t('training:plan.item')}</span></th>
          <th scope="col">${tr.t('training:plan.machine')}<span class="column-hint">${tr.t('training:plan.machineColumns')}</span></th>
          ${c ? html`<th scope="col">${tr.t('training:plan.expected')}</th>` : nothing}
        </tr>
      </thead>
      <tbody>
        <tr class="group"><th scope="rowgroup" colspan=${c ? 3 : 2}>${tr.t('training:plan.services')}</th></tr>
        ${services.length === 0
          ? html`<tr><td colspan=${c ? 3 : 2}>${view.noReferral}</td></tr>`
          : services.map((s) => {
              const step = stepOf.get(s.id);
              const track = plan.tracks.find((x) => x.service === s.id);
              const planText = step
                ? [
                    tr.number(step.number),
                    step.authority,
                    track?.deadlineDays !== undefined ? tr.t('training:plan.days', { count: track.deadlineDays }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : '';
              return row(s.id, serviceName(tr, s.id), s.mark, planText);
            })}
        <tr class="group"><th scope="rowgroup" colspan=${c ? 3 : 2}>${tr.t('training:plan.flags')}</th></tr>
        ${flags.map((f) => row(f.id, flagName(tr, f.id), f.mark, ''))}
      </tbody>
    </table>`;
  }

  private renderDiff(p: ScenarioPlayer, base: ReferralPlan | null, now: ReferralPlan | null) {
    const tr = this.tr;
    const changes = p.changes();
    if (changes.length === 0 && p.pendingQuestion() === null) {
      return html`<section data-diff-empty><p class="hint">${tr.t('training:whatIf.noChanges')}</p></section>`;
    }
    const dropped = p.dropped();
    const diff = base && now ? diffPlans(base, now) : null;
    const list = (items: string[], sign: string, key: string) =>
      items.length
        ? html`<p><strong>${tr.t(key)}:</strong></p>
            <ul class="diff">
              ${items.map((t) => html`<li><span aria-hidden="true">${sign} </span>${t}</li>`)}
            </ul>`
        : nothing;
    return html`<section aria-labelledby="diff-heading" data-diff>
      <h4 id="diff-heading">${tr.t('training:whatIf.changed')}</h4>
      <ul class="diff" data-changes>
        ${changes.map(
          (c) => html`<li data-question=${c.questionId}>
            ${tr.t('training:whatIf.fromTo', {
              question: questionLabel(tr, c.questionId),
              from: this.answerText(c.questionId, c.from),
              to: this.answerText(c.questionId, c.to),
            })}
          </li>`,
        )}
      </ul>
      ${dropped.length
        ? html`<p>${tr.t('training:whatIf.dropped', { list: dropped.map((d) => questionLabel(tr, d.questionId)).join(', ') })}</p>`
        : nothing}
      <h4>${tr.t('training:whatIf.planChanges')}</h4>
      ${diff === null
        ? html`<p>${tr.t('training:plan.incomplete')}</p>`
        : isEmptyDiff(diff)
          ? html`<p data-same-plan>${tr.t('training:whatIf.samePlan')}</p>`
          : html`<div data-plan-diff>
              ${list([...diff.servicesAdded.map((s) => serviceName(tr, s)), ...diff.flagsAdded.map((f) => flagName(tr, f))], '+', 'training:whatIf.added')}
              ${list([...diff.servicesRemoved.map((s) => serviceName(tr, s)), ...diff.flagsRemoved.map((f) => flagName(tr, f))], '−', 'training:whatIf.removed')}
            </div>`}
    </section>`;
  }

  private renderWhatIfControls(p: ScenarioPlayer) {
    const tr = this.tr;
    const answers = answersOf(p.snapshot);
    const pending = p.pendingQuestion();
    const changed = new Set(p.changes().map((c) => c.questionId));
    const path = askedPath(answers).filter((id) => answers[id] !== undefined || id === pending);
    return html`<section aria-labelledby="what-if-heading" data-what-if>
      <h4 id="what-if-heading">${tr.t('training:whatIf.heading')}</h4>
      <p class="hint">${tr.t('training:whatIf.intro')}</p>
      ${pending ? html`<p class="notice warning">${tr.t('training:whatIf.pending', { question: questionLabel(tr, pending) })}</p>` : nothing}
      <div class="what-if-grid">
        ${path.map((id) => {
          const q = questionById[id];
          const value = answers[id];
          const locked = pending !== null && pending !== id;
          return html`<div class="field ${changed.has(id) ? 'changed' : ''} ${pending === id ? 'pending' : ''}">
            <label for="wi-${id}">${questionLabel(tr, id)}</label>
            <div class="answer">
              <select id="wi-${id}" data-question=${id} ?disabled=${locked} @change=${this.onWhatIfChange}>
                ${value === undefined ? html`<option value="" selected>${tr.t('training:whatIf.choose')}</option>` : nothing}
                ${answerChoices(q).map(
                  (v) => html`<option value=${encodeOption(v)} .selected=${live(value !== undefined && encodeOption(v) === encodeOption(value))}>
                    ${answerLabel(tr, id, v)}
                  </option>`,
                )}
              </select>
              <span class="answer-face" aria-hidden="true" data-answer-face=${id}
                >${value === undefined ? tr.t('training:whatIf.choose') : answerLabel(tr, id, value)}</span
              >
            </div>
          </div>`;
        })}
      </div>
    </section>`;
  }
}

/** Every answer a question allows: its options, and for multi-choice each valid combination. */
function answerChoices(q: QuestionDef): AnswerValue[] {
  if (q.kind === 'single') return [...q.options];
  const regular = q.options.filter((o) => o !== q.exclusive);
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << regular.length; mask++) out.push(regular.filter((_, i) => mask & (1 << i)));
  out.sort((a, b) => a.length - b.length);
  if (q.exclusive) out.push([q.exclusive]);
  return out;
}

const encodeOption = (v: AnswerValue) => (typeof v === 'string' ? v : v.join('+'));
const decodeOption = (id: QuestionId, s: string): AnswerValue => (questionById[id].kind === 'multi' ? s.split('+') : s);

function serviceName(tr: Translator, id: ServiceId): string {
  return tr.t(`rules:service.${id}.name`);
}

function flagName(tr: Translator, id: FlagId): string {
  return tr.t(`rules:flag.${id}.title`);
}

function firstSentence(text: string): string {
  const m = /^(.{20,220}?[.!?])\s/.exec(text);
  return m ? m[1] : text.slice(0, 200);
}

function isTextEntry(el: HTMLElement): boolean {
  const tag = el.localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea' || el.isContentEditable;
}

defineOnce('referral-training', ReferralTraining);

declare global {
  interface HTMLElementTagNameMap {
    'referral-training': ReferralTraining;
  }
}
