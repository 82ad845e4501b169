/**
 * The statechart's running code (XState and the machine), loaded by MachineController after the
 * first question is on screen: a chunk of its own in the ES build, a lazily run module in the IIFE.
 */
export { createActor } from 'xstate';
export { referralMachine } from '../../machines/referral.machine.ts';
export { planOf, emergencyPlanOf } from '../../machines/plan.ts';
