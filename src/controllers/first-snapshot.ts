import type { ReferralSnapshot } from './machine-controller.ts';
import type { ReferralContext } from '../../machines/referral.machine.ts';
import { questions } from '../../machines/questions.ts';

/**
 * The snapshot a fresh guide starts with, without the statechart's code: waiting at the first
 * question, nothing answered, nowhere to go back to. It answers what the widget and the machine
 * helpers (machines/snapshot.ts) ask of a snapshot; test/ui/first-screen.test.ts holds it equal to
 * a fresh actor's.
 */
export function firstSnapshot(): ReferralSnapshot {
  const first = questions[0].id;
  const context: ReferralContext = {
    answers: {},
    details: {},
    current: first,
    dropped: [],
    skipAnswered: true,
    editOrigin: null,
    jumpTo: null,
  };
  const value = { [first]: 'waiting' };
  const tags = new Set(['question']);
  const snapshot = {
    status: 'active',
    value,
    context,
    tags,
    hasTag: (tag: string) => tags.has(tag),
    matches: (state: unknown) =>
      typeof state === 'string'
        ? state === first
        : typeof state === 'object' && state !== null && JSON.stringify(state) === JSON.stringify(value),
    // Back, Continue and the handoff have nowhere to go from a fresh first question.
    can: (event: { type: string }) => !['back', 'continue', 'region-took-over'].includes(event.type),
  };
  return snapshot as unknown as ReferralSnapshot;
}
