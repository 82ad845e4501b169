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

/** The regions, dated (machines/regions.ts): Østdanmark replaces Hovedstaden and Sjælland on 2027-01-01. */
export const REGION_IDS = ['hovedstaden', 'sjaelland', 'syddanmark', 'midtjylland', 'nordjylland', 'oestdanmark'] as const;
export type RegionId = (typeof REGION_IDS)[number];

/**
 * Optional facts a caseworker may add outside the question flow (they never block it):
 * the date the citizen asked for help (starts the kommune's 14-day clock, F-deadlines), the date the
 * referral to the region was sent (taken as the region's receipt: starts the region's 30-day
 * assessment clock) and whether outpatient substance treatment has proved not enough (R3).
 */
export interface Details {
  requestDate?: string;
  outpatientInsufficient?: boolean;
  referralSentDate?: string;
}
export type DetailId = 'request-date' | 'outpatient-insufficient' | 'referral-sent-date';

/**
 * The events a deadline clock starts at (referral-rules.md section 6): the citizen's request (R1,
 * R2, R3: the kommune's 14 days), the region's receipt of the referral (R4, R9: 30 days), the
 * region's acceptance after visitation (R6: 14 days).
 */
export const CLOCK_STARTS = ['request', 'referral-received', 'visitation-accepted'] as const;
export type ClockStart = (typeof CLOCK_STARTS)[number];

export interface Clock {
  /** === the track's deadlineDays. */
  days: number;
  /** The event that starts it. */
  startsAt: ClockStart;
  /** ISO date, only when that event's date is known (given by the caseworker). */
  startDate?: string;
  /** ISO date, only when startDate is known. */
  due?: string;
  /** true when due < plan.asOf. */
  overdue?: boolean;
}

/** One way to reach emergency help (R12), for the plan's emergency step and the acute screen. */
export interface EmergencyEntry {
  /** Text key: rules.json `emergency.<id>.*`. */
  id: string;
  /** Digits to dial (tel: link); absent for "go to / check locally" entries. */
  phone?: string;
  /** Set when the entry applies only in this region; never shown for another region. */
  region?: RegionId;
  /** From 2027-01-01: the former region whose area the entry serves (inside Region Østdanmark). */
  area?: RegionId;
  confidence: Confidence;
  sources: string[];
}

export interface Track {
  service: ServiceId;
  authority: Authority;
  ruleIds: string[];
  legalBasis: string[];
  deadlineDays?: number;
  order: number;
  /** The deadline clock (no clock on a track that cannot run yet, e.g. during an admission). */
  clock?: Clock;
  /**
   * `at-discharge`: planned now, starts when the citizen is discharged (the substance track during
   * a psychiatric admission, L 126 2023-24). Absent: starts now.
   */
  starts?: 'at-discharge';
  /** A variant of the service's texts (rules.json `service.<id>.variants.<variant>`), e.g. `at-risk`. */
  variant?: string;
  /** Only on the `emergency` track: the ways to reach help in the plan's region as of its date. */
  emergency?: EmergencyEntry[];
}

export interface TraceEntry {
  questionId: QuestionId | DetailId;
  value: AnswerValue | boolean;
  ruleIds: string[];
}

export interface ReferralPlan {
  rulesValidAsOf: string;
  /** The ISO date the plan was computed for (rules change with dates). */
  asOf: string;
  /** The region resolved from the host's configuration as of `asOf` (absent = unknown). */
  region?: RegionId;
  /** Present only when the caseworker gave a request date (an addition to the contract's shape). */
  requestDate?: string;
  /** Present only when the caseworker gave the date the referral to the region was sent. */
  referralSentDate?: string;
  tracks: Track[];
  flags: FlagId[];
  trace: TraceEntry[];
}

/** Where and when the plan is computed for (the host's configuration, the date). */
export interface PlanContext {
  /** ISO date; default: today. */
  asOf?: string;
  region?: RegionId;
  /** Three-digit kommunenummer, e.g. "461" (Odense). */
  municipalityCode?: string;
  /** The municipality's name, e.g. "Odense" or "Odense Kommune". */
  municipalityName?: string;
}
