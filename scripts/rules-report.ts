/**
 * npm run rules:report — enumerates every answer path through the guide, checks every invariant on
 * each, drives the real statechart through every routing combination, and prints the figures.
 * The paths are dealt alternately to two worker threads (every other path each, so both get the
 * same mix of work), so both cores of the machine are used. Exits non-zero when an invariant fails.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { rules } from '../machines/index.ts';
import { SETTINGS, checkEveryPath, checkMachineConformance, routingQuestions, type EveryPathResult, type PathPart } from '../test/machine/every-path.ts';
import { invariants } from '../test/machine/invariants.ts';

if (!isMainThread) {
  parentPort!.postMessage(checkEveryPath(5, workerData as PathPart));
} else {
  const seconds = (ms: number) => (ms / 1000).toFixed(2) + ' s';
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const THREADS = 2;
  // Each path allocates a fresh plan (about fifty small objects, two million times): a larger young
  // generation than the default lets most of them die before a scavenge has to copy them.
  const YOUNG_MB = 192;
  const halves = await Promise.all(
    Array.from({ length: THREADS }, (_, part) => ({ part, of: THREADS })).map(
      (split) =>
        new Promise<EveryPathResult>((resolve, reject) => {
          // A worker does not inherit tsx's loader, and a .ts entry loads before --import hooks:
          // start from a shim that registers tsx, then imports this file.
          const shim = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const worker = new Worker(shim, { eval: true, workerData: split, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const everyPath = {
    paths: halves.reduce((n, h) => n + h.paths, 0),
    distinctPlans: new Set(halves.flatMap((h) => h.shapes)).size,
    failures: halves.flatMap((h) => h.failures),
  };
  const conformance = checkMachineConformance();

  console.log(`referral rules valid as of ${rules.rulesValidAsOf}: ${rules.rules.length} rules, ${rules.flags.length} flags, ${rules.services.length} services`);
  console.log(`each path computed with one of ${SETTINGS.length} rotating dates (both sides of 2027-01-01), places and details`);
  console.log('');
  console.log(`answer paths enumerated       ${everyPath.paths.toLocaleString('en')}`);
  console.log(`distinct plan shapes         ${everyPath.distinctPlans.toLocaleString('en')}`);
  console.log(`invariants checked per path   ${invariants.length}`);
  for (const invariant of invariants) console.log(`  ${invariant.id.padEnd(18)} ${invariant.description}`);
  console.log(`time, all paths               ${seconds(wall)} wall clock on 2 threads   target < 10 s on an idle machine`);
  console.log(`  each thread                  ${halves.map((h) => `${h.paths.toLocaleString('en')} paths in ${seconds(h.ms)}`).join(', ')}; start-up ${seconds(wall - Math.max(...halves.map((h) => h.ms)))}`);
  console.log(`CPU time, all paths           ${seconds(cpuMs)} (both threads; about twice the idle wall clock)`);
  console.log('');
  console.log(`statechart driven event by event through every combination of the routing questions`);
  console.log(`(${routingQuestions().join(', ')}), other answers rotated so every value is sent:`);
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
}
