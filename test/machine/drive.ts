/** Drives the real actor as a caseworker would (contract.md): answer what is asked, continue after the acute warning. */
import { createActor } from 'xstate';
import { currentQuestion, isAcuteWarning, planOf, referralMachine, type Answers, type Details } from '../../machines/index.ts';

export const NOTHING: Answers = {
  acute: 'no',
  age: 'adult',
  substances: ['none'],
  'mental-health': 'none',
  trauma: 'none',
  'trauma-origin': 'other',
  'psychiatric-admission': 'no',
  refusal: ['none'],
  'current-contacts': ['none'],
  children: 'no',
  housing: 'stable',
  language: 'danish',
  'missed-appointments': 'no',
  'digital-access': 'yes',
};

export function drive(overrides: Answers, details?: Details) {
  const answers = { ...NOTHING, ...overrides };
  const actor = createActor(referralMachine).start();
  if (details) actor.send({ type: 'details', ...details });
  const asked: string[] = [];
  for (let step = 0; step < 30; step++) {
    const snapshot = actor.getSnapshot();
    const question = currentQuestion(snapshot);
    if (question) {
      asked.push(question);
      actor.send({ type: 'answer', questionId: question, value: answers[question] });
    } else if (isAcuteWarning(snapshot)) {
      actor.send({ type: 'continue' });
    } else break;
  }
  const plan = planOf(actor.getSnapshot());
  if (!plan) throw new Error(`no plan after ${asked.join(', ')}`);
  return { actor, plan, asked, track: (service: string) => plan.tracks.find((t) => t.service === service) };
}
