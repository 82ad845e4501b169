/**
 * The headless statechart's public surface (../shared/spec/contract.md, docs/machine-api.md).
 * Runs in Node or a browser without a DOM; imports only xstate, zod/mini and itself.
 */
import type { SnapshotFrom } from 'xstate';
import { computePlan } from './plan.ts';
import { askedPath, predictedPath } from './questions.ts';
import { referralMachine, type ReferralContext } from './referral.machine.ts';
import type { Answers, Details, QuestionId, ReferralPlan } from './types.ts';

export { referralMachine, referralMachineSetup } from './referral.machine.ts';
export type { ReferralContext, ReferralEvent, ReferralInput } from './referral.machine.ts';
export { answerSchema, detailsSchema, referralPlanSchema, scenarioSchema, type Scenario } from './schemas.ts';
export { rules, rulesValidAsOf } from './rules.ts';
export type { FlagDef, RuleDef, ServiceDef, SourceDef, SourceId, Step, TrackEntry } from './rules.ts';
export { questions, questionById, askedPath, predictedPath, normalizeAnswer } from './questions.ts';
export type { QuestionDef } from './questions.ts';
export { computePlan } from './plan.ts';
export { facts, decide, evaluate, type Condition, type FactId } from './conditions.ts';
export * from './types.ts';

export type ReferralSnapshot = SnapshotFrom<typeof referralMachine>;

type Snapshot = { context: ReferralContext; hasTag(tag: string): boolean; matches(value: any): boolean };

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

/**
 * The plan once the guide is complete. While the machine waits at the acute warning it returns the
 * interim plan (the emergency track and F-acute), so "call 112 now" is never lost; otherwise null.
 */
export function planOf(snapshot: Snapshot): ReferralPlan | null {
  if (isComplete(snapshot)) return computePlan(snapshot.context.answers, snapshot.context.details);
  if (isAcuteWarning(snapshot)) return computePlan({ acute: 'yes' }, snapshot.context.details);
  return null;
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
