/**
 * Reading a snapshot of the referral statechart: which question, the progress, the answers. These
 * helpers need no XState at run time (only the snapshot's `context`, `hasTag` and `matches`), so
 * the widget can show its first question before the statechart's code has loaded. The plan of a
 * snapshot is `planOf` in plan.ts (it needs the rules).
 */
import { askedPath, predictedPath } from './questions.ts';
import type { ReferralContext } from './referral.machine.ts';
import type { Answers, Details, QuestionId } from './types.ts';

export type Snapshot = { context: ReferralContext; hasTag(tag: string): boolean; matches(value: any): boolean };

/** The question the machine waits for, or null (acute warning, plan). */
export function currentQuestion(snapshot: Snapshot): QuestionId | null {
  return snapshot.hasTag('question') ? snapshot.context.current : null;
}

export function isAcuteWarning(snapshot: Snapshot): boolean {
  return snapshot.hasTag('acute');
}

export function isComplete(snapshot: Snapshot): boolean {
  return snapshot.hasTag('complete');
}

export function answersOf(snapshot: Snapshot): Answers {
  return snapshot.context.answers;
}

export function detailsOf(snapshot: Snapshot): Details {
  return snapshot.context.details;
}

/** Answers the last answer change made irrelevant (the UI tells the user which). */
export function droppedOf(snapshot: Snapshot): ReferralContext['dropped'] {
  return snapshot.context.dropped;
}

/** "Question 3 of about 9": the current question's place in the path that may still come. */
export function progressOf(snapshot: Snapshot): { index: number; total: number } | null {
  const current = currentQuestion(snapshot);
  if (current === null) return null;
  const predicted = predictedPath(snapshot.context.answers);
  return { index: predicted.indexOf(current) + 1, total: predicted.length };
}

/** The dual-diagnosis handoff (R6/R7) in `complete`, or null when the plan has none. */
export function handoffOf(
  snapshot: Snapshot,
): { regional: 'referred' | 'taken-over'; municipal: 'bridging' | 'social-role' } | null {
  if (!snapshot.matches({ complete: 'dualDiagnosisHandoff' })) return null;
  const takenOver = snapshot.matches({ complete: { dualDiagnosisHandoff: { regional: 'takenOver' } } });
  return takenOver
    ? { regional: 'taken-over', municipal: 'social-role' }
    : { regional: 'referred', municipal: 'bridging' };
}

/** The questions answered so far, in the order asked (for a review page). */
export function answeredPath(snapshot: Snapshot): QuestionId[] {
  return askedPath(snapshot.context.answers).filter((id) => snapshot.context.answers[id] !== undefined);
}
