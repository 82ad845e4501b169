/**
 * The bundled scenario library against the production statechart: every file validates with the
 * exported schema, and driving a real actor with its answers (as a caseworker would: answer what
 * the machine asks, continue after the acute warning) gives exactly the expected services and
 * flags. The drive here is written out on purpose, independent of the player's own code.
 */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import {
  askedPath,
  currentQuestion,
  isAcuteWarning,
  isComplete,
  planOf,
  QUESTION_IDS,
  referralMachine,
  scenarioSchema,
  type Scenario,
} from '../../machines/index.ts';
import { bundledScenarios } from '../../src/training/scenarios/index.ts';
import { trainingResources } from '../../src/training/i18n.ts';

function planByActor(scenario: Scenario) {
  const actor = createActor(referralMachine).start();
  if (scenario.details) actor.send({ type: 'details', ...scenario.details });
  const asked: string[] = [];
  for (let i = 0; i < 40; i++) {
    const snap = actor.getSnapshot();
    if (isAcuteWarning(snap)) {
      actor.send({ type: 'continue' });
      continue;
    }
    const q = currentQuestion(snap);
    if (q === null) break;
    const value = scenario.answers[q];
    expect(value, `${scenario.id}: the machine asks "${q}" but the scenario has no answer`).to.not.equal(undefined);
    asked.push(q);
    actor.send({ type: 'answer', questionId: q, value: value! });
    expect(actor.getSnapshot(), `${scenario.id}: the machine refused the answer to "${q}"`).to.not.equal(snap);
  }
  const snap = actor.getSnapshot();
  expect(isComplete(snap), `${scenario.id} reaches the plan`).to.equal(true);
  const plan = planOf(snap)!;
  actor.stop();
  return { plan, asked };
}

const sorted = (list: readonly string[]) => [...list].sort();

describe('training: bundled scenarios', () => {
  it('has at least 12 scenarios with unique ids, each in Danish and English', () => {
    expect(bundledScenarios.length).to.be.at.least(12);
    expect(new Set(bundledScenarios.map((s) => s.id)).size).to.equal(bundledScenarios.length);
  });

  for (const scenario of bundledScenarios) {
    describe(scenario.id, () => {
      it('validates with the exported scenarioSchema', () => {
        const result = scenarioSchema.safeParse(scenario);
        expect(result.success, JSON.stringify(result.error?.issues)).to.equal(true);
      });

      it('gives exactly the expected services and flags on the real machine', () => {
        const { plan } = planByActor(scenario);
        expect(scenario.expected, 'the scenario states its expected plan').to.be.an('object');
        expect(sorted(plan.tracks.map((t) => t.service)), 'services').to.deep.equal(sorted(scenario.expected!.services));
        expect(sorted(plan.flags), 'flags').to.deep.equal(sorted(scenario.expected!.flags));
      });

      it('answers only questions the machine asks, and has notes only on them', () => {
        const { asked } = planByActor(scenario);
        expect(sorted(Object.keys(scenario.answers))).to.deep.equal(sorted(askedPath(scenario.answers)));
        expect(sorted(asked)).to.deep.equal(sorted(Object.keys(scenario.answers)));
        for (const id of Object.keys(scenario.notes ?? {})) expect(asked, `note on "${id}"`).to.include(id);
      });

      it('has a facilitator note for every answer that triggers a rule or warning', () => {
        const { plan } = planByActor(scenario);
        for (const entry of plan.trace) {
          if (entry.ruleIds.length === 0 || !(QUESTION_IDS as readonly string[]).includes(entry.questionId)) continue;
          const note = scenario.notes?.[entry.questionId as keyof NonNullable<Scenario['notes']>];
          expect(note, `${entry.questionId} triggers ${entry.ruleIds.join(', ')}`).to.be.an('object');
          expect(note!.da.length).to.be.greaterThan(20);
          expect(note!.en.length).to.be.greaterThan(20);
        }
      });

      it('marks every Greenlandic text for interpreter review, and only those', () => {
        const kl: string[] = [];
        if (scenario.title.kl) kl.push('title.kl');
        if (scenario.story.kl) kl.push('story.kl');
        for (const [id, note] of Object.entries(scenario.notes ?? {})) if (note?.kl) kl.push(`notes.${id}.kl`);
        expect(sorted(Object.keys(scenario.needsReview ?? {}))).to.deep.equal(sorted(kl));
      });
    });
  }

  it('has a discussion prompt in every language for every question (used where a case has no note)', () => {
    for (const [lang, data] of Object.entries(trainingResources)) {
      for (const id of QUESTION_IDS) {
        const prompt = (data.prompt as Record<string, string>)[id];
        expect(prompt, `${lang}: prompt.${id}`).to.be.a('string');
        expect(prompt.length).to.be.greaterThan(20);
      }
    }
  });
});
