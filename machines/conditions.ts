/**
 * Facts and conditions: the small vocabulary in which questions (when to ask) and rules (when they
 * apply) are written as data. A legal reviewer reads `{ all: ['substance', 'serious'] }` in the rules
 * file instead of a function body.
 *
 * Facts use three-valued logic: a fact is `undefined` while the question it reads is unanswered.
 * That lets progress estimate which questions may still come ("of about 9"), while the plan treats
 * an unasked question as "no" (`decide`).
 */
import type { Answers, DetailId, Details, QuestionId } from './types.ts';

export const FACT_IDS = [
  'acute',
  'under-18',
  'adult',
  'drugs',
  'alcohol',
  'substance',
  'mental-mild',
  'mental-treatment',
  'mental-any',
  'trauma',
  'trauma-abroad',
  'trauma-denmark',
  'serious',
  'dual',
  'any-need',
  'admitted',
  'refusal-kommune',
  'refusal-psychiatry',
  'refusal-trauma-clinic',
  'refusal-any',
  'contact-both',
  'children',
  'housing-need',
  'greenlandic',
  'other-language',
  'missed-appointments',
  'no-digital',
  'request-date',
  'outpatient-insufficient',
  'housing-at-risk',
  'referral-sent-date',
] as const;
export type FactId = (typeof FACT_IDS)[number];

export type Condition = FactId | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** Kleene truth value: undefined = not known yet. */
type Tri = boolean | undefined;

interface FactDef {
  /** The questions (or details) the fact reads; the trace uses this to say why an answer mattered. */
  reads: Array<QuestionId | DetailId>;
  /** Plain-language meaning, for the reviewer and the generated diagram. */
  description: string;
  value: (answers: Answers, details: Details) => Tri;
  /** For facts built from other facts: the condition, so the trace can name the part that held. */
  condition?: Condition;
}

/** A fact that holds when the answer to `question` is (or, for multi-choice, includes) one of `values`. */
interface Is {
  (answers: Answers): Tri;
  question: QuestionId;
  values: readonly string[];
}

function is(question: QuestionId, ...values: string[]): Is {
  const wanted = new Set(values);
  const test = (answers: Answers): Tri => {
    const answer = answers[question];
    if (answer === undefined) return undefined;
    if (typeof answer === 'string') return wanted.has(answer);
    for (const value of answer) if (wanted.has(value)) return true;
    return false;
  };
  return Object.assign(test, { question, values });
}

function composite(reads: FactDef['reads'], description: string, condition: Condition): FactDef {
  return { reads, description, condition, value: (answers, details) => evaluate(condition, answers, details) };
}

const originAbroad = is('trauma-origin', 'abroad-war-torture');
const originOther = is('trauma-origin', 'other');
const contactPsychiatry = is('current-contacts', 'psychiatry');
const contactSubstance = is('current-contacts', 'substance-treatment');

export const facts: Record<FactId, FactDef> = {
  acute: { reads: ['acute'], description: 'acute danger now', value: is('acute', 'yes') },
  'under-18': { reads: ['age'], description: 'the citizen is under 18', value: is('age', 'under-18') },
  adult: { reads: ['age'], description: 'the citizen is 18 or older', value: is('age', 'adult') },
  drugs: { reads: ['substances'], description: 'problematic drug use', value: is('substances', 'drugs') },
  alcohol: { reads: ['substances'], description: 'alcohol problem', value: is('substances', 'alcohol') },
  substance: {
    reads: ['substances'],
    description: 'problematic use of alcohol or drugs',
    value: is('substances', 'alcohol', 'drugs'),
  },
  'mental-mild': {
    reads: ['mental-health'],
    description: 'mild mental health problems',
    value: is('mental-health', 'mild'),
  },
  'mental-treatment': {
    reads: ['mental-health'],
    description: 'suspected or known mental illness that needs treatment',
    value: is('mental-health', 'treatment-requiring'),
  },
  'mental-any': {
    reads: ['mental-health'],
    description: 'any mental health problem',
    value: is('mental-health', 'mild', 'treatment-requiring'),
  },
  trauma: { reads: ['trauma'], description: 'suspected or diagnosed PTSD', value: is('trauma', 'suspected', 'diagnosed') },
  'trauma-abroad': {
    reads: ['trauma', 'trauma-origin'],
    description: 'trauma from war, torture or organised violence abroad',
    value: (answers, details) => and(facts.trauma.value(answers, details), originAbroad(answers)),
  },
  'trauma-denmark': {
    reads: ['trauma', 'trauma-origin'],
    description: 'trauma from other events (in Denmark)',
    value: (answers, details) => and(facts.trauma.value(answers, details), originOther(answers)),
  },
  serious: composite(['mental-health', 'trauma'], 'a treatment-requiring mental illness, trauma included', {
    any: ['mental-treatment', 'trauma'],
  }),
  dual: composite(
    ['substances', 'mental-health', 'trauma'],
    'substance use together with a treatment-requiring mental illness or trauma',
    { all: ['substance', 'serious'] },
  ),
  'any-need': composite(['substances', 'mental-health', 'trauma'], 'substance use, a mental health problem or trauma', {
    any: ['substance', 'mental-any', 'trauma'],
  }),
  admitted: {
    reads: ['psychiatric-admission'],
    description: 'currently admitted to a psychiatric ward',
    value: is('psychiatric-admission', 'yes'),
  },
  'refusal-kommune': {
    reads: ['refusal'],
    description: 'substance treatment refused',
    value: is('refusal', 'substance-treatment-refused'),
  },
  'refusal-psychiatry': {
    reads: ['refusal'],
    description: 'psychiatry refused',
    value: is('refusal', 'psychiatry-refused'),
  },
  'refusal-trauma-clinic': {
    reads: ['refusal'],
    description: 'a trauma clinic refused',
    value: is('refusal', 'trauma-clinic-refused'),
  },
  'refusal-any': {
    reads: ['refusal'],
    description: 'any refusal reported',
    value: is('refusal', 'substance-treatment-refused', 'psychiatry-refused', 'trauma-clinic-refused'),
  },
  'contact-both': {
    reads: ['current-contacts'],
    description: 'in contact with both psychiatry and substance treatment',
    value: (answers) => and(contactPsychiatry(answers), contactSubstance(answers)),
  },
  children: {
    reads: ['children'],
    description: 'children under 18 at home or in regular contact, or pregnancy',
    value: is('children', 'yes', 'pregnant'),
  },
  'housing-need': {
    reads: ['housing'],
    description: 'homeless, in a shelter or at risk of losing the home',
    value: is('housing', 'at-risk', 'shelter', 'homeless'),
  },
  greenlandic: { reads: ['language'], description: 'Greenlandic citizen', value: is('language', 'greenlandic') },
  'other-language': { reads: ['language'], description: 'other language need', value: is('language', 'other') },
  'missed-appointments': {
    reads: ['missed-appointments'],
    description: 'missed appointments or no response',
    value: is('missed-appointments', 'yes'),
  },
  'no-digital': {
    reads: ['digital-access'],
    description: 'no Digital Post or no phone',
    value: is('digital-access', 'no'),
  },
  'request-date': {
    reads: ['request-date'],
    description: 'a request date is given',
    value: (_answers, details) => typeof details.requestDate === 'string',
  },
  'outpatient-insufficient': {
    reads: ['outpatient-insufficient'],
    description: 'outpatient substance treatment is not enough',
    value: (_answers, details) => details.outpatientInsufficient === true,
  },
  'housing-at-risk': {
    reads: ['housing'],
    description: 'still has a home but is at risk of losing it',
    value: is('housing', 'at-risk'),
  },
  'referral-sent-date': {
    reads: ['referral-sent-date'],
    description: 'the date the referral to the region was sent is given',
    value: (_answers, details) => typeof details.referralSentDate === 'string',
  },
};

function and(a: Tri, b: Tri): Tri {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}

/** Three-valued evaluation: undefined while an answer it depends on is missing. */
export function evaluate(condition: Condition, answers: Answers, details: Details = {}): Tri {
  if (typeof condition === 'string') return facts[condition].value(answers, details);
  if ('not' in condition) {
    const inner = evaluate(condition.not, answers, details);
    return inner === undefined ? undefined : !inner;
  }
  const isAll = 'all' in condition;
  let unknown = false;
  for (const part of isAll ? condition.all : condition.any) {
    const value = evaluate(part, answers, details);
    if (value === undefined) unknown = true;
    else if (value !== isAll) return value; // false decides `all`, true decides `any`
  }
  return unknown ? undefined : isAll;
}

/**
 * Two-valued evaluation for a finished (or partial) answer set: a question that was never asked
 * counts as "no" for every fact that reads it, so `{ not: 'admitted' }` holds when admission was
 * never asked.
 */
export function decide(condition: Condition, answers: Answers, details: Details = {}): boolean {
  return holds(condition, factValues(answers, details));
}

/**
 * Every fact decided once for an answer set (unasked = false), as one integer: bit i is
 * FACT_IDS[i] (at most 32 facts: a test checks). The plan reads only these; its caches key on them. Conditions are compiled once
 * into closures over this integer, because the every-path check evaluates them two million times.
 */
export type FactValues = number;

const FACT_INDEX = new Map<string, number>(FACT_IDS.map((id, i) => [id, i]));
type Compiled = (values: FactValues) => boolean;
const compiledFacts = new Map<string, Compiled>();
const compiledConditions = new WeakMap<object, Compiled>();

function compile(condition: Condition): Compiled {
  if (typeof condition === 'string') {
    let compiled = compiledFacts.get(condition);
    if (!compiled) {
      if (!FACT_INDEX.has(condition)) throw new Error(`unknown fact ${condition}`);
      const bit = 1 << FACT_INDEX.get(condition)!;
      compiled = (values) => (values & bit) !== 0;
      compiledFacts.set(condition, compiled);
    }
    return compiled;
  }
  let compiled = compiledConditions.get(condition);
  if (compiled) return compiled;
  if ('not' in condition) {
    const inner = compile(condition.not);
    compiled = (values) => !inner(values);
  } else if ('all' in condition) {
    const parts = condition.all.map(compile);
    compiled = (values) => {
      for (const part of parts) if (!part(values)) return false;
      return true;
    };
  } else {
    const parts = condition.any.map(compile);
    compiled = (values) => {
      for (const part of parts) if (part(values)) return true;
      return false;
    };
  }
  compiledConditions.set(condition, compiled);
  return compiled;
}

/**
 * How factValues decides each fact, planned once from the fact definitions: a fact that reads one
 * question's options becomes a table (question → option → the bits it sets), so an answer set is
 * read once per question rather than once per fact; composite facts are compiled conditions over
 * the bits already set (FACT_IDS lists a composite after the facts it is built from); the few
 * others (dates given, trauma origin) keep their own function.
 */
const byQuestion = new Map<QuestionId, Map<string, number>>();
const otherFacts: Array<{ bit: number; value: FactDef['value'] }> = [];
const compositeFacts: Array<{ bit: number; holds: Compiled }> = [];
FACT_IDS.forEach((id, i) => {
  const fact = facts[id];
  const bit = 1 << i;
  const test = fact.value as Partial<Is>;
  if (fact.condition) compositeFacts.push({ bit, holds: compile(fact.condition) });
  else if (test.question && test.values) {
    let options = byQuestion.get(test.question);
    if (!options) byQuestion.set(test.question, (options = new Map()));
    for (const value of test.values) options.set(value, (options.get(value) ?? 0) | bit);
  } else otherFacts.push({ bit, value: fact.value });
});
const questionTables = [...byQuestion];

export function factValues(answers: Answers, details: Details = {}): FactValues {
  let values = 0;
  for (const [question, options] of questionTables) {
    const answer = answers[question];
    if (answer === undefined) continue;
    if (typeof answer === 'string') values |= options.get(answer) ?? 0;
    else for (const value of answer) values |= options.get(value) ?? 0;
  }
  for (const fact of otherFacts) if (fact.value(answers, details) === true) values |= fact.bit;
  for (const fact of compositeFacts) if (fact.holds(values)) values |= fact.bit;
  return values >>> 0;
}

/**
 * A bit mask of the facts these conditions can depend on (composite facts with their parts):
 * the plan caches key on exactly these bits, so a change to the rules data keeps them right.
 */
export function factMask(conditions: Condition[]): number {
  const seen = new Set<FactId>();
  const add = (condition: Condition) => {
    for (const id of factsOf(condition)) {
      if (seen.has(id)) continue;
      seen.add(id);
      const composite = facts[id].condition;
      if (composite) add(composite);
    }
  };
  conditions.forEach(add);
  let mask = 0;
  FACT_IDS.forEach((id, i) => {
    if (seen.has(id)) mask |= 1 << i;
  });
  return mask >>> 0;
}

/** `decide` on precomputed facts: the same answer, without re-reading the answers. */
export function holds(condition: Condition, values: FactValues): boolean {
  return compile(condition)(values);
}

/** Every fact a condition mentions, to say which answers made a rule apply. */
export function factsOf(condition: Condition): FactId[] {
  if (typeof condition === 'string') return [condition];
  if ('not' in condition) return factsOf(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(factsOf);
}

/**
 * The questions (and details) whose answers make a condition hold: for `any`, only the branches
 * that hold; for `all` and `not`, everything they read. This is the trace's "why".
 */
export function explain(
  condition: Condition,
  values: FactValues,
): Array<QuestionId | DetailId> {
  if (typeof condition === 'string') {
    const fact = facts[condition];
    return fact.condition ? explain(fact.condition, values) : fact.reads;
  }
  if ('not' in condition) return readsOf(condition);
  const parts = 'all' in condition ? condition.all : condition.any.filter((c) => holds(c, values));
  return [...new Set(parts.flatMap((c) => explain(c, values)))];
}

/** The questions and details a condition reads, through its facts. */
export function readsOf(condition: Condition): Array<QuestionId | DetailId> {
  return [...new Set(factsOf(condition).flatMap((f) => facts[f].reads))];
}
