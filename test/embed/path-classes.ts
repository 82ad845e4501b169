/**
 * Answer sets that together cover every plan class: every track kind (service, variant, order,
 * start, deadline, clock start) and every warning the rules give, found by seeded random walks through the
 * questions (multi-choice questions with one option or a pair). Used by the embedding
 * test that reads every class's plan in the caseworkers' single file.
 */
import { askedPath, computePlan, questions, type Answers, type AnswerValue, type QuestionDef } from '../../machines/index.ts';

function choicesOf(q: QuestionDef): AnswerValue[] {
  if (q.kind === 'single') return [...q.options];
  const free = q.options.filter((o) => o !== q.exclusive);
  const out: AnswerValue[] = q.exclusive ? [[q.exclusive]] : [];
  free.forEach((a, i) => {
    out.push([a]);
    for (const b of free.slice(i + 1)) out.push([a, b]);
  });
  return out;
}

/** What a plan shows that has texts of its own: each track's service, variant, order, start, deadline and clock; each warning. */
function featuresOf(answers: Answers, asOf: string): string[] {
  const plan = computePlan(answers, {}, { asOf });
  return [
    ...plan.tracks.map((t) => ['track', t.service, t.variant ?? '', t.order, t.starts ?? '', t.deadlineDays ?? '', t.clock?.startsAt ?? ''].join(':')),
    ...plan.flags.map((f) => `flag:${f}`),
  ];
}

/** A small seeded generator (mulberry32), so the classes are the same on every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Answer sets that together show every track kind and every warning the rules can give on `asOf`:
 * `tries` seeded random walks through the questions, each kept when it shows something no earlier
 * one showed. Returns them and every feature seen.
 */
export function planClasses(asOf: string, tries = 4000): { answers: Answers[]; features: Set<string> } {
  const random = rng(20261129);
  const features = new Set<string>();
  const answers: Answers[] = [];
  for (let i = 0; i < tries; i++) {
    let a: Answers = {};
    for (;;) {
      const next = askedPath(a).find((id) => a[id] === undefined);
      if (!next) break;
      const choices = choicesOf(questions.find((x) => x.id === next)!);
      a = { ...a, [next]: choices[Math.floor(random() * choices.length)] };
    }
    const found = featuresOf(a, asOf).filter((f) => !features.has(f));
    if (found.length > 0) {
      for (const f of found) features.add(f);
      answers.push(a);
    }
  }
  return { answers, features };
}
