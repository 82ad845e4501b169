/**
 * The headless statechart's public surface (../shared/spec/contract.md, docs/machine-api.md).
 * Runs in Node or a browser without a DOM; imports only xstate, zod/mini and itself.
 */
import type { SnapshotFrom } from 'xstate';
import type { referralMachine } from './referral.machine.ts';

export { referralMachine, referralMachineSetup } from './referral.machine.ts';
export type { ReferralContext, ReferralEvent, ReferralInput } from './referral.machine.ts';
export { answerSchema, detailsSchema, referralPlanSchema, scenarioSchema, type Scenario } from './schemas.ts';
export { rules, rulesValidAsOf } from './rules.ts';
export type { FlagDef, RuleDef, ServiceDef, SourceDef, SourceId, Step, TrackEntry } from './rules.ts';
export { questions, questionById, askedPath, predictedPath, normalizeAnswer } from './questions.ts';
export type { QuestionDef } from './questions.ts';
export { computePlan, planOf } from './plan.ts';
export { facts, decide, evaluate, type Condition, type FactId } from './conditions.ts';
export * from './types.ts';

export type ReferralSnapshot = SnapshotFrom<typeof referralMachine>;

export {
  currentQuestion,
  isAcuteWarning,
  isComplete,
  answersOf,
  detailsOf,
  droppedOf,
  progressOf,
  handoffOf,
  answeredPath,
  type Snapshot,
} from './snapshot.ts';
