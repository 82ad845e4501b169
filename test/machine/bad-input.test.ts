/** Bad input is ignored without throwing, and the state does not change (contract.md). */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import { currentQuestion, referralMachine } from '../../machines/index.ts';

function atSubstances() {
  const actor = createActor(referralMachine).start();
  actor.send({ type: 'answer', questionId: 'acute', value: 'no' });
  actor.send({ type: 'answer', questionId: 'age', value: 'adult' });
  return actor;
}

const badEvents: Array<[string, unknown]> = [
  ['an answer to another question', { type: 'answer', questionId: 'housing', value: 'stable' }],
  ['an unknown question', { type: 'answer', questionId: 'favourite-colour', value: 'blue' }],
  ['a value outside the options', { type: 'answer', questionId: 'substances', value: ['heroin'] }],
  ['"none" combined with a substance', { type: 'answer', questionId: 'substances', value: ['none', 'alcohol'] }],
  ['an empty multi-choice', { type: 'answer', questionId: 'substances', value: [] }],
  ['a number', { type: 'answer', questionId: 'substances', value: 42 }],
  ['null', { type: 'answer', questionId: 'substances', value: null }],
  ['an object', { type: 'answer', questionId: 'substances', value: { alcohol: true } }],
  ['a missing value', { type: 'answer', questionId: 'substances' }],
  ['a missing question id', { type: 'answer', value: ['alcohol'] }],
  ['a prototype key as question', { type: 'answer', questionId: '__proto__', value: 'x' }],
  ['a constructor key as question', { type: 'answer', questionId: 'constructor', value: 'x' }],
  ['an unknown event type', { type: 'explode' }],
  ['continue outside the acute warning', { type: 'continue' }],
  ['edit with no question', { type: 'edit' }],
  ['details with a bad date', { type: 'details', requestDate: 'yesterday' }],
  ['details with a wrong type', { type: 'details', outpatientInsufficient: 'yes' }],
  ['region-took-over before a plan', { type: 'region-took-over' }],
];

describe('bad input', () => {
  for (const [name, event] of badEvents) {
    it(`ignores ${name}`, () => {
      const actor = atSubstances();
      const before = actor.getSnapshot();
      expect(() => actor.send(event as never)).not.to.throw();
      const after = actor.getSnapshot();
      expect(currentQuestion(after)).to.equal('substances');
      expect(after.context).to.deep.equal(before.context);
      expect(after.value).to.deep.equal(before.value);
    });
  }

  it('accepts a lone string for a multi-choice question (harnesses that send "alcohol")', () => {
    const actor = atSubstances();
    actor.send({ type: 'answer', questionId: 'substances', value: 'alcohol' });
    expect(currentQuestion(actor.getSnapshot())).to.equal('mental-health');
    expect(actor.getSnapshot().context.answers.substances).to.deep.equal(['alcohol']);
  });

  it('keeps working after a burst of garbage', () => {
    const actor = atSubstances();
    for (const [, event] of badEvents) actor.send(event as never);
    actor.send({ type: 'answer', questionId: 'substances', value: ['drugs'] });
    expect(currentQuestion(actor.getSnapshot())).to.equal('mental-health');
  });
});

describe('request dates', () => {
  it('the machine accepts exactly the dates the exported schema accepts', async () => {
    const { isDate } = await import('../../machines/referral.machine.ts');
    const { isoDateSchema } = await import('../../machines/schemas.ts');
    const samples = ['2026-11-02', '2024-02-29', '2023-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-2', '02-11-2026', '2026-11-02T00:00', '', 'yesterday', '0000-01-01', '9999-12-31', '2100-02-29', '2000-02-29'];
    for (const sample of samples) expect(isDate(sample), sample).to.equal(isoDateSchema.safeParse(sample).success);
    expect(isDate(20261102)).to.equal(false);
  });
});
