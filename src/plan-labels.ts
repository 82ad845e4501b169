/**
 * Questions and answers as a reader sees them, in one language: the labels of the dropped-answers
 * notice and the live announcements (in the ES entry), and the rows of the review page, the
 * printed note and the copied summary. src/plan-view.ts re-exports them.
 */
import { questionById } from '../machines/questions.ts';
import type { AnswerValue, Answers, QuestionId } from '../machines/types.ts';
import type { Translator } from './i18n/translator.ts';

export interface AnswerRow {
  questionId: QuestionId;
  question: string;
  answer: string;
}

/** The label of an answer in the given language (multi-choice answers joined). */
export function answerLabel(tr: Translator, questionId: QuestionId, value: AnswerValue): string {
  const values = typeof value === 'string' ? [value] : value;
  return values.map((v) => tr.t(`rules:question.${questionId}.options.${v}.label`)).join(', ');
}

export function questionLabel(tr: Translator, questionId: QuestionId): string {
  const key = `rules:question.${questionId}.short`;
  return tr.has(key) ? tr.t(key) : tr.t(`rules:question.${questionId}.title`);
}

/** Answers in the order the machine asked them (`order` comes from the machine). */
export function answerRows(tr: Translator, order: readonly QuestionId[], answers: Answers): AnswerRow[] {
  return order
    .filter((id) => answers[id] !== undefined)
    .map((id) => ({ questionId: id, question: questionLabel(tr, id), answer: answerLabel(tr, id, answers[id]!) }));
}
