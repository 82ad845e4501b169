/**
 * The question flow as a graph, read from the statechart's own definition — never drawn by hand:
 *
 * - nodes: the machine's question states (those with `meta.questionId`, in definition order),
 *   plus every other state a question's `leaving.always` can go to (the acute warning, the plan);
 * - each node's condition: the question state's `meta.askWhen`;
 * - edges: the `leaving.always` candidates. A candidate list names every later question (the
 *   first whose guard holds wins), so an edge is kept only if some answers reach its source and
 *   make it the winner. To find those, the guide is walked from `start` with the machine's own
 *   guard implementations for every combination of answers to the questions the guards read (the
 *   ask conditions read a few early questions; a guard other than `shouldAsk` is taken to read
 *   its own question's answer). That is 144 short walks, done once.
 */
import {
  facts,
  normalizeAnswer,
  questionById,
  referralMachine,
  type Answers,
  type Condition,
  type FactId,
  type QuestionId,
} from '../../machines/index.ts';

export interface FlowNode {
  /** The state's id: a question id, `acuteWarning` or `complete`. */
  id: string;
  kind: 'question' | 'outcome';
  askWhen?: Condition;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** The guard that picks this edge when it is not the machine's generic "ask if it applies". */
  guard?: string;
}

export interface FlowGraph {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

interface Candidate {
  target: string;
  guard: { type: string; params?: Record<string, unknown> } | null;
}

// The definition is walked through XState's public StateNode objects (`states`, `meta`, `config`).
interface StateNodeLike {
  key: string;
  meta?: { questionId?: QuestionId; askWhen?: Condition };
  states: Record<string, StateNodeLike>;
  config: { always?: unknown };
}

type GuardFn = (args: { context: unknown; event: unknown }, params?: unknown) => boolean;

function candidatesOf(node: StateNodeLike | undefined): Candidate[] {
  const always = node?.config.always;
  const list = Array.isArray(always) ? always : always ? [always] : [];
  return list.map((t: { target?: string; guard?: string | { type: string; params?: Record<string, unknown> } }) => ({
    target: String(t.target ?? '').replace(/^#/, ''),
    guard: t.guard === undefined ? null : typeof t.guard === 'string' ? { type: t.guard } : t.guard,
  }));
}

function factsIn(condition: Condition): FactId[] {
  if (typeof condition === 'string') {
    const composite = (facts[condition] as { condition?: Condition }).condition;
    return [condition, ...(composite ? factsIn(composite) : [])];
  }
  if ('not' in condition) return factsIn(condition.not);
  return ('all' in condition ? condition.all : condition.any).flatMap(factsIn);
}

/** Every valid answer to a question: each option, and for multi-choice each valid combination. */
function answersTo(id: QuestionId): Array<string | string[]> {
  const q = questionById[id];
  if (q.kind === 'single') return [...q.options];
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << q.options.length; mask++) {
    const pick = q.options.filter((_, i) => mask & (1 << i));
    if (normalizeAnswer(id, pick) !== null) out.push(pick);
  }
  return out;
}

let cached: FlowGraph | null = null;

export function flowGraph(): FlowGraph {
  if (cached) return cached;
  const root = referralMachine.root as unknown as StateNodeLike;
  const states = Object.values(root.states);
  const questionStates = states.filter((s) => s.meta?.questionId);

  const nodes: FlowNode[] = questionStates.map((s) => ({
    id: s.key,
    kind: 'question',
    ...(s.meta?.askWhen ? { askWhen: s.meta.askWhen } : {}),
  }));
  // Outcome states reached from a question's leaving step go right after the first question that
  // reaches them (the acute warning after "acute"), or at the end (the plan).
  const outcomes: string[] = [];
  for (const s of questionStates) {
    for (const c of candidatesOf(s.states.leaving)) {
      if (!root.states[c.target]?.meta?.questionId && !outcomes.includes(c.target)) outcomes.push(c.target);
    }
  }
  for (const id of outcomes) {
    const firstFrom = questionStates.findIndex((s) => candidatesOf(s.states.leaving).some((c) => c.target === id));
    const alwaysLast = questionStates.every((s) => candidatesOf(s.states.leaving).some((c) => c.target === id));
    const node: FlowNode = { id, kind: 'outcome' };
    if (alwaysLast) nodes.push(node);
    else nodes.splice(nodes.findIndex((n) => n.id === questionStates[firstFrom].key) + 1, 0, node);
  }

  // The questions whose answers the leaving guards can read.
  const read = new Set<QuestionId>();
  for (const s of questionStates) {
    if (s.meta?.askWhen) for (const f of factsIn(s.meta.askWhen)) for (const r of facts[f].reads) if (r in questionById) read.add(r as QuestionId);
    if (candidatesOf(s.states.leaving).some((c) => c.guard && c.guard.type !== 'shouldAsk')) read.add(s.key as QuestionId);
  }
  const readList = questionStates.map((s) => s.key as QuestionId).filter((id) => read.has(id));
  let combos: Answers[] = [{}];
  for (const id of readList) combos = combos.flatMap((a) => answersTo(id).map((v) => ({ ...a, [id]: v })));

  // Edges: consecutive states along the walk for every combination (so only reachable ones).
  const edges = new Map<string, FlowEdge>();
  for (const answers of combos) {
    const path = walk(answers, null, false);
    for (let i = 1; i < path.length; i++) {
      const key = `${path[i - 1]}->${path[i]}`;
      if (edges.has(key)) continue;
      const source = root.states[path[i - 1]];
      const winner = winnerOf(candidatesOf(source.states.leaving), answers);
      edges.set(key, {
        from: path[i - 1],
        to: path[i],
        ...(winner?.guard && winner.guard.type !== 'shouldAsk' ? { guard: winner.guard.type } : {}),
      });
    }
  }
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  cached = {
    nodes,
    edges: [...edges.values()].sort((a, b) => index.get(a.from)! - index.get(b.from)! || index.get(a.to)! - index.get(b.to)!),
  };
  return cached;
}

function contextFor(answers: Answers) {
  return { answers, details: {}, current: null, skipAnswered: false, editOrigin: null, jumpTo: null, dropped: [] };
}

/** The candidate the machine would take from these candidates with these answers. */
function winnerOf(candidates: Candidate[], answers: Answers): Candidate | undefined {
  const guards = referralMachine.implementations.guards as unknown as Record<string, GuardFn>;
  const context = contextFor(answers);
  return candidates.find((c) => {
    if (!c.guard) return true;
    const guard = guards[c.guard.type];
    return guard ? guard({ context, event: { type: 'xstate.flow' } }, c.guard.params) : true;
  });
}

/**
 * The states the guide passes through for these answers, in order, up to `current` (where it
 * waits now) or the first unanswered question: the same guarded candidates the machine takes,
 * evaluated with the machine's guards.
 */
export function walkPath(answers: Answers, current: string | null): string[] {
  return walk(answers, current, true);
}

function walk(answers: Answers, current: string | null, stopAtUnanswered: boolean): string[] {
  const root = referralMachine.root as unknown as StateNodeLike;
  const out: string[] = [];
  let id = winnerOf(candidatesOf(root.states.start), answers)?.target;
  while (id && !out.includes(id)) {
    out.push(id);
    if (id === current) break;
    const state = root.states[id];
    if (!state?.states.leaving) break;
    if (stopAtUnanswered && state.meta?.questionId && answers[state.meta.questionId] === undefined) break;
    id = winnerOf(candidatesOf(state.states.leaving), answers)?.target;
  }
  return out;
}
