/**
 * Enumerates every answer path through the guide: at each question, every value the question
 * accepts (each option; for multi-choice, every non-empty combination, or the exclusive option
 * alone). Routing follows the same ask conditions the machine's `shouldAsk` guard evaluates; the
 * conformance test drives the real XState machine to show it routes exactly this way.
 */
import { facts, questions, type AnswerValue, type Answers, type Condition, type QuestionDef } from '../../machines/index.ts';

export function valuesOf(question: QuestionDef): AnswerValue[] {
  if (question.kind === 'single') return [...question.options];
  const free = question.options.filter((o) => o !== question.exclusive);
  const values: AnswerValue[] = question.exclusive ? [[question.exclusive]] : [];
  for (let mask = 1; mask < 1 << free.length; mask++) values.push(free.filter((_, i) => mask & (1 << i)));
  return values;
}

const allValues = questions.map(valuesOf);

/** Index of the next question to ask after `from`, or -1 when the guide is complete. */
export function nextIndex(answers: Answers, from: number): number {
  for (let i = from + 1; i < questions.length; i++) {
    const when = questions[i].askWhen;
    if (!when || applies(when, answers)) return i;
  }
  return -1;
}

/**
 * Whether an ask condition holds, unasked questions counting as "no", read straight from the fact
 * definitions: independent of the fact bits the machine and the plan use, which the conformance
 * check and invariant I1 compare with it.
 */
function applies(condition: Condition, answers: Answers): boolean {
  if (typeof condition === 'string') return facts[condition].value(answers, {}) === true;
  if ('not' in condition) return !applies(condition.not, answers);
  if ('all' in condition) return condition.all.every((c) => applies(c, answers));
  return condition.any.some((c) => applies(c, answers));
}

/**
 * Calls `visit` once per complete path with the answers (a shared object: copy it to keep it).
 * Returns the number of paths.
 */
export function forEachPath(visit: (answers: Answers) => void, answers: Answers = {}, from = -1): number {
  const index = nextIndex(answers, from);
  if (index < 0) {
    visit(answers);
    return 1;
  }
  const id = questions[index].id;
  let count = 0;
  for (const value of allValues[index]) {
    answers[id] = value;
    count += forEachPath(visit, answers, index);
  }
  delete answers[id];
  return count;
}
