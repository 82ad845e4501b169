/**
 * zod (mini) schemas at the boundaries: an answer set, the plan that leaves the element, and a
 * trainer's scenario file. `zod/mini` keeps the browser bundle small (toolchain.md).
 */
import * as z from 'zod/mini';
import { questions } from './questions.ts';
import { AUTHORITIES, CLOCK_STARTS, CONFIDENCES, FLAG_IDS, QUESTION_IDS, REGION_IDS, SERVICE_IDS, type QuestionId } from './types.ts';

function answerValueSchema(questionId: QuestionId) {
  const question = questions.find((q) => q.id === questionId)!;
  const option = z.enum(question.options as [string, ...string[]]);
  if (question.kind === 'single') return option;
  return z.array(option).check(
    z.minLength(1),
    z.refine((list) => new Set(list).size === list.length, { message: 'duplicate option' }),
    z.refine((list) => !question.exclusive || !list.includes(question.exclusive) || list.length === 1, {
      message: `"${question.exclusive}" cannot be combined with other options`,
    }),
  );
}

/** An answer set: each known question at most once, with one of its own values. */
export const answerSchema = z.strictObject(
  Object.fromEntries(QUESTION_IDS.map((id) => [id, z.optional(answerValueSchema(id))])) as unknown as Record<
    QuestionId,
    z.ZodMiniOptional<z.ZodMiniType<string | string[]>>
  >,
);

export const isoDateSchema = z.iso.date();

export const detailsSchema = z.strictObject({
  requestDate: z.optional(isoDateSchema),
  outpatientInsufficient: z.optional(z.boolean()),
  referralSentDate: z.optional(isoDateSchema),
});

const ruleIdList = z.array(z.string().check(z.minLength(1), z.maxLength(40)));

const nonNegative = (what: string) => z.int().check(z.refine((n) => n >= 0, { message: `negative ${what}` }));

export const clockSchema = z.strictObject({
  days: nonNegative('deadline'),
  startsAt: z.enum(CLOCK_STARTS),
  startDate: z.optional(isoDateSchema),
  due: z.optional(isoDateSchema),
  overdue: z.optional(z.boolean()),
});

export const emergencyEntrySchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  phone: z.optional(z.string().check(z.regex(/^[0-9]{3,8}$/))),
  region: z.optional(z.enum(REGION_IDS)),
  area: z.optional(z.enum(REGION_IDS)),
  confidence: z.enum(CONFIDENCES),
  sources: z.array(z.string()),
});

export const referralPlanSchema = z.strictObject({
  rulesValidAsOf: isoDateSchema,
  asOf: isoDateSchema,
  region: z.optional(z.enum(REGION_IDS)),
  requestDate: z.optional(isoDateSchema),
  referralSentDate: z.optional(isoDateSchema),
  tracks: z.array(
    z.strictObject({
      service: z.enum(SERVICE_IDS),
      authority: z.enum(AUTHORITIES),
      ruleIds: ruleIdList.check(z.minLength(1)),
      legalBasis: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
      deadlineDays: z.optional(nonNegative('deadline')),
      order: nonNegative('order'),
      clock: z.optional(clockSchema),
      starts: z.optional(z.literal('at-discharge')),
      variant: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
      emergency: z.optional(z.array(emergencyEntrySchema)),
    }),
  ),
  flags: z.array(z.enum(FLAG_IDS)),
  trace: z.array(
    z.strictObject({
      questionId: z.string().check(z.minLength(1)),
      value: z.union([z.string(), z.array(z.string()), z.boolean()]),
      ruleIds: ruleIdList,
    }),
  ),
});

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const localized = (max: number) => z.strictObject({ da: text(max), kl: z.optional(text(max)), en: text(max) });

/** The date and place a plan is computed for (the machine's `context` event; a scenario's `setting`). */
export const settingSchema = z.strictObject({
  asOf: z.optional(isoDateSchema),
  region: z.optional(z.enum(REGION_IDS)),
  municipalityCode: z.optional(z.string().check(z.regex(/^[0-9]{3}$/))),
  municipalityName: z.optional(z.string().check(z.minLength(1), z.maxLength(120))),
});

/**
 * A training scenario (contract.md, plus optional `details` and `setting`: a trainer can show the
 * same case as of another date, e.g. 2027-01-01, or in another region). Holds no personal data.
 */
export const scenarioSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)),
  title: localized(200),
  story: localized(4000),
  answers: answerSchema,
  details: z.optional(detailsSchema),
  setting: z.optional(settingSchema),
  expected: z.optional(
    z.strictObject({
      services: z.array(z.enum(SERVICE_IDS)),
      flags: z.array(z.enum(FLAG_IDS)),
    }),
  ),
  notes: z.optional(
    z.partialRecord(z.enum(QUESTION_IDS), localized(2000)),
  ),
  /** Greenlandic texts awaiting a certified interpreter's review: path ("story.kl") → reason. */
  needsReview: z.optional(z.record(z.string().check(z.regex(/^(title|story|notes\.[a-z-]+)\.kl$/)), text(300))),
});

export type Scenario = z.infer<typeof scenarioSchema>;
