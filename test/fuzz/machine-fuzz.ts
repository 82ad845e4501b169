/**
 * Random event sequences against the real statechart, with the statechart issue's invariants
 * (test/machine/invariants.ts) and the machine's own promises checked after every step:
 * no throw and no error status; the question on screen applies to the answers; every answer held
 * is valid and still applies; progress is sane; a complete guide has every applicable question
 * answered and a plan that passes `violation()`; an event the machine must ignore changes nothing;
 * an accepted answer keeps every other answer unless it reports it as dropped, and a dropped answer
 * is really gone; Back, Continue, Change and language switches never lose an answer; a restore from
 * `{ answers, details }` (what the persist controller does after a reload) keeps them all.
 */
import { createActor } from 'xstate';
import {
  QUESTION_IDS,
  answerSchema,
  askedPath,
  currentQuestion,
  detailsSchema,
  droppedOf,
  handoffOf,
  isAcuteWarning,
  isComplete,
  planOf,
  emergencyPlanOf,
  progressOf,
  questionById,
  questions,
  referralMachine,
  referralPlanSchema,
  type AnswerValue,
  type Answers,
  type Details,
  type QuestionId,
} from '../../machines/index.ts';
import { violation } from '../machine/invariants.ts';
import { valuesOf } from '../machine/paths.ts';
import { hex, mulberry32, type Rng } from './prng.ts';

type Actor = ReturnType<typeof createActor<typeof referralMachine>>;
type Snap = ReturnType<Actor['getSnapshot']>;

/** One step of a sequence: an event for the machine, a language switch, or a reload. */
export type Step =
  | { kind: 'answer'; event: { type: 'answer'; questionId: QuestionId; value: AnswerValue } }
  | { kind: 'ignored'; why: string; event: Record<string, unknown> }
  | { kind: 'back' | 'continue' | 'restart' | 'region-took-over'; event: { type: string } }
  | { kind: 'edit'; event: { type: 'edit'; questionId: string } }
  | { kind: 'details'; event: { type: 'details'; requestDate?: string | null; referralSentDate?: string | null; outpatientInsufficient?: boolean } }
  | { kind: 'lang'; lang: string }
  | { kind: 'reload' };

export class FuzzFailure extends Error {
  constructor(
    readonly seed: number,
    readonly stepIndex: number,
    readonly steps: Step[],
    problem: string,
  ) {
    const shown = steps.slice(Math.max(0, stepIndex - 11), stepIndex + 1).map((s, i, all) => {
      const n = stepIndex - all.length + 1 + i;
      return `  ${String(n).padStart(3)}: ${describeStep(s)}`;
    });
    super(
      `fuzz sequence with seed ${hex(seed)} failed at step ${stepIndex}: ${problem}\n` +
        `last steps:\n${shown.join('\n')}\n` +
        `replay: FUZZ_SEED=${hex(seed)} FUZZ_RUNS=1 npm test`,
    );
  }
}

const clip = (text: string) => (text.length > 90 ? `${text.slice(0, 60)}… (${text.length} chars)` : text);
export function describeStep(step: Step): string {
  if (step.kind === 'lang') return `language switch to ${step.lang}`;
  if (step.kind === 'reload') return 'reload (restore from answers + details)';
  const label = step.kind === 'ignored' ? `ignored (${step.why})` : step.kind;
  return `${label} ${clip(JSON.stringify(step.event) ?? String(step.event))}`;
}

// ---------------------------------------------------------------------------------------------
// Generators

const ORDER = new Map(questions.map((q, i) => [q.id, i]));
const VALID = new Map(questions.map((q) => [q.id, valuesOf(q)]));
const HUGE = 'x'.repeat(200_000);
const UNKNOWN_IDS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'favourite-colour', '', ' acute', 'ACUTE'];
const LANGS = ['da', 'kl', 'en', 'de', 'da-DK', 'xx', ''];

function garbageValue(rng: Rng, questionId: QuestionId): unknown {
  const q = questionById[questionId];
  const option = rng.pick(q.options);
  const free = q.options.filter((o) => o !== q.exclusive);
  const candidates: unknown[] = [
    42,
    0,
    null,
    undefined,
    true,
    {},
    { [option]: true },
    [],
    '',
    ` ${option}`,
    option.toUpperCase() === option ? `${option}!` : option.toUpperCase(),
    HUGE,
    '__proto__',
    'constructor',
    ['__proto__'],
    [42],
    [null],
    [option, 'heroin'],
    { toString: () => option },
    q.kind === 'single' ? [option] : 'heroin',
  ];
  if (q.exclusive) candidates.push([q.exclusive, rng.pick(free)], [rng.pick(free), q.exclusive]);
  return rng.pick(candidates);
}

/** A valid value in a form a harness might send: canonical, shuffled, duplicated or a lone string. */
function validValue(rng: Rng, questionId: QuestionId): AnswerValue {
  const value = rng.pick(VALID.get(questionId)!);
  if (typeof value === 'string') return value;
  if (value.length === 1 && rng.chance(0.25)) return value[0];
  const list = [...value];
  if (rng.chance(0.3)) list.push(rng.pick(value));
  if (rng.chance(0.5)) list.reverse();
  return list;
}

/** The canonical form the machine must store for a valid value (option order, no duplicates). */
function canonical(questionId: QuestionId, value: AnswerValue): AnswerValue {
  const q = questionById[questionId];
  if (q.kind === 'single') return value;
  const chosen = typeof value === 'string' ? [value] : value;
  return q.options.filter((o) => chosen.includes(o));
}

function randomDate(rng: Rng): string {
  const y = rng.int(2020, 2030);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function nextStep(rng: Rng, snap: Snap): Step {
  const current = currentQuestion(snap);
  const r = rng.next();
  if (r < 0.5 && current) return { kind: 'answer', event: { type: 'answer', questionId: current, value: validValue(rng, current) } };
  if (r < 0.5 && isAcuteWarning(snap)) return { kind: 'continue', event: { type: 'continue' } };
  if (r < 0.58) {
    const other = rng.pick(QUESTION_IDS.filter((id) => id !== current));
    return { kind: 'ignored', why: 'another question', event: { type: 'answer', questionId: other, value: validValue(rng, other) } };
  }
  if (r < 0.66 && current) {
    return { kind: 'ignored', why: 'not an option', event: { type: 'answer', questionId: current, value: garbageValue(rng, current) } };
  }
  if (r < 0.69) {
    return { kind: 'ignored', why: 'unknown question', event: { type: 'answer', questionId: rng.pick(UNKNOWN_IDS), value: 'yes' } };
  }
  if (r < 0.72) {
    const malformed: Array<Record<string, unknown>> = [
      { type: 'answer' },
      { type: 'answer', questionId: current ?? 'acute' },
      { type: 'answer', questionId: { toString: () => current ?? 'acute' }, value: 'no' },
      { type: 'explode' },
      { type: '' },
      { type: 'edit' },
      { type: 'edit', questionId: 42 },
      { type: 'edit', questionId: rng.pick(UNKNOWN_IDS) },
      { type: 'details', requestDate: rng.pick(['yesterday', '2026-02-30', '2026-13-01', 20260101, '', HUGE]) },
      { type: 'details', outpatientInsufficient: rng.pick(['yes', 1, null, {}]) },
      { type: 'details', referralSentDate: rng.pick(['tomorrow', '2026-04-31', 20261110, '', HUGE]) },
      { type: 'context', asOf: rng.pick(['2026-02-30', 'today', 20270101]) },
      { type: 'context', region: rng.pick(['Hovedstaden', 'atlantis', 3]) },
      { type: 'context', municipalityCode: rng.pick(['1011', 'abc', 101]) },
      ...(isAcuteWarning(snap) ? [] : [{ type: 'continue' }]),
      ...(handoffOf(snap) ? [] : [{ type: 'region-took-over' }]),
    ];
    const event = rng.pick(malformed);
    // Continue outside the warning and region-took-over without a handoff are ignored too.
    return { kind: 'ignored', why: 'malformed or out of place', event };
  }
  if (r < 0.8) return { kind: 'back', event: { type: 'back' } };
  if (r < 0.84) return { kind: 'edit', event: { type: 'edit', questionId: rng.pick(QUESTION_IDS) } };
  if (r < 0.87) {
    const event: { type: 'details'; requestDate?: string | null; referralSentDate?: string | null; outpatientInsufficient?: boolean } = { type: 'details' };
    if (rng.chance(0.6)) event.requestDate = rng.chance(0.8) ? randomDate(rng) : null;
    if (rng.chance(0.4)) event.referralSentDate = rng.chance(0.8) ? randomDate(rng) : null;
    if (rng.chance(0.5)) event.outpatientInsufficient = rng.chance(0.5);
    return { kind: 'details', event };
  }
  if (r < 0.9) return { kind: 'region-took-over', event: { type: 'region-took-over' } };
  if (r < 0.95) return { kind: 'lang', lang: rng.pick(LANGS) };
  if (r < 0.975) return { kind: 'reload' };
  if (r < 0.985) return { kind: 'restart', event: { type: 'restart' } };
  return { kind: 'continue', event: { type: 'continue' } };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Deep equality of plain data, whatever the key order. */
const stable = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(stable)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as Record<string, unknown>)[k])]))
      : value;
const same = (a: unknown, b: unknown) => JSON.stringify(stable(a)) === JSON.stringify(stable(b));
const answersIn = (snap: Snap): Answers => snap.context.answers;
const detailsIn = (snap: Snap): Details => snap.context.details;

/** What must hold in every snapshot. Returns a problem, or null. */
export function checkSnapshot(snap: Snap): string | null {
  if (snap.status !== 'active') return `actor status ${snap.status}: ${String((snap as { error?: unknown }).error)}`;
  const answers = answersIn(snap);
  if (!answerSchema.safeParse(answers).success) return `invalid answers held: ${JSON.stringify(answers)}`;
  if (!detailsSchema.safeParse(detailsIn(snap)).success) return `invalid details held: ${JSON.stringify(detailsIn(snap))}`;
  const path = askedPath(answers);
  const stale = Object.keys(answers).find((id) => !path.includes(id as QuestionId));
  if (stale) return `answer to "${stale}" is held although the question no longer applies`;

  const question = currentQuestion(snap);
  const acute = isAcuteWarning(snap);
  const complete = isComplete(snap);
  if (Number(question !== null) + Number(acute) + Number(complete) !== 1) {
    return `the machine is not in exactly one of question/acute/complete (question ${question}, acute ${acute}, complete ${complete})`;
  }
  if (handoffOf(snap) !== null && !complete) return 'a handoff outside complete';

  const progress = progressOf(snap);
  if (question !== null) {
    if (!ORDER.has(question)) return `unknown current question ${question}`;
    if (!path.includes(question)) return `current question ${question} does not apply to ${JSON.stringify(answers)}`;
    if (!progress) return 'no progress on a question';
    const answeredBefore = path.filter((id) => ORDER.get(id)! < ORDER.get(question)! && answers[id] !== undefined).length;
    if (!(progress.index >= 1 && progress.index <= progress.total && progress.total <= questions.length)) {
      return `progress ${progress.index} of ${progress.total}`;
    }
    if (progress.index - 1 < answeredBefore) return `progress ${progress.index} with ${answeredBefore} answers before it`;
    if (progress.total < path.length) return `progress total ${progress.total} below the ${path.length} questions that apply`;
  } else if (progress !== null) return 'progress without a question';

  const plan = planOf(snap);
  if (acute) {
    if (answers.acute !== 'yes') return 'acute warning without acute = yes';
    if (plan !== null) return 'planOf is not null at the acute warning';
    const emergency = emergencyPlanOf(snap);
    if (emergency?.tracks[0]?.service !== 'emergency' || !emergency.flags.includes('F-acute')) return 'acute warning without the emergency plan';
  }
  if (complete) {
    const open = path.filter((id) => answers[id] === undefined);
    if (open.length) return `complete with unanswered questions: ${open.join(', ')}`;
    if (!plan) return 'complete without a plan';
    if (!referralPlanSchema.safeParse(plan).success) return 'the plan does not match referralPlanSchema';
    const broken = violation(answers, plan, { details: snap.context.details, context: snap.context.setting ?? {} });
    if (broken) return `invariant ${broken}`;
  }
  if (!acute && !complete && plan !== null) return 'a plan while a question is open';
  return null;
}

/** What must hold for this transition. Returns a problem, or null. */
export function checkTransition(step: Step, before: Snap, after: Snap, restored: boolean): string | null {
  const a0 = answersIn(before);
  const a1 = answersIn(after);
  const q0 = currentQuestion(before);
  const q1 = currentQuestion(after);
  const unchanged = () =>
    same(before.value, after.value) && same(before.context, after.context) ? null : `an event to ignore changed the state (${JSON.stringify(before.value)} → ${JSON.stringify(after.value)})`;
  const answersKept = () => (same(a0, a1) ? null : `answers changed: ${JSON.stringify(a0)} → ${JSON.stringify(a1)}`);
  const detailsKept = () => (same(detailsIn(before), detailsIn(after)) ? null : 'details changed');

  switch (step.kind) {
    case 'lang':
      return unchanged();
    case 'ignored':
      return unchanged();
    case 'reload': {
      if (!restored) return 'no restore happened';
      const kept = answersKept() ?? detailsKept();
      if (kept) return `after reload: ${kept}`;
      const open = askedPath(a1).find((id) => a1[id] === undefined) ?? null;
      if (q1 !== open) return `after reload at ${q1 ?? (isComplete(after) ? 'complete' : 'acute warning')}, expected ${open ?? 'complete'}`;
      return null;
    }
    case 'answer': {
      const { questionId, value } = step.event;
      if (!same(a1[questionId], canonical(questionId, value))) return `answer to ${questionId} stored as ${JSON.stringify(a1[questionId])}`;
      const dropped = droppedOf(after);
      for (const d of dropped) {
        if (a1[d.questionId] !== undefined) return `dropped answer ${d.questionId} is still held`;
        if (!same(a0[d.questionId], d.value)) return `dropped ${d.questionId} reports ${JSON.stringify(d.value)}, the answer was ${JSON.stringify(a0[d.questionId])}`;
        if (askedPath(a1).includes(d.questionId)) return `dropped ${d.questionId} still applies`;
      }
      for (const [id, v] of Object.entries(a0) as Array<[QuestionId, AnswerValue]>) {
        if (id === questionId) continue;
        if (!same(a1[id], v) && !dropped.some((d) => d.questionId === id)) return `answer to ${id} lost without being reported as dropped`;
      }
      if (detailsKept()) return 'an answer changed the details';
      if (q1 !== null && ORDER.get(q1)! <= ORDER.get(questionId)!) return `after answering ${questionId} the guide went back to ${q1}`;
      const p0 = progressOf(before);
      const p1 = progressOf(after);
      if (p0 && p1 && p1.index <= p0.index) return `progress went from ${p0.index} to ${p1.index} on an answer`;
      if (isAcuteWarning(after) !== (questionId === 'acute' && a1.acute === 'yes')) return 'acute warning wrong after an answer';
      return null;
    }
    case 'back': {
      const kept = answersKept() ?? detailsKept();
      if (kept) return `Back: ${kept}`;
      if (q0 === 'acute' && !isComplete(after)) return unchanged(); // nothing before the first question
      if (q0 !== null && q1 !== null && ORDER.get(q1)! >= ORDER.get(q0)!) return `Back from ${q0} went to ${q1}`;
      if (isAcuteWarning(before) && q1 !== 'acute') return `Back from the acute warning went to ${q1}`;
      if (isComplete(before) && q1 !== askedPath(a1).at(-1)) return `Back from the plan went to ${q1}`;
      return null;
    }
    case 'continue': {
      if (!isAcuteWarning(before)) return unchanged();
      const kept = answersKept() ?? detailsKept();
      if (kept) return `Continue: ${kept}`;
      if (isAcuteWarning(after)) return 'Continue stayed at the acute warning';
      return null;
    }
    case 'restart':
      if (Object.keys(a1).length || Object.keys(detailsIn(after)).length) return 'Restart kept answers or details';
      return q1 === 'acute' ? null : `Restart went to ${q1}`;
    case 'edit': {
      const id = step.event.questionId as QuestionId;
      // A Change link opens an answered question that still applies, with no open question before it.
      const path = askedPath(a0);
      const editable = id !== q0 && a0[id] !== undefined && path.includes(id) && path.slice(0, path.indexOf(id)).every((p) => a0[p] !== undefined);
      if (!editable) return unchanged();
      const kept = answersKept() ?? detailsKept();
      if (kept) return `Change: ${kept}`;
      return q1 === id ? null : `Change ${id} went to ${q1}`;
    }
    case 'details': {
      const { requestDate, outpatientInsufficient } = step.event;
      const d1 = detailsIn(after);
      if (answersKept()) return 'details changed the answers';
      if (!same(before.value, after.value)) return 'details moved the guide';
      if (requestDate === null && d1.requestDate !== undefined) return 'request date not cleared';
      if (typeof requestDate === 'string' && d1.requestDate !== requestDate) return 'request date not set';
      if (requestDate === undefined && d1.requestDate !== detailsIn(before).requestDate) return 'request date changed';
      if (outpatientInsufficient !== undefined && (d1.outpatientInsufficient === true) !== outpatientInsufficient) return 'outpatient not set';
      const { referralSentDate } = step.event;
      if (referralSentDate === null && d1.referralSentDate !== undefined) return 'referral date not cleared';
      if (typeof referralSentDate === 'string' && d1.referralSentDate !== referralSentDate) return 'referral date not set';
      if (referralSentDate === undefined && d1.referralSentDate !== detailsIn(before).referralSentDate) return 'referral date changed';
      return null;
    }
    case 'region-took-over': {
      const h0 = handoffOf(before);
      if (h0 === null) return unchanged();
      if (answersKept()) return `region-took-over: ${answersKept()}`;
      const h1 = handoffOf(after);
      return h1?.regional === 'taken-over' && h1.municipal === 'social-role' ? null : `handoff after region-took-over: ${JSON.stringify(h1)}`;
    }
  }
}

export interface SequenceResult {
  steps: number;
  completed: boolean;
  answered: number;
}

/** Runs one random sequence; throws FuzzFailure (with its seed) on the first broken promise. */
export function runSequence(seed: number, maxSteps = 80, onStep?: (step: Step, after: Snap) => void): SequenceResult {
  const rng = mulberry32(seed);
  const length = rng.int(1, maxSteps);
  const steps: Step[] = [];
  let actor: Actor = createActor(referralMachine).start();
  let completed = false;
  let answered = 0;
  const fail = (problem: string) => new FuzzFailure(seed, steps.length - 1, steps, problem);
  const first = checkSnapshot(actor.getSnapshot());
  if (first) throw new FuzzFailure(seed, 0, [], `initial state: ${first}`);
  for (let i = 0; i < length; i++) {
    const before = actor.getSnapshot();
    const step = nextStep(rng, before);
    steps.push(step);
    let restored = false;
    try {
      if (step.kind === 'reload') {
        actor.stop();
        actor = createActor(referralMachine, {
          input: structuredClone({ answers: before.context.answers, details: before.context.details }),
        }).start();
        restored = true;
      } else if (step.kind !== 'lang') {
        actor.send(step.event as never);
      }
    } catch (error) {
      throw fail(`threw ${String(error)}`);
    }
    const after = actor.getSnapshot();
    onStep?.(step, after);
    const problem = checkSnapshot(after) ?? checkTransition(step, before, after, restored);
    if (problem) throw fail(problem);
    if (step.kind === 'answer') answered++;
    if (isComplete(after)) completed = true;
  }
  actor.stop();
  return { steps: steps.length, completed, answered };
}
