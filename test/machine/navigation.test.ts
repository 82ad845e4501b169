/** Back, Change (edit), pruning, restart, continue, details, the dual-diagnosis handoff and resume. */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import {
  answersOf,
  currentQuestion,
  detailsOf,
  droppedOf,
  handoffOf,
  isAcuteWarning,
  isComplete,
  planOf,
  emergencyPlanOf,
  progressOf,
  referralMachine,
  type Answers,
} from '../../machines/index.ts';
import { NOTHING, drive } from './drive.ts';

function start(input?: unknown) {
  const actor = createActor(referralMachine, input === undefined ? undefined : { input }).start();
  const q = () => currentQuestion(actor.getSnapshot());
  const answer = (value: unknown) => actor.send({ type: 'answer', questionId: q()!, value });
  return { actor, q, answer, snap: () => actor.getSnapshot() };
}

describe('question flow', () => {
  it('asks acute first, then age; trauma-origin only after trauma', () => {
    const withTrauma = drive({ trauma: 'suspected' }).asked;
    const without = drive({ trauma: 'none' }).asked;
    expect(withTrauma.slice(0, 2)).to.deep.equal(['acute', 'age']);
    expect(withTrauma).to.include('trauma-origin');
    expect(without).not.to.include('trauma-origin');
    expect(withTrauma.indexOf('trauma-origin')).to.equal(withTrauma.indexOf('trauma') + 1);
  });

  it('asks admission only for a treatment-requiring illness or trauma, refusal only when there is a need', () => {
    expect(drive({ 'mental-health': 'mild' }).asked).not.to.include('psychiatric-admission');
    expect(drive({ 'mental-health': 'treatment-requiring' }).asked).to.include('psychiatric-admission');
    expect(drive({}).asked).not.to.include('refusal');
    expect(drive({ substances: ['alcohol'] }).asked).to.include('refusal');
  });

  it('ends right after the age question for a child', () => {
    expect(drive({ age: 'under-18' }).asked).to.deep.equal(['acute', 'age']);
  });

  it('progress adapts to the path: "question 3 of about N" grows when a need opens questions', () => {
    const { answer, snap } = start();
    answer('no');
    answer('adult');
    const before = progressOf(snap())!;
    expect(before.index).to.equal(3);
    answer(['drugs']);
    answer('treatment-requiring');
    const after = progressOf(snap())!;
    expect(after.index).to.equal(5);
    expect(after.total).to.be.greaterThan(before.total - 1);
    expect(after.total).to.be.at.most(14);
  });
});

describe('acute warning', () => {
  it('waits for continue, with the emergency plan available, and then goes on', () => {
    const { actor, answer, snap, q } = start();
    answer('yes');
    expect(isAcuteWarning(snap())).to.equal(true);
    expect(q()).to.equal(null);
    expect(planOf(snap()), 'planOf is null until complete, also at the warning').to.equal(null);
    expect(emergencyPlanOf(snap())!.tracks.map((t) => t.service)).to.deep.equal(['emergency']);
    expect(emergencyPlanOf(snap())!.flags).to.include('F-acute');
    actor.send({ type: 'answer', questionId: 'age', value: 'adult' });
    expect(isAcuteWarning(snap()), 'an answer does not skip the warning').to.equal(true);
    actor.send({ type: 'continue' });
    expect(q()).to.equal('age');
  });

  it('Back from the first question after the warning returns to the warning, then to acute', () => {
    const { actor, answer, snap, q } = start();
    answer('yes');
    actor.send({ type: 'continue' });
    actor.send({ type: 'back' });
    expect(isAcuteWarning(snap())).to.equal(true);
    actor.send({ type: 'back' });
    expect(q()).to.equal('acute');
    expect(answersOf(snap()).acute).to.equal('yes');
  });
});

describe('Back, Change and pruning', () => {
  it('Back returns to the previous question with its answer kept; Back on the first question does nothing', () => {
    const { actor, answer, snap, q } = start();
    actor.send({ type: 'back' });
    expect(q()).to.equal('acute');
    answer('no');
    answer('adult');
    answer(['alcohol']);
    actor.send({ type: 'back' });
    expect(q()).to.equal('substances');
    expect(answersOf(snap()).substances).to.deep.equal(['alcohol']);
    actor.send({ type: 'back' });
    expect(q()).to.equal('age');
    answer('adult');
    expect(q(), 'answering again goes forward to the kept answer').to.equal('substances');
    expect(answersOf(snap()).substances).to.deep.equal(['alcohol']);
  });

  it('Back from the plan goes to the last question asked', () => {
    const { actor } = drive({ substances: ['drugs'] });
    actor.send({ type: 'back' });
    expect(currentQuestion(actor.getSnapshot())).to.equal('digital-access');
  });

  it('changing an earlier answer prunes the answers that no longer apply and says which', () => {
    const { actor } = drive({ trauma: 'diagnosed', 'trauma-origin': 'abroad-war-torture', substances: ['drugs'] });
    actor.send({ type: 'edit', questionId: 'trauma' });
    expect(currentQuestion(actor.getSnapshot())).to.equal('trauma');
    actor.send({ type: 'answer', questionId: 'trauma', value: 'none' });
    const snapshot = actor.getSnapshot();
    expect(droppedOf(snapshot)).to.deep.equal([
      { questionId: 'trauma-origin', value: 'abroad-war-torture' },
      { questionId: 'psychiatric-admission', value: 'no' },
    ]);
    expect(answersOf(snapshot)).not.to.have.property('trauma-origin');
    expect(isComplete(snapshot), 'a change from the review returns to the plan when nothing is open').to.equal(true);
    expect(planOf(snapshot)!.tracks.map((t) => t.service)).to.deep.equal(['municipal-substance-treatment']);
  });

  it('a change that opens a new question asks it, then returns to the plan', () => {
    const { actor } = drive({});
    actor.send({ type: 'edit', questionId: 'mental-health' });
    actor.send({ type: 'answer', questionId: 'mental-health', value: 'treatment-requiring' });
    expect(currentQuestion(actor.getSnapshot())).to.equal('psychiatric-admission');
    actor.send({ type: 'answer', questionId: 'psychiatric-admission', value: 'no' });
    expect(currentQuestion(actor.getSnapshot())).to.equal('refusal');
    actor.send({ type: 'answer', questionId: 'refusal', value: ['none'] });
    actor.send({ type: 'answer', questionId: 'current-contacts', value: ['gp'] });
    expect(isComplete(actor.getSnapshot())).to.equal(true);
    expect(planOf(actor.getSnapshot())!.tracks.map((t) => t.service)).to.deep.equal(['regional-psychiatry']);
  });

  it('Back from a question opened by Change returns to the plan unchanged', () => {
    const { actor, plan } = drive({ substances: ['alcohol'] });
    actor.send({ type: 'edit', questionId: 'housing' });
    actor.send({ type: 'back' });
    expect(isComplete(actor.getSnapshot())).to.equal(true);
    expect(planOf(actor.getSnapshot())).to.deep.equal(plan);
  });

  it('Change to age under 18 drops every later answer', () => {
    const { actor } = drive({ substances: ['alcohol'] });
    actor.send({ type: 'edit', questionId: 'age' });
    actor.send({ type: 'answer', questionId: 'age', value: 'under-18' });
    const dropped = droppedOf(actor.getSnapshot()).map((d) => d.questionId);
    expect(dropped).to.include.members(['substances', 'mental-health', 'trauma', 'housing', 'digital-access']);
    expect(planOf(actor.getSnapshot())!.tracks.map((t) => t.service)).to.deep.equal(['youth-services']);
  });

  it('Change is refused for an unanswered or no longer relevant question', () => {
    const { actor, plan } = drive({});
    actor.send({ type: 'edit', questionId: 'trauma-origin' });
    actor.send({ type: 'edit', questionId: 'nonsense' });
    expect(isComplete(actor.getSnapshot())).to.equal(true);
    expect(planOf(actor.getSnapshot())).to.deep.equal(plan);
  });

  it('restart clears everything', () => {
    const { actor } = drive({ substances: ['drugs'] }, { requestDate: '2026-11-01' });
    actor.send({ type: 'restart' });
    const snapshot = actor.getSnapshot();
    expect(currentQuestion(snapshot)).to.equal('acute');
    expect(answersOf(snapshot)).to.deep.equal({});
    expect(detailsOf(snapshot)).to.deep.equal({});
    expect(planOf(snapshot)).to.equal(null);
  });
});

describe('details, handoff and resume', () => {
  it('a request date can be given and cleared at any time', () => {
    const { actor } = drive({ substances: ['alcohol'] });
    actor.send({ type: 'details', requestDate: '2026-11-02' });
    expect(planOf(actor.getSnapshot())!.flags).to.include('F-deadlines');
    actor.send({ type: 'details', requestDate: null });
    expect(planOf(actor.getSnapshot())!.flags).not.to.include('F-deadlines');
    actor.send({ type: 'details', requestDate: '2026-02-30' });
    expect(detailsOf(actor.getSnapshot())).to.deep.equal({});
  });

  it('a dual diagnosis runs both tracks in a parallel region until the region takes over', () => {
    const { actor } = drive({ substances: ['drugs'], 'mental-health': 'treatment-requiring' });
    expect(handoffOf(actor.getSnapshot())).to.deep.equal({ regional: 'referred', municipal: 'bridging' });
    actor.send({ type: 'region-took-over' });
    expect(handoffOf(actor.getSnapshot())).to.deep.equal({ regional: 'taken-over', municipal: 'social-role' });
    expect(handoffOf(drive({ substances: ['drugs'] }).actor.getSnapshot())).to.equal(null);
  });

  it('resumes from input at the first open question, dropping invalid entries', () => {
    const input = { answers: { acute: 'no', age: 'adult', substances: 'alcohol', 'mental-health': 'weird', bogus: 'x' } };
    const { q, snap } = start(input);
    expect(q()).to.equal('mental-health');
    expect(answersOf(snap())).to.deep.equal({ acute: 'no', age: 'adult', substances: ['alcohol'] });
  });

  it('resumes a complete answer set straight to the plan, equal to driving it', () => {
    const { plan } = drive({ substances: ['drugs'] });
    const answers: Answers = { ...NOTHING, substances: ['drugs'] };
    delete answers['trauma-origin'];
    delete answers['psychiatric-admission'];
    const { snap } = start({ answers });
    expect(isComplete(snap())).to.equal(true);
    expect(planOf(snap())).to.deep.equal(plan);
  });
});
