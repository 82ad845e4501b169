/**
 * The referral guide as an XState v5 statechart.
 *
 * One state per question, generated from the question data in ask order. Answering moves through
 * the question's `leaving` state, whose guarded candidates pick the next question that applies (the
 * generated flow diagram reads these edges). Back, Change and Restart jump through `jumping`.
 * `complete` holds the plan; for a dual diagnosis it runs the municipal and regional tracks as a
 * parallel region until the region has taken over.
 */
import { assign, setup, type StateNodeConfig } from 'xstate';
import { decide } from './conditions.ts';
import { askedPath, normalizeAnswer, prune, questionById, questions } from './questions.ts';
import { QUESTION_IDS, REGION_IDS, type AnswerValue, type Answers, type Details, type PlanContext, type QuestionId } from './types.ts';

export interface ReferralContext {
  answers: Answers;
  details: Details;
  /** The question the guide waits for (null outside question states). */
  current: QuestionId | null;
  /** Answers the last answer change made irrelevant; the UI names them. */
  dropped: Array<{ questionId: QuestionId; value: AnswerValue }>;
  /** Skip questions that already have an answer (after Change from the review, or on resume). */
  skipAnswered: boolean;
  /** The question a Change link from the review opened; Back from it returns to the review. */
  editOrigin: QuestionId | null;
  /** Where `jumping` goes next. */
  jumpTo: QuestionId | 'acuteWarning' | 'complete' | null;
  /**
   * The date and place the plan is computed for (the `context` event; docs/machine-api.md).
   * Absent: today, and no region (the emergency step then names no region's number).
   */
  setting?: PlanContext;
}

export type ReferralEvent =
  | { type: 'answer'; questionId: string; value: unknown }
  | { type: 'back' }
  | { type: 'restart' }
  | { type: 'continue' }
  | { type: 'edit'; questionId: string }
  | { type: 'details'; requestDate?: string | null; outpatientInsufficient?: boolean; referralSentDate?: string | null }
  | {
      type: 'context';
      /** ISO date the plan is computed for; null = today. */
      asOf?: string | null;
      region?: string | null;
      /** Three-digit kommunenummer. */
      municipalityCode?: string | null;
      municipalityName?: string | null;
    }
  | { type: 'region-took-over' };

export interface ReferralInput {
  answers?: Record<string, unknown>;
  details?: Record<string, unknown>;
  /** The date and place (same fields as the `context` event). */
  setting?: Record<string, unknown>;
}

type JumpTarget = NonNullable<ReferralContext['jumpTo']>;

function isQuestionId(value: unknown): value is QuestionId {
  return typeof value === 'string' && (QUESTION_IDS as readonly string[]).includes(value);
}

/**
 * A real calendar date as YYYY-MM-DD. Checked by hand rather than with the zod schema so the
 * running statechart does not pull zod into the first screen's bundle; a test pins it to
 * `isoDateSchema`.
 */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as written
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Keep only well-formed answers and details (input may come from session storage or a file). */
function sanitize(raw: unknown): Pick<ReferralContext, 'answers' | 'details'> {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as ReferralInput;
  const answers: Answers = {};
  const given = typeof input.answers === 'object' && input.answers !== null ? input.answers : {};
  for (const [id, value] of Object.entries(given)) {
    const normalized = isQuestionId(id) ? normalizeAnswer(id, value) : null;
    if (normalized !== null) answers[id as QuestionId] = normalized;
  }
  const details: Details = {};
  const requestDate = input.details?.requestDate;
  if (isDate(requestDate)) details.requestDate = requestDate;
  const referralSentDate = input.details?.referralSentDate;
  if (isDate(referralSentDate)) details.referralSentDate = referralSentDate;
  if (input.details?.outpatientInsufficient === true) details.outpatientInsufficient = true;
  const setting = typeof input.setting === 'object' && input.setting !== null ? applySetting({}, input.setting, true) : undefined;
  return { answers: prune(answers).kept, details, ...(setting && Object.keys(setting).length ? { setting } : {}) };
}

const isRegion = (value: unknown) => typeof value === 'string' && (REGION_IDS as readonly string[]).includes(value);
const isCode = (value: unknown) => typeof value === 'string' && /^[0-9]{3}$/.test(value);
const isName = (value: unknown) => typeof value === 'string' && value.trim().length > 0 && value.length <= 120;

/** A `context` event's fields are each absent (unchanged), null (cleared) or valid. */
export function isValidSetting(event: Record<string, unknown>): boolean {
  const ok = (value: unknown, check: (v: unknown) => boolean) => value === undefined || value === null || check(value);
  return ok(event.asOf, isDate) && ok(event.region, isRegion) && ok(event.municipalityCode, isCode) && ok(event.municipalityName, isName);
}

/** The setting after a `context` event (or from input, where invalid fields are dropped). */
function applySetting(current: PlanContext, event: Record<string, unknown>, dropInvalid = false): PlanContext {
  const next: PlanContext = { ...current };
  const fields: Array<[keyof PlanContext, (v: unknown) => boolean]> = [
    ['asOf', isDate],
    ['region', isRegion],
    ['municipalityCode', isCode],
    ['municipalityName', isName],
  ];
  for (const [field, check] of fields) {
    const value = event[field];
    if (value === null) delete next[field];
    else if (value !== undefined && (!dropInvalid || check(value))) (next as Record<string, unknown>)[field] = value;
  }
  return next;
}

function previousStep(context: ReferralContext, inComplete: boolean): JumpTarget | null {
  const path = askedPath(context.answers);
  if (inComplete) return path[path.length - 1] ?? null;
  if (context.current === null) return 'acute'; // the acute warning
  if (context.skipAnswered && context.current === context.editOrigin) return 'complete';
  const index = path.indexOf(context.current);
  if (index <= 0) return null;
  const previous = path[index - 1];
  return previous === 'acute' && context.answers.acute === 'yes' ? 'acuteWarning' : previous;
}

export const referralMachineSetup = setup({
  types: {
    context: {} as ReferralContext,
    events: {} as ReferralEvent,
    // No `input` type on purpose: typed input makes `createActor(referralMachine)` without options
    // a type error. The input is untrusted anyway (session storage, files) and `sanitize` checks it.
  },
  guards: {
    /** The event answers the question on screen with one of its options. */
    isValidAnswer: ({ context, event }) =>
      event.type === 'answer' &&
      event.questionId === context.current &&
      normalizeAnswer(event.questionId, event.value) !== null,
    /** Acute danger was reported: stop at the emergency warning. */
    isAcute: ({ context }) => context.answers.acute === 'yes',
    /** The question applies to these answers (and, when skipping, is still open). */
    shouldAsk: ({ context }, params: { questionId: QuestionId }) => {
      const question = questionById[params.questionId];
      const applies = !question.askWhen || decide(question.askWhen, context.answers);
      return applies && !(context.skipAnswered && context.answers[params.questionId] !== undefined);
    },
    isJumpTarget: ({ context }, params: { target: JumpTarget }) => context.jumpTo === params.target,
    canGoBack: ({ context }, params: { inComplete: boolean }) => previousStep(context, params.inComplete) !== null,
    /**
     * Change link: the question has an answer, is still part of the path, and no question before
     * it is open (jumping past an open question would let the guide complete without its answer).
     */
    canEdit: ({ context, event }) => {
      if (event.type !== 'edit' || !isQuestionId(event.questionId)) return false;
      if (event.questionId === context.current || context.answers[event.questionId] === undefined) return false;
      const path = askedPath(context.answers);
      const index = path.indexOf(event.questionId);
      return index >= 0 && path.slice(0, index).every((id) => context.answers[id] !== undefined);
    },
    isValidDetails: ({ event }) =>
      event.type === 'details' &&
      (event.requestDate === undefined || event.requestDate === null || isDate(event.requestDate)) &&
      (event.referralSentDate === undefined || event.referralSentDate === null || isDate(event.referralSentDate)) &&
      (event.outpatientInsufficient === undefined || typeof event.outpatientInsufficient === 'boolean'),
    isValidContext: ({ event }) => event.type === 'context' && isValidSetting(event as unknown as Record<string, unknown>),
    /** Substance use together with a treatment-requiring mental illness or trauma (R6/R7). */
    isDualDiagnosis: ({ context }) => decide('dual', context.answers),
  },
  actions: {
    setCurrent: assign((_, params: { questionId: QuestionId | null }) => ({ current: params.questionId })),
    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'answer') return {};
      const value = normalizeAnswer(event.questionId, event.value)!;
      const { kept, dropped } = prune({ ...context.answers, [event.questionId]: value });
      return { answers: kept, dropped };
    }),
    clearDropped: assign({ dropped: [] }),
    setBackTarget: assign(({ context }, params: { inComplete: boolean }) => ({
      jumpTo: previousStep(context, params.inComplete),
      skipAnswered: false,
      editOrigin: null,
      dropped: [],
    })),
    setEditTarget: assign(({ context, event }, params: { fromReview: boolean }) =>
      event.type === 'edit' && isQuestionId(event.questionId)
        ? {
            jumpTo: event.questionId,
            skipAnswered: params.fromReview,
            editOrigin: params.fromReview ? event.questionId : null,
            dropped: [],
          }
        : {},
    ),
    setDetails: assign(({ context, event }) => {
      if (event.type !== 'details') return {};
      const details = { ...context.details };
      if (event.requestDate === null) delete details.requestDate;
      else if (event.requestDate !== undefined) details.requestDate = event.requestDate;
      if (event.referralSentDate === null) delete details.referralSentDate;
      else if (event.referralSentDate !== undefined) details.referralSentDate = event.referralSentDate;
      if (event.outpatientInsufficient === false) delete details.outpatientInsufficient;
      else if (event.outpatientInsufficient === true) details.outpatientInsufficient = true;
      return { details };
    }),
    setSetting: assign(({ context, event }) => {
      if (event.type !== 'context') return {};
      return { setting: applySetting(context.setting ?? {}, event as unknown as Record<string, unknown>) };
    }),
    reset: assign({
      answers: {},
      details: {},
      current: null,
      dropped: [],
      skipAnswered: false,
      editOrigin: null,
      jumpTo: null,
    }),
    finishReview: assign({ skipAnswered: false, editOrigin: null, current: null }),
  },
});

type Config = StateNodeConfig<ReferralContext, ReferralEvent, any, any, any, any, any, any, any, any>;

/** Guarded candidates for "what comes after question `index`": the first that applies wins. */
function nextCandidates(index: number) {
  return [
    ...questions.slice(index + 1).map((q) => ({
      guard: { type: 'shouldAsk' as const, params: { questionId: q.id } },
      target: `#${q.id}`,
    })),
    { target: '#complete' },
  ];
}

function questionState(index: number): Config {
  const question = questions[index];
  return {
    id: question.id,
    description: question.description,
    tags: ['question'],
    meta: { questionId: question.id, askWhen: question.askWhen },
    entry: { type: 'setCurrent', params: { questionId: question.id } },
    initial: 'waiting',
    states: {
      waiting: {
        on: { answer: { guard: 'isValidAnswer', target: 'leaving', actions: 'recordAnswer' } },
      },
      leaving: {
        always: [
          ...(question.id === 'acute' ? [{ guard: 'isAcute', target: '#acuteWarning' }] : []),
          ...nextCandidates(index),
        ],
      },
    },
    on: { back: { guard: { type: 'canGoBack', params: { inComplete: false } }, target: '#jumping', actions: { type: 'setBackTarget', params: { inComplete: false } } } },
  } as Config;
}

const jumpTargets: JumpTarget[] = [...QUESTION_IDS, 'acuteWarning', 'complete'];

export const referralMachine = referralMachineSetup.createMachine({
  id: 'referral',
  description: 'Guides a caseworker, one question at a time, to a referral plan.',
  context: ({ input }) => ({
    ...sanitize(input),
    current: null,
    dropped: [],
    skipAnswered: true,
    editOrigin: null,
    jumpTo: null,
  }),
  initial: 'start',
  on: {
    restart: { target: '.start', actions: 'reset' },
    edit: [
      { guard: 'canEdit', target: '.jumping', actions: { type: 'setEditTarget', params: { fromReview: false } } },
    ],
    details: { guard: 'isValidDetails', actions: 'setDetails' },
    context: { guard: 'isValidContext', actions: 'setSetting' },
  },
  states: {
    start: {
      id: 'start',
      description: 'Go to the first open question (a fresh guide starts at "acute"; a restored one resumes).',
      always: nextCandidates(-1),
    },
    jumping: {
      id: 'jumping',
      description: 'Back, Change and Restart land here and go on to the chosen step.',
      always: jumpTargets.map((target) => ({
        guard: { type: 'isJumpTarget' as const, params: { target } },
        target: `#${target}`,
      })),
    },
    ...Object.fromEntries(questions.map((q, index) => [q.id, questionState(index)])),
    acuteWarning: {
      id: 'acuteWarning',
      description: 'Acute danger (R12): call 112 or the psychiatric emergency service now; the guide continues afterwards.',
      tags: ['acute'],
      entry: { type: 'setCurrent', params: { questionId: null } },
      initial: 'waiting',
      states: {
        waiting: { on: { continue: 'leaving' } },
        leaving: { always: nextCandidates(0) },
      },
      on: { back: { target: '#jumping', actions: { type: 'setBackTarget', params: { inComplete: false } } } },
    },
    complete: {
      id: 'complete',
      description: 'All questions that matter are answered; the plan is ready.',
      tags: ['complete'],
      entry: 'finishReview',
      initial: 'deciding',
      on: {
        back: { guard: { type: 'canGoBack', params: { inComplete: true } }, target: '#jumping', actions: { type: 'setBackTarget', params: { inComplete: true } } },
        edit: { guard: 'canEdit', target: '#jumping', actions: { type: 'setEditTarget', params: { fromReview: true } } },
      },
      states: {
        deciding: {
          always: [{ guard: 'isDualDiagnosis', target: 'dualDiagnosisHandoff' }, { target: 'singleSector' }],
        },
        singleSector: { description: 'Each need has its own track; no handoff between kommune and region.' },
        dualDiagnosisHandoff: {
          description:
            'R6/R7: referral to the regional integrated offer, and municipal substance treatment keeps running until the region has taken over — no gap, no waiting.',
          type: 'parallel',
          states: {
            regional: {
              initial: 'referred',
              states: {
                referred: {
                  description: 'Referred to the integrated offer (14 days); regional psychiatry assesses in parallel.',
                  on: { 'region-took-over': 'takenOver' },
                },
                takenOver: { description: 'The region treats mental illness and substance use together.' },
              },
            },
            municipal: {
              initial: 'bridging',
              states: {
                bridging: {
                  description: 'Municipal substance treatment runs until the region has taken over.',
                  on: { 'region-took-over': 'socialRole' },
                },
                socialRole: { description: 'The kommune keeps its social role: housing support, coordination.' },
              },
            },
          },
        },
      },
    },
  },
});
