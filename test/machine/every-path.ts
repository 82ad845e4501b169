/**
 * Exhaustive checks, shared by test/machine/every-path.test.ts and `npm run rules:report`.
 *
 * 1. `checkEveryPath`: every answer path (every value of every question that is asked) → the plan
 *    the machine's `planOf` returns in `complete` (computePlan of the answers) → every invariant.
 * 2. `checkMachineConformance`: the real XState actor, driven event by event, asks exactly the
 *    questions of the enumerated path, never gets stuck, and ends with that same plan. The
 *    questions whose answers steer the route are found from the data (the ask conditions); the
 *    actor is driven through every combination of those, with the other answers rotated so that
 *    every value of every question is sent.
 */
import { createActor } from 'xstate';
import {
  computePlan,
  currentQuestion,
  FLAG_IDS,
  SERVICE_IDS,
  emergencyPlanOf,
  isAcuteWarning,
  isComplete,
  planOf,
  progressOf,
  questions,
  referralMachine,
  referralPlanSchema,
  type AnswerValue,
  type Answers,
  type QuestionId,
} from '../../machines/index.ts';
import { readsOf } from '../../machines/conditions.ts';
import { invariants, violation, type PlanInput } from './invariants.ts';

/**
 * The date, place and details each path is computed with, rotated from path to path, so the
 * clocks, the admission rule and the region-aware emergency step meet every rule combination:
 * both sides of 2027-01-01, each region, a municipality by code and by name, no place at all,
 * request and referral dates known, unknown, past and ahead.
 */
export const SETTINGS: readonly PlanInput[] = [
  { details: {}, context: { asOf: '2026-11-29' } },
  { details: { requestDate: '2026-11-02' }, context: { asOf: '2026-11-29', region: 'hovedstaden' } },
  { details: { referralSentDate: '2026-11-10' }, context: { asOf: '2026-12-31', municipalityCode: '461' } },
  { details: { requestDate: '2026-12-20', referralSentDate: '2026-12-21' }, context: { asOf: '2027-01-01', municipalityName: 'Næstved' } },
  { details: { requestDate: '2027-01-05' }, context: { asOf: '2027-01-01', region: 'oestdanmark' } },
  { details: {}, context: { asOf: '2026-11-29', region: 'midtjylland' } },
  { details: { requestDate: '2026-11-29', outpatientInsufficient: true }, context: { asOf: '2026-11-29', region: 'sjaelland' } },
  { details: { referralSentDate: '2026-10-01' }, context: { asOf: '2027-06-01', region: 'nordjylland' } },
  { details: { requestDate: '2026-12-01' }, context: { asOf: '2027-01-01', municipalityCode: '101' } },
];
import { forEachPath, nextIndex, valuesOf } from './paths.ts';

/** Per service, the value of its bit at each step (0, 1, 2 — the rules have three steps): 2 ** (service index × 3 + step). */
const SERVICE_BIT = new Map<string, readonly number[]>(SERVICE_IDS.map((id, i) => [id, [0, 1, 2].map((step) => 2 ** (i * 3 + step))]));
const FLAG_BIT = new Map<string, number>(FLAG_IDS.map((id, i) => [id, 1 << i]));

export interface Failure {
  answers: Answers;
  message: string;
}

export interface EveryPathResult {
  /** Paths checked (by this part, when split). */
  paths: number;
  invariants: number;
  /** Distinct plan shapes (services, steps, flags), each validated against the plan schema. */
  distinctPlans: number;
  /** The shapes themselves, so the parts of a split run can be merged. */
  shapes: number[];
  failures: Failure[];
  ms: number;
}

/** Which share of the paths to check: path number i (in enumeration order) when i % of === part. */
export interface PathPart {
  part: number;
  of: number;
}

/**
 * Every path, or every `of`-th path starting at `part`, so the report can split the work evenly
 * between the cores (paths in enumeration order alternate between the parts, and each path gets
 * the same date, place and details whatever the split).
 */
export function checkEveryPath(maxFailures = 5, split: PathPart = { part: 0, of: 1 }): EveryPathResult {
  const started = performance.now();
  const failures: Failure[] = [];
  const seen = new Set<number>();
  let turn = -1;
  let checked = 0;
  forEachPath((answers) => {
    turn++;
    if (turn % split.of !== split.part) return;
    checked++;
    const input = SETTINGS[turn % SETTINGS.length];
    const plan = computePlan(answers, input.details, input.context);
    let message = violation(answers, plan, input);
    // The schema check runs once per distinct shape (services with their steps, flags, and whether
    // a clock has a due date, a track starts at discharge or has a text variant); rule ids, legal
    // bases and clocks are checked on every path by the invariants. The shape is a number: a bit per
    // (service, step), a bit per flag, three more bits; exact, and no string per path.
    let tracks = 0;
    let extra = 0;
    for (const t of plan.tracks) {
      const bit = SERVICE_BIT.get(t.service)?.[t.order];
      if (bit === undefined) message ??= `${t.service} at step ${t.order}: no such service or step`;
      else tracks += bit;
      if (t.clock?.due) extra |= 1;
      if (t.starts) extra |= 2;
      if (t.variant) extra |= 4;
    }
    let flags = 0;
    for (const f of plan.flags) flags |= FLAG_BIT.get(f)!;
    const signature = (tracks * 4096 + flags) * 8 + extra;
    if (!seen.has(signature)) {
      seen.add(signature);
      const parsed = referralPlanSchema.safeParse(plan);
      if (!parsed.success && !message) message = `schema: ${JSON.stringify(parsed.error.issues[0])}`;
      // The caseworkers' single file sends a copy of the plan unchecked (src/plan/plan-unchecked.ts):
      // the schema must pass it on as it is, leaving out or changing nothing.
      else if (parsed.success && !message && !sameData(parsed.data, plan)) message = 'schema: the parsed plan differs from the plan';
    }
    if (message && failures.length < maxFailures) failures.push({ answers: structuredClone(answers), message: `${message} (${JSON.stringify(input)})` });
  });
  return { paths: checked, invariants: invariants.length, distinctPlans: seen.size, shapes: [...seen], failures, ms: performance.now() - started };
}

/** The questions any ask condition reads, plus `acute` (the acute-warning guard reads it). */
export function routingQuestions(): QuestionId[] {
  const read = new Set<string>(['acute']);
  for (const q of questions) if (q.askWhen) for (const id of readsOf(q.askWhen)) read.add(id);
  return questions.map((q) => q.id).filter((id) => read.has(id));
}

export interface ConformanceResult {
  runs: number;
  events: number;
  failures: Failure[];
  ms: number;
}

export function checkMachineConformance(maxFailures = 5): ConformanceResult {
  const started = performance.now();
  const routing = new Set(routingQuestions());
  const failures: Failure[] = [];
  const rotations = Math.max(...questions.filter((q) => !routing.has(q.id)).map((q) => valuesOf(q).length));
  let runs = 0;
  let events = 0;

  // Every combination of the routing questions' values, each completed `rotations` times.
  const walk = (answers: Answers, from: number) => {
    const index = nextIndex(answers, from);
    if (index >= 0 && routing.has(questions[index].id)) {
      for (const value of valuesOf(questions[index])) walk({ ...answers, [questions[index].id]: value }, index);
      return;
    }
    for (let rotation = 0; rotation < rotations; rotation++) {
      const full = { ...answers };
      for (let i = nextIndex(full, from); i >= 0; i = nextIndex(full, i)) {
        const values = valuesOf(questions[i]);
        full[questions[i].id] = values[(rotation + i) % values.length];
      }
      const message = driveAndCompare(full);
      runs++;
      if (message && failures.length < maxFailures) failures.push({ answers: full, message });
    }
  };

  const driveAndCompare = (answers: Answers): string | null => {
    const actor = createActor(referralMachine).start();
    const asked: string[] = [];
    let lastIndex = 0;
    for (let step = 0; step < 40; step++) {
      const snapshot = actor.getSnapshot();
      const question = currentQuestion(snapshot);
      if (question) {
        const progress = progressOf(snapshot)!;
        if (progress.index !== lastIndex + 1 || progress.index > progress.total) {
          return `progress ${progress.index} of ${progress.total} after ${lastIndex}`;
        }
        lastIndex = progress.index;
        asked.push(question);
        const value = answers[question] as AnswerValue | undefined;
        if (value === undefined) return `asked ${question}, which the enumeration does not ask`;
        actor.send({ type: 'answer', questionId: question, value });
        events++;
        if (currentQuestion(actor.getSnapshot()) === question) return `stuck at ${question}`;
      } else if (isAcuteWarning(snapshot)) {
        asked.push('(acute warning)');
        if (planOf(snapshot) !== null) return 'planOf is not null at the acute warning';
        if (emergencyPlanOf(snapshot)?.tracks[0]?.service !== 'emergency') return 'no emergency plan at the acute warning';
        actor.send({ type: 'continue' });
        events++;
      } else if (isComplete(snapshot)) {
        const expectedAsked = Object.keys(answers).flatMap((id) =>
          id === 'acute' && answers.acute === 'yes' ? ['acute', '(acute warning)'] : [id],
        );
        if (asked.join() !== expectedAsked.join()) return `asked ${asked.join()} instead of ${expectedAsked.join()}`;
        const plan = planOf(snapshot);
        if (JSON.stringify(plan) !== JSON.stringify(computePlan(answers))) return 'planOf differs from computePlan';
        return violation(answers, plan!);
      } else {
        return `dead end in state ${JSON.stringify(snapshot.value)}`;
      }
    }
    return 'did not complete within 40 steps';
  };

  walk({}, -1);
  return { runs, events, failures, ms: performance.now() - started };
}

/** Equal as JSON data, whatever the order of the keys. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
