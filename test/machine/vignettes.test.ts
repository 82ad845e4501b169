/**
 * Case vignettes written from ../shared/spec/referral-rules.md alone (an independent reading of the
 * rules, not of the machine). Each vignette is driven through the machine as a caseworker would:
 * answer whatever question the machine asks from the vignette's answers, go on after the acute
 * warning when the vignette says so, then check the plan against what the spec determines.
 *
 * Besides each vignette's own expectations, every plan is checked against invariants the spec
 * states for all plans (F-region-2027 always; trauma never with the kommune; no treatment waits
 * for another).
 */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import { referralMachine, currentQuestion, emergencyPlanOf, isAcuteWarning, planOf, referralPlanSchema } from '../../machines/index.ts';
import type { ReferralPlan, QuestionId } from '../../machines/types.ts';
import vignetteData from '../fixtures/vignettes.json';

type Authority = 'kommune' | 'region' | 'both' | 'emergency' | 'none';

interface Vignette {
  id: string;
  story: string;
  answers: Partial<Record<QuestionId, string | string[]>>;
  details?: { requestDate?: string; outpatientInsufficient?: boolean; referralSentDate?: string };
  /** The date and place the plan is for (the machine's `context` event). */
  setting?: { asOf?: string; region?: string; municipalityCode?: string; municipalityName?: string };
  acuteContinue?: boolean;
  expect: {
    servicesInclude?: string[];
    servicesExclude?: string[];
    servicesExactly?: string[];
    flagsInclude?: string[];
    flagsExclude?: string[];
    authority?: Record<string, Authority>;
    ruleIdsInclude?: Record<string, string[]>;
    deadlineDays?: Record<string, number>;
    firstService?: string;
    sameOrder?: Array<[string, string]>;
    before?: Array<[string, string]>;
    noTracks?: boolean;
    /** Per service: the clock's start event and, when given, its due date / overdue; null = no clock. */
    clock?: Record<string, { startsAt: string; due?: string | null; overdue?: boolean } | null>;
    /** Per service: 'at-discharge', or null for "starts now". */
    starts?: Record<string, string | null>;
    /** Per service: the text variant, or null for none. */
    variant?: Record<string, string | null>;
    /** The plan's region (null: unknown). */
    region?: string | null;
    /** The phone numbers of the emergency step, in order. */
    emergencyPhones?: string[];
    /** Legal bases a service's track must carry / must not carry. */
    legalBasisInclude?: Record<string, string[]>;
    legalBasisExclude?: Record<string, string[]>;
  };
}

const vignettes = vignetteData as unknown as Vignette[];

/** Services that must never wait for each other (spec §1 invariant; R7 "in parallel"). */
const PARALLEL = ['municipal-substance-treatment', 'integrated-dual-diagnosis', 'regional-psychiatry'];
const TRAUMA_SERVICES = ['regional-trauma-treatment', 'refugee-trauma-clinic'];
const MAX_STEPS = 40;

function summary(plan: ReferralPlan | null): string {
  if (!plan) return 'plan: null';
  const tracks = plan.tracks
    .map((t) => `${t.service}[${t.authority}; ${t.ruleIds.join(',')}; order ${t.order}${t.deadlineDays !== undefined ? `; ${t.deadlineDays}d` : ''}]`)
    .join(' ');
  return `tracks: ${tracks || '(none)'} | flags: ${plan.flags.join(', ')}`;
}

/**
 * Drive the machine through one vignette; returns the plan and the questions asked.
 * `detailsAt: 'end'` adds the details on the result page instead of before the first question
 * (the API allows the details event in any state; the plan must come out the same).
 */
function run(v: Vignette, detailsAt: 'start' | 'end' = 'start'): { plan: ReferralPlan | null; asked: string[] } {
  // An empty input: a fresh interview (machine-api.md: input is optional, but the machine's
  // TypeScript type currently requires the options argument).
  const actor = createActor(referralMachine, { input: {} });
  actor.start();
  if (v.setting) actor.send({ type: 'context', ...v.setting });
  if (v.details && detailsAt === 'start') actor.send({ type: 'details', ...v.details });
  const asked: string[] = [];
  let continued = false;
  try {
    for (let step = 0; step < MAX_STEPS; step++) {
      const snapshot = actor.getSnapshot();
      const question = currentQuestion(snapshot);
      if (question !== null) {
        if (!(question in v.answers)) {
          throw new Error(`${v.id}: the machine asks "${question}" but the vignette has no answer for it (asked so far: ${asked.join(' → ')})`);
        }
        asked.push(question);
        actor.send({ type: 'answer', questionId: question, value: v.answers[question] } as never);
        const next = currentQuestion(actor.getSnapshot());
        if (next === question) {
          throw new Error(`${v.id}: the state did not move after answering "${question}" with ${JSON.stringify(v.answers[question])}`);
        }
        continue;
      }
      if (v.acuteContinue && !continued) {
        continued = true;
        actor.send({ type: 'continue' });
        continue;
      }
      if (v.details && detailsAt === 'end') actor.send({ type: 'details', ...v.details });
      const end = actor.getSnapshot();
      if (isAcuteWarning(end)) {
        // Stopped at the warning: planOf is null there (contract.md, additions of 2026-11-29);
        // the emergency step comes from emergencyPlanOf.
        expect(planOf(end), `${v.id}: planOf at the acute warning`).to.equal(null);
        return { plan: emergencyPlanOf(end), asked };
      }
      return { plan: planOf(end), asked };
    }
    throw new Error(`${v.id}: no end after ${MAX_STEPS} steps (asked: ${asked.join(' → ')})`);
  } finally {
    actor.stop();
  }
}

function orderOf(plan: ReferralPlan, service: string): number[] {
  return plan.tracks.filter((t) => t.service === service).map((t) => t.order);
}

function check(v: Vignette, plan: ReferralPlan | null, asked: string[]): void {
  const where = `${v.id} (asked: ${asked.join(' → ')})`;
  expect(plan, `${where}: planOf returned null at the end`).to.not.equal(null);
  const p = plan as ReferralPlan;
  const info = `${where}\n  ${summary(p)}`;

  const parsed = referralPlanSchema.safeParse(p);
  expect(parsed.success, `${info}\n  plan fails referralPlanSchema: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).to.equal(true);

  const services = p.tracks.map((t) => t.service as string);
  const flags = p.flags as string[];
  const e = v.expect;

  // ---- invariants of every plan (spec §1–§3)
  expect(flags, `${info}\n  F-region-2027 is "always" (spec §3)`).to.include('F-region-2027');
  expect(p.rulesValidAsOf, `${info}\n  rulesValidAsOf must be an ISO date`).to.match(/^\d{4}-\d{2}-\d{2}/);
  for (const t of p.tracks) {
    if (TRAUMA_SERVICES.includes(t.service)) {
      expect(t.authority, `${info}\n  "No plan may place trauma treatment with the kommune" (${t.service})`).to.not.equal('kommune');
    }
  }
  // (A psychiatric admission is left out: R8 hands over at discharge, and how a plan orders that is open.)
  const parallel = p.tracks.filter((t) => PARALLEL.includes(t.service));
  if (parallel.length > 1 && !services.includes('psychiatric-inpatient')) {
    const orders = new Set(parallel.map((t) => t.order));
    expect(orders.size, `${info}\n  substance treatment and psychiatric/integrated treatment must run in parallel, not wait for each other (spec §1 invariant, R7)`).to.equal(1);
  }

  // Contract: the trace says why each answer mattered, so every answer given appears in it.
  const traced = new Map(p.trace.map((t) => [t.questionId as string, t.value]));
  for (const q of asked) {
    expect(traced.has(q), `${info}\n  the answer to "${q}" is missing from the trace`).to.equal(true);
    expect(traced.get(q), `${info}\n  trace value of "${q}"`).to.deep.equal(v.answers[q as QuestionId]);
  }

  // ---- the vignette's own expectations
  for (const s of e.servicesInclude ?? []) expect(services, `${info}\n  expected service ${s}`).to.include(s);
  for (const s of e.servicesExclude ?? []) expect(services, `${info}\n  service ${s} must not be in the plan`).to.not.include(s);
  if (e.servicesExactly) {
    expect([...new Set(services)].sort(), `${info}\n  expected exactly these services`).to.deep.equal([...e.servicesExactly].sort());
  }
  if (e.noTracks) expect(p.tracks, `${info}\n  nothing calls for a referral: no track may be invented`).to.have.length(0);
  for (const f of e.flagsInclude ?? []) expect(flags, `${info}\n  expected flag ${f}`).to.include(f);
  for (const f of e.flagsExclude ?? []) expect(flags, `${info}\n  flag ${f} must not be raised`).to.not.include(f);

  for (const [service, authority] of Object.entries(e.authority ?? {})) {
    const tracks = p.tracks.filter((t) => t.service === service);
    expect(tracks, `${info}\n  authority check needs a ${service} track`).to.not.have.length(0);
    for (const t of tracks) expect(t.authority, `${info}\n  authority of ${service}`).to.equal(authority);
  }
  for (const [service, ids] of Object.entries(e.ruleIdsInclude ?? {})) {
    const all = p.tracks.filter((t) => t.service === service).flatMap((t) => t.ruleIds);
    for (const id of ids) expect(all, `${info}\n  ${service} should carry rule ${id}`).to.include(id);
  }
  for (const [service, days] of Object.entries(e.deadlineDays ?? {})) {
    const tracks = p.tracks.filter((t) => t.service === service);
    expect(tracks, `${info}\n  deadline check needs a ${service} track`).to.not.have.length(0);
    for (const t of tracks) expect(t.deadlineDays, `${info}\n  deadline of ${service}`).to.equal(days);
  }
  for (const [service, want] of Object.entries(e.clock ?? {})) {
    const t = p.tracks.find((x) => x.service === service);
    expect(t, `${info}\n  clock check needs a ${service} track`).to.exist;
    if (want === null) {
      expect(t!.clock, `${info}\n  ${service} must have no clock`).to.equal(undefined);
      continue;
    }
    expect(t!.clock?.startsAt, `${info}\n  ${service} clock start event`).to.equal(want.startsAt);
    if (want.due !== undefined) expect(t!.clock?.due ?? null, `${info}\n  ${service} due date`).to.equal(want.due);
    if (want.overdue !== undefined) expect(t!.clock?.overdue, `${info}\n  ${service} overdue`).to.equal(want.overdue);
  }
  for (const [service, starts] of Object.entries(e.starts ?? {})) {
    const t = p.tracks.find((x) => x.service === service);
    expect(t, `${info}\n  starts check needs a ${service} track`).to.exist;
    expect(t!.starts ?? null, `${info}\n  when ${service} starts`).to.equal(starts);
  }
  for (const [service, variant] of Object.entries(e.variant ?? {})) {
    const t = p.tracks.find((x) => x.service === service);
    expect(t, `${info}\n  variant check needs a ${service} track`).to.exist;
    expect(t!.variant ?? null, `${info}\n  text variant of ${service}`).to.equal(variant);
  }
  if (e.region !== undefined) expect(p.region ?? null, `${info}\n  the plan's region`).to.equal(e.region);
  if (e.emergencyPhones) {
    const entries = p.tracks.find((t) => t.service === 'emergency')?.emergency ?? [];
    expect(entries.filter((x) => x.phone).map((x) => x.phone), `${info}\n  emergency numbers`).to.deep.equal(e.emergencyPhones);
  }
  for (const [service, bases] of Object.entries(e.legalBasisInclude ?? {})) {
    const all = p.tracks.filter((t) => t.service === service).flatMap((t) => t.legalBasis);
    for (const b of bases) expect(all, `${info}\n  ${service} legal basis`).to.include(b);
  }
  for (const [service, bases] of Object.entries(e.legalBasisExclude ?? {})) {
    const all = p.tracks.filter((t) => t.service === service).flatMap((t) => t.legalBasis);
    for (const b of bases) expect(all, `${info}\n  ${service} legal basis must not include`).to.not.include(b);
  }
  if (e.firstService) {
    const first = orderOf(p, e.firstService);
    expect(first, `${info}\n  ${e.firstService} must be in the plan`).to.not.have.length(0);
    const firstOrder = Math.min(...first);
    for (const t of p.tracks) {
      if (t.service === e.firstService) continue;
      expect(t.order, `${info}\n  ${e.firstService} must come before ${t.service}`).to.be.greaterThan(firstOrder);
    }
  }
  for (const [a, b] of e.sameOrder ?? []) {
    const oa = orderOf(p, a);
    const ob = orderOf(p, b);
    expect(oa.length > 0 && ob.length > 0, `${info}\n  ${a} and ${b} must both be in the plan`).to.equal(true);
    expect(Math.min(...oa), `${info}\n  ${a} and ${b} run at the same time (no waiting)`).to.equal(Math.min(...ob));
  }
  for (const [a, b] of e.before ?? []) {
    const oa = orderOf(p, a);
    const ob = orderOf(p, b);
    expect(oa.length > 0 && ob.length > 0, `${info}\n  ${a} and ${b} must both be in the plan`).to.equal(true);
    expect(Math.min(...oa), `${info}\n  ${a} must come before ${b}`).to.be.lessThan(Math.min(...ob));
  }
}

describe('vignettes (independent reading of referral-rules.md)', () => {
  it('has at least 45 vignettes with unique ids', () => {
    expect(vignettes.length).to.be.at.least(45);
    expect(new Set(vignettes.map((v) => v.id)).size).to.equal(vignettes.length);
  });

  for (const v of vignettes) {
    it(`${v.id}: ${v.story}`, () => {
      const { plan, asked } = run(v);
      check(v, plan, asked);
      if (v.details) {
        const late = run(v, 'end');
        const shape = (pl: ReferralPlan | null) =>
          pl && { tracks: pl.tracks.map((t) => [t.service, t.authority, t.deadlineDays, t.order]), flags: [...pl.flags].sort() };
        expect(shape(late.plan), `${v.id}: details given on the result page must give the same plan\n  early: ${summary(plan)}\n  late:  ${summary(late.plan)}`)
          .to.deep.equal(shape(plan));
      }
    });
  }
});
