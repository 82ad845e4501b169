/**
 * The scenario player on the real statechart: one phase at a time, the actor where the invariant
 * says it is (waiting at a hidden question; past a revealed one), Back as the exact reverse of
 * Next, the acute warning, and what-if changes through the machine's `edit` events.
 */
import { expect } from '@open-wc/testing';
import {
  answersOf,
  askedPath,
  currentQuestion,
  isAcuteWarning,
  isComplete,
  planOf,
  scenarioSchema,
  type Scenario,
} from '../../machines/index.ts';
import { ScenarioPlayer, driveScenario, type PlayerStep } from '../../src/training/player.ts';
import { diffPlans } from '../../src/training/plan-compare.ts';
import { bundledScenarios } from '../../src/training/scenarios/index.ts';

const byId = (id: string) => bundledScenarios.find((s) => s.id === id)!;
const key = (s: PlayerStep) => (s.kind === 'question' ? `${s.questionId}:${s.revealed ? 'revealed' : 'hidden'}` : s.kind);

/** Checks the invariant between what the room sees and where the machine is. */
function expectInvariant(p: ScenarioPlayer) {
  const snap = p.snapshot;
  const step = p.step;
  if (step.kind === 'question' && !step.revealed) expect(currentQuestion(snap), key(step)).to.equal(step.questionId);
  if (step.kind === 'question' && step.revealed) {
    expect(answersOf(snap)[step.questionId], key(step)).to.deep.equal(p.answerFor(step.questionId));
    expect(currentQuestion(snap), `${key(step)}: the machine has moved on`).to.not.equal(step.questionId);
  }
  if (step.kind === 'acute') expect(isAcuteWarning(snap)).to.equal(true);
  if (step.kind === 'plan') expect(isComplete(snap)).to.equal(true);
}

function walkForward(p: ScenarioPlayer): string[] {
  const seen = [key(p.step)];
  for (let i = 0; i < 80 && p.step.kind !== 'plan'; i++) {
    expect(p.next(), `next from ${key(p.step)}`).to.equal(true);
    expectInvariant(p);
    seen.push(key(p.step));
  }
  return seen;
}

describe('training: scenario player', () => {
  for (const id of ['mother-alcohol-two-children', 'acute-suicidal-then-continue', 'seventeen-year-old', 'refugee-torture-cannabis-clinic-refused']) {
    it(`${id}: Next shows each question hidden, then revealed, in the machine's order; Back retraces exactly`, () => {
      const scenario = byId(id);
      const p = new ScenarioPlayer(scenario);
      const forward = walkForward(p);
      const path = askedPath(scenario.answers);
      const expected = ['story'];
      for (const q of path) {
        expected.push(`${q}:hidden`, `${q}:revealed`);
        if (q === 'acute' && scenario.answers.acute === 'yes') expected.push('acute');
      }
      expected.push('plan');
      expect(forward).to.deep.equal(expected);
      expect(p.next()).to.equal(false);

      const plan = p.currentPlan()!;
      expect(plan.tracks.map((t) => t.service).sort()).to.deep.equal([...scenario.expected!.services].sort());

      const backward = [key(p.step)];
      while (p.back()) {
        expectInvariant(p);
        backward.push(key(p.step));
      }
      expect(backward).to.deep.equal([...forward].reverse());
      expect(currentQuestion(p.snapshot)).to.equal('acute');
    });
  }

  it('R (reveal) only acts on a hidden question, and the triggered rules come from the machine’s trace', () => {
    const p = new ScenarioPlayer(byId('pregnant-drug-use'));
    expect(p.reveal()).to.equal(false); // the story
    p.next();
    p.next(); // acute revealed
    p.next(); // age hidden
    p.next(); // age revealed
    p.next(); // substances hidden
    expect(key(p.step)).to.equal('substances:hidden');
    expect(p.reveal()).to.equal(true);
    expect(p.reveal()).to.equal(false);
    expect(p.ruleIdsFor('substances')).to.include('R1');
    expect(p.baseline().plan!.trace.find((t) => t.questionId === 'substances')!.ruleIds).to.deep.equal(p.ruleIdsFor('substances'));
  });

  it('what if: a changed answer goes through the machine, the diff names the change, reset restores the case', () => {
    const p = new ScenarioPlayer(byId('greenlandic-shelter-ptsd'));
    p.toPlan();
    expect(p.step.kind).to.equal('plan');
    const before = p.currentPlan()!;
    expect(p.change('children', 'yes')).to.equal(true);
    expect(p.changes()).to.deep.equal([{ questionId: 'children', from: 'no', to: 'yes' }]);
    const after = p.currentPlan()!;
    expect(diffPlans(before, after)).to.deep.equal({ servicesAdded: [], servicesRemoved: [], flagsAdded: ['F-children'], flagsRemoved: [] });
    expect(p.change('children', 'yes'), 'the same answer again changes nothing').to.equal(false);
    expect(p.change('children', 'maybe'), 'not an option').to.equal(false);
    p.reset();
    expect(p.changes()).to.deep.equal([]);
    expect(p.currentPlan()).to.deep.equal(before);
  });

  it('what if: a change that opens a new question waits for it; other answers stay locked until then', () => {
    const p = new ScenarioPlayer(byId('mild-anxiety-alcohol-gp'));
    p.toPlan();
    expect(p.change('trauma', 'suspected')).to.equal(true);
    expect(p.pendingQuestion()).to.equal('trauma-origin');
    expect(p.currentPlan()).to.equal(null);
    expect(p.change('children', 'yes'), 'locked while a new question is open').to.equal(false);
    expect(p.change('trauma-origin', 'other')).to.equal(true);
    expect(p.pendingQuestion()).to.equal('psychiatric-admission');
    expect(p.change('psychiatric-admission', 'no')).to.equal(true);
    expect(p.pendingQuestion()).to.equal(null);
    const services = p.currentPlan()!.tracks.map((t) => t.service);
    expect(services).to.include('integrated-dual-diagnosis');
    expect(services).to.include('regional-trauma-treatment');
    expect(p.changes().map((c) => c.questionId)).to.deep.equal(['trauma', 'trauma-origin', 'psychiatric-admission']);
  });

  it('what if: an answer that makes a question irrelevant is pruned by the machine and reported', () => {
    const p = new ScenarioPlayer(byId('refugee-torture-cannabis-clinic-refused'));
    p.toPlan();
    expect(p.change('trauma', 'none')).to.equal(true);
    expect(p.dropped().map((d) => d.questionId)).to.include('trauma-origin');
    const change = p.changes().find((c) => c.questionId === 'trauma-origin')!;
    expect(change).to.deep.equal({ questionId: 'trauma-origin', from: 'abroad-war-torture', to: undefined });
  });

  it('Back from a changed plan returns to the case’s own answers', () => {
    const p = new ScenarioPlayer(byId('greenlandic-shelter-ptsd'));
    p.toPlan();
    p.change('housing', 'stable');
    expect(p.back()).to.equal(true);
    expect(p.changes()).to.deep.equal([]);
    expect(key(p.step)).to.equal('digital-access:revealed');
  });

  it('a scenario that leaves a question open lets the room answer it live', () => {
    const base = byId('nothing-to-refer');
    const { language: _omit, ...answers } = base.answers;
    const scenario = { ...base, answers, expected: undefined } as Scenario;
    const p = new ScenarioPlayer(scenario);
    for (let i = 0; i < 40 && key(p.step) !== 'language:hidden'; i++) p.next();
    expect(key(p.step)).to.equal('language:hidden');
    expect(p.canGoNext()).to.equal(false);
    expect(p.next()).to.equal(false);
    expect(p.answerLive('language', 'greenlandic')).to.equal(true);
    walkForward(p);
    expect(p.currentPlan()!.flags).to.include('F-greenlandic');
  });
});

describe('training: a scenario as of a date and in a region (setting)', () => {
  const acute = bundledScenarios.find((s) => s.id === 'acute-suicidal-then-continue')!;

  it('the same case on 2026-12-31 and 2027-01-01 in Copenhagen: Region Hovedstaden, then Region Østdanmark', () => {
    for (const [asOf, region] of [
      ['2026-12-31', 'hovedstaden'],
      ['2027-01-01', 'oestdanmark'],
    ] as const) {
      const scenario = scenarioSchema.parse({ ...acute, setting: { asOf, municipalityCode: '101' } });
      const plan = planOf(driveScenario(scenario).getSnapshot())!;
      expect(plan.asOf).to.equal(asOf);
      expect(plan.region).to.equal(region);
      expect(plan.tracks[0].emergency!.map((e) => e.phone)).to.deep.equal(['112', '1813']);
    }
  });

  it('refuses a setting with an unknown region', () => {
    expect(scenarioSchema.safeParse({ ...acute, setting: { region: 'atlantis' } }).success).to.equal(false);
  });
});
