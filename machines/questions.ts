/**
 * The questions, in the order they are asked, with their options and the condition under which
 * each one matters. A question's condition reads only questions before it, so the path through
 * the guide is a pure function of the answers (`askedPath`).
 */
import { evaluate, factMask, factValues, holds, type Condition, type FactValues } from './conditions.ts';
import type { AnswerValue, Answers, QuestionId } from './types.ts';

export interface QuestionDef {
  id: QuestionId;
  kind: 'single' | 'multi';
  options: readonly string[];
  /** For multi-choice: the option that must stand alone ("none"). */
  exclusive?: string;
  /** Asked only when this holds; absent = always asked. */
  askWhen?: Condition;
  /** Plain-language reason, for the reviewer and the generated flow diagram. */
  description: string;
}

export const questions: readonly QuestionDef[] = [
  {
    id: 'acute',
    kind: 'single',
    options: ['yes', 'no'],
    description: 'Acute danger comes first: suicidal thoughts, psychosis, severe intoxication or withdrawal, violence (R12).',
  },
  {
    id: 'age',
    kind: 'single',
    options: ['under-18', 'adult'],
    description: 'Under 18 is out of scope and goes to youth services (R14).',
  },
  {
    id: 'substances',
    kind: 'multi',
    options: ['alcohol', 'drugs', 'none'],
    exclusive: 'none',
    askWhen: 'adult',
    description: 'Drugs (R1) and alcohol (R2) are municipal substance treatment.',
  },
  {
    id: 'mental-health',
    kind: 'single',
    options: ['none', 'mild', 'treatment-requiring'],
    askWhen: 'adult',
    description: 'Treatment-requiring (suspected is enough) goes to the region (R4); mild to the GP (R5).',
  },
  {
    id: 'trauma',
    kind: 'single',
    options: ['none', 'suspected', 'diagnosed'],
    askWhen: 'adult',
    description: 'Suspected or diagnosed PTSD is regional treatment and counts as a treatment-requiring illness.',
  },
  {
    id: 'trauma-origin',
    kind: 'single',
    options: ['abroad-war-torture', 'other'],
    askWhen: { all: ['adult', 'trauma'] },
    description: 'War, torture or organised violence abroad: refugee trauma clinic (R10, R11); otherwise regional PTSD care (R9).',
  },
  {
    id: 'psychiatric-admission',
    kind: 'single',
    options: ['yes', 'no'],
    askWhen: { all: ['adult', 'serious'] },
    description: 'A current psychiatric admission makes the ward responsible during the stay (R8).',
  },
  {
    id: 'refusal',
    kind: 'multi',
    options: ['substance-treatment-refused', 'psychiatry-refused', 'trauma-clinic-refused', 'none'],
    exclusive: 'none',
    askWhen: { all: ['adult', 'any-need'] },
    description: 'A refusal triggers the no-refusal rules and the escalation steps (NR-K, NR-R).',
  },
  {
    id: 'current-contacts',
    kind: 'multi',
    options: ['substance-treatment', 'psychiatry', 'gp', 'none'],
    exclusive: 'none',
    askWhen: { all: ['adult', 'any-need'] },
    description: 'Contact with both psychiatry and substance treatment calls for coordination.',
  },
  {
    id: 'children',
    kind: 'single',
    options: ['yes', 'pregnant', 'no'],
    askWhen: 'adult',
    description: 'Children or pregnancy: stricter duty to report and family-oriented treatment.',
  },
  {
    id: 'housing',
    kind: 'single',
    options: ['stable', 'at-risk', 'shelter', 'homeless'],
    askWhen: 'adult',
    description: 'Homelessness or risk of losing the home: municipal housing support (R13).',
  },
  {
    id: 'language',
    kind: 'single',
    options: ['danish', 'greenlandic', 'other'],
    askWhen: 'adult',
    description: 'Greenlandic citizens and other language needs: interpreter.',
  },
  {
    id: 'missed-appointments',
    kind: 'single',
    options: ['yes', 'no'],
    askWhen: 'adult',
    description: 'Missed appointments must not close the case: outreach.',
  },
  {
    id: 'digital-access',
    kind: 'single',
    options: ['yes', 'no'],
    askWhen: 'adult',
    description: 'No Digital Post or phone: letters on paper, meet in person.',
  },
];

export const questionById = Object.fromEntries(questions.map((q) => [q.id, q])) as Record<QuestionId, QuestionDef>;

/**
 * The canonical form of a value for a question, or null when it is not one of its options.
 * Multi-choice accepts a lone string as a one-element list; duplicates are folded and the order
 * follows the question's options, so equal answers compare equal.
 */
export function normalizeAnswer(questionId: unknown, value: unknown): AnswerValue | null {
  if (typeof questionId !== 'string' || !Object.hasOwn(questionById, questionId)) return null;
  const question = questionById[questionId as QuestionId];
  if (question.kind === 'single') {
    return typeof value === 'string' && question.options.includes(value) ? value : null;
  }
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0) return null;
  if (!list.every((v) => typeof v === 'string' && question.options.includes(v))) return null;
  const chosen = question.options.filter((option) => list.includes(option));
  if (question.exclusive && chosen.includes(question.exclusive) && chosen.length > 1) return null;
  return chosen;
}

/**
 * The questions asked for these answers, in order (unasked questions count as "no"). Ask conditions
 * read only facts of earlier questions (adult, trauma, serious, any-need), which an answer to an
 * unasked question cannot change.
 */
export function askedPath(answers: Answers): QuestionId[] {
  return sharedPathFor(factValues(answers)).slice();
}

/** The facts any ask condition reads: the asked path is a function of these bits alone. */
export const ASK_MASK = factMask(questions.flatMap((q) => (q.askWhen ? [q.askWhen] : [])));
const paths = new Map<number, readonly QuestionId[]>();

/**
 * The asked path from fact values already computed, without the copy, for the plan's own use: one
 * array per distinct set of the facts that decide the route (a handful), shared, never to be changed.
 */
export function sharedPathFor(values: FactValues): readonly QuestionId[] {
  const key = (values & ASK_MASK) >>> 0;
  let path = paths.get(key);
  if (!path) {
    const ids: QuestionId[] = [];
    for (const q of questions) if (!q.askWhen || holds(q.askWhen, values)) ids.push(q.id);
    paths.set(key, (path = ids));
  }
  return path;
}

/** The questions that may still be asked: those not yet ruled out by the answers so far. */
export function predictedPath(answers: Answers): QuestionId[] {
  return questions.filter((q) => !q.askWhen || evaluate(q.askWhen, answers) !== false).map((q) => q.id);
}

/** Keep only the answers to questions that still apply; report the ones dropped. */
export function prune(answers: Answers): { kept: Answers; dropped: Array<{ questionId: QuestionId; value: AnswerValue }> } {
  const path = new Set(askedPath(answers));
  const kept: Answers = {};
  const dropped: Array<{ questionId: QuestionId; value: AnswerValue }> = [];
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    if (path.has(q.id)) kept[q.id] = value;
    else dropped.push({ questionId: q.id, value });
  }
  return { kept, dropped };
}
