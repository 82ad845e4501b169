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
export type { DatedSource, FlagDef, RuleDef, ServiceDef, SourceDef, SourceId, Step, TrackEntry } from './rules.ts';
export { questions, questionById, askedPath, predictedPath, normalizeAnswer } from './questions.ts';
export type { QuestionDef } from './questions.ts';
export { computePlan, planOf, emergencyPlanOf, planContextOf, rulesAsOf } from './plan.ts';
export {
  regionOf,
  areaOf,
  municipalityOf,
  emergencyEntriesFor,
  municipalities,
  regionDefs,
  emergencyDefs,
  regions,
  MERGER_DATE,
  type Municipality,
  type Place,
  type RegionDef,
  type EmergencyDef,
} from './regions.ts';
export { checkLocallyFor, checkLocallyForFlag, checkLocallyKey, textKeyOf, serviceTextBase, type CheckLocallyItem } from './check-locally.ts';
export { isValidOn, validOn, addDays, todayIso, type Validity } from './dated.ts';
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
