/**
 * Plays a training scenario on the production statechart: one real actor of `referralMachine`,
 * driven the way a caseworker drives it. The player only decides *when* to send the scenario's
 * answers (one per "reveal"); which question comes next, which answers are pruned and what the
 * plan says all come from the machine. No rule is decided here.
 *
 * Steps: the story, then for each question the machine asks a hidden and a revealed phase (the
 * room predicts first), the acute warning when the machine stops there, and the plan. Invariant:
 * in a hidden phase the actor waits at that question; in a revealed phase it has taken the answer
 * and moved on (to the next question, the acute warning or `complete`).
 *
 * What-if (on the plan step): `change()` sends the machine's `edit` and `answer` events; the
 * scenario's own plan stays as the baseline for the diff, and `reset()` replays the scenario.
 */
import { createActor, type Actor } from 'xstate';
import {
  askedPath,
  answersOf,
  currentQuestion,
  droppedOf,
  isAcuteWarning,
  isComplete,
  normalizeAnswer,
  planOf,
  progressOf,
  questions,
  referralMachine,
  type AnswerValue,
  type Answers,
  type QuestionId,
  type ReferralPlan,
  type Scenario,
} from '../../machines/index.ts';

export type PlayerStep =
  | { kind: 'story' }
  | { kind: 'question'; questionId: QuestionId; revealed: boolean }
  | { kind: 'acute' }
  | { kind: 'plan' };

type ReferralActor = Actor<typeof referralMachine>;
export type PlayerSnapshot = ReturnType<ReferralActor['getSnapshot']>;

export interface AnswerChange {
  questionId: QuestionId;
  /** The scenario's answer (undefined: the scenario's path did not ask it). */
  from?: AnswerValue;
  /** The answer now (undefined: the changed path no longer asks it). */
  to?: AnswerValue;
}

/** Guards against a malformed path: no scenario has more steps than questions × 2 + a few. */
const MAX_EVENTS = 64;

function startActor(scenario: Scenario): ReferralActor {
  const actor = createActor(referralMachine);
  actor.start();
  if (scenario.setting) actor.send({ type: 'context', ...scenario.setting });
  if (scenario.details) actor.send({ type: 'details', ...scenario.details });
  return actor;
}

/**
 * Drives a fresh actor through the scenario as a caseworker would: answer each question the
 * machine asks from the scenario's answers, continue after the acute warning. Stops at `complete`
 * or at the first question the scenario gives no (usable) answer for.
 */
export function driveScenario(scenario: Scenario, answers: Answers = scenario.answers): ReferralActor {
  const actor = startActor(scenario);
  for (let i = 0; i < MAX_EVENTS; i++) {
    const snap = actor.getSnapshot();
    if (isAcuteWarning(snap)) {
      actor.send({ type: 'continue' });
      continue;
    }
    const q = currentQuestion(snap);
    if (q === null) break;
    const value = answers[q];
    if (value === undefined) break;
    actor.send({ type: 'answer', questionId: q, value });
    if (actor.getSnapshot() === snap) break; // the machine refused the value
  }
  return actor;
}

const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined) =>
  JSON.stringify(a === undefined ? null : typeof a === 'string' ? a : [...a]) ===
  JSON.stringify(b === undefined ? null : typeof b === 'string' ? b : [...b]);

export class ScenarioPlayer {
  readonly scenario: Scenario;
  step: PlayerStep = { kind: 'story' };
  private actor: ReferralActor;
  private readonly onChange: () => void;
  /** Answers given live for questions the scenario leaves open (the room decides). */
  private live: Answers = {};
  private baselineCache: { key: string; plan: ReferralPlan | null; answers: Answers } | null = null;

  constructor(scenario: Scenario, onChange: () => void = () => {}) {
    this.scenario = scenario;
    this.onChange = onChange;
    this.actor = startActor(scenario);
  }

  get snapshot(): PlayerSnapshot {
    return this.actor.getSnapshot();
  }

  /**
   * The scenario's own outcome on the machine (with any answers the room gave live): its plan
   * (null while the scenario leaves a question open) and its answers as the machine kept them.
   */
  baseline(): { plan: ReferralPlan | null; answers: Answers } {
    const key = JSON.stringify(this.live);
    if (this.baselineCache?.key !== key) {
      const actor = driveScenario(this.scenario, this.replayAnswers());
      const snap = actor.getSnapshot();
      this.baselineCache = { key, plan: isComplete(snap) ? planOf(snap) : null, answers: answersOf(snap) };
      actor.stop();
    }
    return this.baselineCache;
  }

  /** The answer the player reveals for a question: the scenario's, or the one given live. */
  answerFor(questionId: QuestionId): AnswerValue | undefined {
    const value = this.scenario.answers[questionId] ?? this.live[questionId];
    if (value === undefined) return undefined;
    return normalizeAnswer(questionId, value) ?? undefined;
  }

  /** The rule and flag ids the answer triggers in the scenario's plan (the machine's trace). */
  ruleIdsFor(questionId: QuestionId): string[] {
    return this.baseline().plan?.trace.find((t) => t.questionId === questionId)?.ruleIds ?? [];
  }

  progress(): { index: number; total: number } | null {
    return this.step.kind === 'question' && !this.step.revealed ? progressOf(this.snapshot) : null;
  }

  canGoBack(): boolean {
    return this.step.kind !== 'story';
  }

  canGoNext(): boolean {
    if (this.step.kind === 'plan') return false;
    if (this.step.kind === 'question' && !this.step.revealed) return this.answerFor(this.step.questionId) !== undefined;
    return true;
  }

  /** Shows the answer to the question on screen: sends it to the machine. */
  reveal(): boolean {
    const step = this.step;
    if (step.kind !== 'question' || step.revealed) return false;
    const value = this.answerFor(step.questionId);
    if (value === undefined) return false;
    const before = this.snapshot;
    this.actor.send({ type: 'answer', questionId: step.questionId, value });
    if (this.snapshot === before) return false;
    this.step = { kind: 'question', questionId: step.questionId, revealed: true };
    this.onChange();
    return true;
  }

  /** The room's own answer for a question the scenario leaves open; revealed at once. */
  answerLive(questionId: QuestionId, value: AnswerValue): boolean {
    const step = this.step;
    if (step.kind !== 'question' || step.revealed || step.questionId !== questionId) return false;
    const normalized = normalizeAnswer(questionId, value);
    if (normalized === null || this.scenario.answers[questionId] !== undefined) return false;
    this.live = { ...this.live, [questionId]: normalized };
    return this.reveal();
  }

  /** Forward one phase; a hidden answer is revealed first, never skipped. */
  next(): boolean {
    const step = this.step;
    if (step.kind === 'plan') return false;
    if (step.kind === 'question' && !step.revealed) return this.reveal();
    if (step.kind === 'acute') this.actor.send({ type: 'continue' });
    this.step = this.stepAtActor();
    this.onChange();
    return true;
  }

  /** Back one phase. */
  back(): boolean {
    const step = this.step;
    switch (step.kind) {
      case 'story':
        return false;
      case 'plan': {
        if (this.changes().length > 0 || this.pendingQuestion() !== null) this.rebuild();
        const path = askedPath(answersOf(this.snapshot));
        this.step = { kind: 'question', questionId: path[path.length - 1], revealed: true };
        break;
      }
      case 'acute':
        this.step = { kind: 'question', questionId: 'acute', revealed: true };
        break;
      case 'question': {
        if (step.revealed) {
          this.actor.send({ type: 'back' });
          this.step = { kind: 'question', questionId: step.questionId, revealed: false };
          break;
        }
        // The actor waits at this question, so the path up to it is decided.
        const answers = answersOf(this.snapshot);
        const path = askedPath(answers);
        const previous = path[path.indexOf(step.questionId) - 1];
        if (previous === undefined) this.step = { kind: 'story' };
        else if (previous === 'acute' && answers.acute === 'yes') {
          this.actor.send({ type: 'back' }); // the machine returns to the acute warning
          this.step = { kind: 'acute' };
        } else this.step = { kind: 'question', questionId: previous, revealed: true };
        break;
      }
    }
    this.onChange();
    return true;
  }

  /** Jumps to the plan with the whole scenario answered (for a what-if discussion). */
  toPlan(): void {
    this.rebuild();
    this.step = this.stepAtActor();
    this.onChange();
  }

  /** Back to the story with a fresh actor. */
  restart(): void {
    this.actor.stop();
    this.live = {};
    this.actor = startActor(this.scenario);
    this.step = { kind: 'story' };
    this.onChange();
  }

  // ---- what-if (plan step) ----

  /** The question a what-if change opened that has no answer yet (the machine waits there). */
  pendingQuestion(): QuestionId | null {
    return this.step.kind === 'plan' ? currentQuestion(this.snapshot) : null;
  }

  /**
   * "What if she had children?": changes one answer on the machine (`edit`, then `answer`).
   * While a change has opened a new question, only that question can be answered.
   */
  change(questionId: QuestionId, value: AnswerValue): boolean {
    if (this.step.kind !== 'plan') return false;
    const normalized = normalizeAnswer(questionId, value);
    if (normalized === null) return false;
    const pending = this.pendingQuestion();
    if (pending !== null && pending !== questionId) return false;
    if (pending === null) {
      if (sameAnswer(answersOf(this.snapshot)[questionId], normalized)) return false;
      const before = this.snapshot;
      this.actor.send({ type: 'edit', questionId });
      if (this.snapshot === before) return false;
    }
    const before = this.snapshot;
    this.actor.send({ type: 'answer', questionId, value: normalized });
    this.onChange();
    return this.snapshot !== before;
  }

  /** Back to the scenario's own answers, at the plan. */
  reset(): void {
    this.rebuild();
    this.onChange();
  }

  /** Answers the machine holds now that differ from the scenario's, in question order. */
  changes(): AnswerChange[] {
    const now = answersOf(this.snapshot);
    const base = this.baseline().answers;
    return questions
      .map((q) => q.id)
      .filter((id) => !sameAnswer(base[id], now[id]))
      .map((id) => ({ questionId: id, from: base[id], to: now[id] }));
  }

  /** Answers the last what-if change made irrelevant (the machine pruned them). */
  dropped() {
    return droppedOf(this.snapshot);
  }

  /** The plan now (after what-if changes); null while a question is open. */
  currentPlan(): ReferralPlan | null {
    return isComplete(this.snapshot) ? planOf(this.snapshot) : null;
  }

  stop(): void {
    this.actor.stop();
  }

  private replayAnswers(): Answers {
    return { ...this.live, ...this.scenario.answers };
  }

  /** A fresh actor with the scenario (and live answers) replayed as far as they go. */
  private rebuild(): void {
    this.actor.stop();
    this.actor = driveScenario(this.scenario, this.replayAnswers());
  }

  /** The step matching where the actor waits now. */
  private stepAtActor(): PlayerStep {
    const snap = this.snapshot;
    if (isAcuteWarning(snap)) return { kind: 'acute' };
    const q = currentQuestion(snap);
    if (q !== null) return { kind: 'question', questionId: q, revealed: false };
    return { kind: 'plan' };
  }
}
