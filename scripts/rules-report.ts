/**
 * npm run rules:report — enumerates every answer path through the guide, checks every invariant on
 * each, drives the real statechart through every routing combination, and prints the figures.
 * Exits non-zero when an invariant fails.
 */
import { rules } from '../machines/index.ts';
import { checkEveryPath, checkMachineConformance, routingQuestions } from '../test/machine/every-path.ts';
import { invariants } from '../test/machine/invariants.ts';

const everyPath = checkEveryPath();
const conformance = checkMachineConformance();
const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';

console.log(`referral rules valid as of ${rules.rulesValidAsOf}: ${rules.rules.length} rules, ${rules.flags.length} flags, ${rules.services.length} services`);
console.log('');
console.log(`answer paths enumerated       ${everyPath.paths.toLocaleString('en')}`);
console.log(`distinct plans (tracks+flags) ${everyPath.distinctPlans}`);
console.log(`invariants checked per path   ${everyPath.invariants}`);
for (const invariant of invariants) console.log(`  ${invariant.id.padEnd(18)} ${invariant.description}`);
console.log(`time, all paths               ${seconds(everyPath.ms)}   (target < 10 s)`);
console.log('');
console.log(`statechart driven event by event through every combination of the routing questions (${routingQuestions().join(', ')}),`);
console.log(`other answers rotated so every value is sent:`);
console.log(`  runs ${conformance.runs}, events ${conformance.events}, time ${seconds(conformance.ms)}`);
const failures = [...everyPath.failures, ...conformance.failures];
console.log('');
if (failures.length === 0) {
  console.log('result: every path ends in a plan and every invariant holds');
} else {
  console.log(`result: ${failures.length} failure(s) shown`);
  for (const f of failures) console.log(`  ${f.message}\n    answers ${JSON.stringify(f.answers)}`);
  process.exitCode = 1;
}
