/**
 * Fuzzing the statechart: at least 10,000 seeded random event sequences (valid and invalid
 * answers, Back, Change, Restart, Continue, details, language switches, reloads), every invariant
 * checked after every step (machine-fuzz.ts). A failure names the sequence's seed and how to
 * replay it; the run prints its master seed, count and time.
 */
import { expect } from '@open-wc/testing';
import { createActor } from 'xstate';
import { currentQuestion, isComplete, referralMachine } from '../../machines/index.ts';
import { NOTHING } from '../machine/drive.ts';
import { fuzzEnv } from './env.ts';
import { hex, sequenceSeed } from './prng.ts';
import { FuzzFailure, runSequence } from './machine-fuzz.ts';

describe('statechart fuzz', function () {
  this.timeout(5 * 60 * 1000);

  it('keeps every invariant over thousands of random event sequences', async () => {
    const env = await fuzzEnv();
    const started = performance.now();
    let steps = 0;
    let completed = 0;
    let answered = 0;
    for (let i = 0; i < env.runs; i++) {
      const seed = sequenceSeed(env.seed, i);
      try {
        const result = runSequence(seed);
        steps += result.steps;
        answered += result.answered;
        if (result.completed) completed++;
      } catch (error) {
        if (error instanceof FuzzFailure) {
          console.error(`${error.message}\n(master seed ${hex(env.seed)}, sequence ${i} of ${env.runs})`);
        }
        throw error;
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `statechart fuzz: ${env.runs} sequences, ${steps} steps (${answered} accepted answers), ` +
        `${completed} reached a plan, ${seconds} s, master seed ${hex(env.seed)}` +
        `${env.fixedSeed ? ' (FUZZ_SEED)' : ''}; replay with FUZZ_SEED=${hex(env.seed)} FUZZ_RUNS=${env.runs}`,
    );
    // A fuzz that never reaches a plan would check the plan invariants vacuously.
    if (env.runs >= 1000) expect(completed / env.runs, 'share of sequences that reached a plan').to.be.greaterThan(0.2);
  });

  it('replays: the same seed gives the same sequence and result', () => {
    const seed = 0xc0ffee;
    expect(runSequence(seed)).to.deep.equal(runSequence(seed));
  });
});

describe('regressions found by the fuzz', () => {
  it('a Change link cannot jump past an open question (the guide would complete without its answer)', () => {
    // Seed 0xc48dfdcc: from the review, mild mental illness opens "refusal" and "current-contacts";
    // a Change to a later question while "current-contacts" was open skipped it for good.
    const actor = createActor(referralMachine).start();
    for (const [questionId, value] of Object.entries(NOTHING)) {
      if (currentQuestion(actor.getSnapshot()) === questionId) actor.send({ type: 'answer', questionId, value });
    }
    expect(isComplete(actor.getSnapshot())).to.equal(true);
    actor.send({ type: 'edit', questionId: 'mental-health' });
    actor.send({ type: 'answer', questionId: 'mental-health', value: 'mild' });
    actor.send({ type: 'answer', questionId: 'refusal', value: ['none'] });
    expect(currentQuestion(actor.getSnapshot())).to.equal('current-contacts');
    actor.send({ type: 'edit', questionId: 'missed-appointments' });
    expect(currentQuestion(actor.getSnapshot()), 'the open question stays on screen').to.equal('current-contacts');
    actor.send({ type: 'edit', questionId: 'age' });
    expect(currentQuestion(actor.getSnapshot()), 'an earlier question can still be changed').to.equal('age');
  });
});
