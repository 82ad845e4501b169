/**
 * The contract's vocabulary (../shared/spec/contract.md) as types and constant lists.
 * Everything here is public: intranet pages, scenario files and outside test suites use these ids.
 */

export const QUESTION_IDS = [
  'acute',
  'age',
  'substances',
  'mental-health',
  'trauma',
  'trauma-origin',
  'psychiatric-admission',
  'refusal',
  'current-contacts',
  'children',
  'housing',
  'language',
  'missed-appointments',
  'digital-access',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

export const SERVICE_IDS = [
  'emergency',
  'youth-services',
  'municipal-substance-treatment',
  'regional-psychiatry',
  'integrated-dual-diagnosis',
  'psychiatric-inpatient',
  'regional-trauma-treatment',
  'refugee-trauma-clinic',
  'gp',
  'homelessness-support',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const FLAG_IDS = [
  'F-acute',
  'F-norefusal',
  'F-escalate-kommune',
  'F-escalate-region',
  'F-children',
  'F-coordination',
  'F-greenlandic',
  'F-interpreter',
  'F-outreach',
  'F-no-digital',
  'F-deadlines',
  'F-region-2027',
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

export const RULE_IDS = [
  'NR-K',
  'NR-R',
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const AUTHORITIES = ['kommune', 'region', 'both', 'emergency', 'none'] as const;
export type Authority = (typeof AUTHORITIES)[number];

/** Confidence tags of referral-rules.md: verified, partly verified, seeds only, principle. */
export const CONFIDENCES = ['V', 'V-', 'S', 'P'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A single-choice answer is a string; a multi-choice answer is a non-empty string array. */
export type AnswerValue = string | readonly string[];
export type Answers = Partial<Record<QuestionId, AnswerValue>>;

/**
 * Optional facts a caseworker may add outside the question flow (they never block it):
 * the date the citizen asked for help (starts the deadline clocks, F-deadlines) and whether
 * outpatient substance treatment has proved not enough (R3, residential treatment).
 */
export interface Details {
  requestDate?: string;
  outpatientInsufficient?: boolean;
}
export type DetailId = 'request-date' | 'outpatient-insufficient';

export interface Track {
  service: ServiceId;
  authority: Authority;
  ruleIds: string[];
  legalBasis: string[];
  deadlineDays?: number;
  order: number;
}

export interface TraceEntry {
  questionId: QuestionId | DetailId;
  value: AnswerValue | boolean;
  ruleIds: string[];
}

export interface ReferralPlan {
  rulesValidAsOf: string;
  /** Present only when the caseworker gave a request date (an addition to the contract's shape). */
  requestDate?: string;
  tracks: Track[];
  flags: FlagId[];
  trace: TraceEntry[];
}
