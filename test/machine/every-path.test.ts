/**
 * Every answer path through the guide (not a sample), every invariant on each; and the real
 * statechart driven through every combination of the answers that steer its route.
 */
import { expect } from '@open-wc/testing';
import { computePlan, type ReferralPlan } from '../../machines/index.ts';
import { checkEveryPath, checkMachineConformance, routingQuestions } from './every-path.ts';
import { invariants } from './invariants.ts';
import { NOTHING } from './drive.ts';

describe('every path', function () {
  this.timeout(180_000);

  it('ends every answer path in a plan that keeps every invariant', () => {
    const result = checkEveryPath();
    console.log(`every path: ${result.paths} paths, ${result.invariants} invariants each, ${result.distinctPlans} distinct plans, ${Math.round(result.ms)} ms`);
    expect(result.failures, JSON.stringify(result.failures.slice(0, 2))).to.deep.equal([]);
    expect(result.paths).to.be.greaterThan(1_000_000);
  });

  it('the statechart asks exactly the enumerated questions and ends in the same plan, with no dead end', () => {
    expect(routingQuestions()).to.deep.equal(['acute', 'age', 'substances', 'mental-health', 'trauma']);
    const result = checkMachineConformance();
    console.log(`conformance: ${result.runs} runs, ${result.events} events, ${Math.round(result.ms)} ms`);
    expect(result.failures, JSON.stringify(result.failures.slice(0, 2))).to.deep.equal([]);
    expect(result.runs).to.be.greaterThan(500);
  });
});

describe('the invariant checks catch broken plans', () => {
  const dualAnswers = { ...NOTHING, substances: ['drugs'], 'mental-health': 'treatment-requiring', 'psychiatric-admission': 'no' } as const;
  delete (dualAnswers as Record<string, unknown>)['trauma-origin'];
  const good = () => computePlan(dualAnswers);
  const broken: Array<[string, (plan: ReferralPlan) => void, Record<string, unknown>?]> = [
    ['I1-plan', (p) => (p.flags = p.flags.filter((f) => f !== 'F-region-2027'))],
    ['I2-no-wait', (p) => (p.tracks.find((t) => t.service === 'regional-psychiatry')!.order = 1)],
    ['I2-no-wait', (p) => (p.tracks = p.tracks.filter((t) => t.service !== 'municipal-substance-treatment'))],
    ['I2-no-wait', (p) => (p.flags = p.flags.filter((f) => f !== 'F-norefusal'))],
    ['I3-trauma-region', (p) => p.tracks.push({ service: 'regional-trauma-treatment', authority: 'kommune', ruleIds: ['R9'], legalBasis: ['x'], order: 0 })],
    ['I4-acute-first', (p) => p.tracks.push({ service: 'emergency', authority: 'emergency', ruleIds: ['R12'], legalBasis: ['x'], order: 0 })],
    ['I5-under-18', (p) => p.tracks.push({ service: 'youth-services', authority: 'none', ruleIds: ['R14'], legalBasis: ['x'], order: 0 })],
    ['I6-grounded', (p) => (p.tracks[0].legalBasis = [])],
    ['I6-grounded', (p) => (p.tracks[0].ruleIds = ['R99'])],
    ['I7-warnings', (p) => p.flags.push('F-children')],
  ];
  for (const [id, breakIt] of broken) {
    it(`${id} fails on a plan broken by ${breakIt.toString().slice(6, 70)}`, () => {
      const plan = good();
      const invariant = invariants.find((i) => i.id === id)!;
      expect(invariant.check(dualAnswers, plan)).to.equal(null);
      breakIt(plan);
      expect(invariant.check(dualAnswers, plan)).to.be.a('string');
    });
  }
});
