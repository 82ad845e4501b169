import { LitElement, css, html, nothing, svg } from 'lit';
import { facts, type Condition, type FactId } from '../../machines/index.ts';
import { defineOnce } from '../define.ts';
import { formatList } from '../i18n/format.ts';
import type { Translator } from '../i18n/translator.ts';
import { tokens } from '../styles/tokens.ts';
import { shared } from '../styles/shared.ts';
import { flowGraph, type FlowEdge, type FlowNode } from './flow-graph.ts';

/** Layout units of the SVG's viewBox; the SVG scales to its box, so these are proportions. */
const NODE_W = 520;
/** The least height of a box; a box grows to its text (measured after each render). */
const NODE_H = 72;
/** Space between two boxes of a column, and above and below a box's text. */
const ROW_GAP = 14;
const PAD_Y = 8;
const MARGIN = 46;
const GAP = 100;
const TOP = 14;

interface Placed extends FlowNode {
  col: number;
  row: number;
  x: number;
  y: number;
  /** The box's height: its text's, at least NODE_H. */
  h: number;
}

/**
 * The question flow, generated from the statechart (flow-graph.ts), as an SVG for a projector:
 * one box per state in reading order (top to bottom, then the next column), the condition under
 * which each question is asked, an arrow for every edge the machine can take. The path the case
 * has taken so far is lit (dark boxes, thick arrows), the current step is ringed, and the
 * questions that may still come are dashed. A text description carries the same for screen
 * readers.
 *
 * @csspart diagram - the SVG.
 */
export class ReferralFlowDiagram extends LitElement {
  static override properties = {
    tr: { attribute: false },
    path: { attribute: false },
    current: { attribute: false },
    upcoming: { attribute: false },
    heights: { state: true },
  };
  declare tr: Translator;
  /** State ids passed so far, in order (the last one is usually `current`). */
  declare path: string[];
  declare current: string | null;
  /** Questions that may still be asked. */
  declare upcoming: string[];
  /**
   * Each box's height in viewBox units, measured from its text after a render (`updated`):
   * titles and conditions wrap at the box's width, so a longer language (kalaallisut) gets taller
   * boxes instead of text that overlaps or is cut off.
   */
  declare heights: Record<string, number>;

  constructor() {
    super();
    this.path = [];
    this.current = null;
    this.upcoming = [];
    this.heights = {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Web fonts arriving late change the text's size: measure again.
    void document.fonts?.ready.then(() => this.requestUpdate());
  }

  /** Sizes every box to its text; a second render only when a height changed (it converges). */
  override updated(): void {
    const next: Record<string, number> = {};
    let changed = false;
    for (const g of this.renderRoot.querySelectorAll<SVGGElement>('[data-node]')) {
      const content = g.querySelector<HTMLElement>('.content');
      if (!content || content.offsetHeight === 0) return; // not laid out (hidden): keep what we have
      const id = g.dataset.node!;
      next[id] = Math.max(NODE_H, Math.ceil(content.offsetHeight + 2 * PAD_Y));
      if (this.heights[id] !== next[id]) changed = true;
    }
    // set after this update has finished (in a microtask, still before paint), not inside it
    if (changed) queueMicrotask(() => (this.heights = next));
  }

  static override styles = [
    tokens,
    shared,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
        height: var(--_diagram-fill, auto);
      }
      /* In the presenter view the diagram fills the stage (--_diagram-fill: 100%) and scales to fit. */
      svg {
        display: block;
        width: 100%;
        height: var(--_diagram-fill, auto);
      }
      .box {
        fill: #ffffff;
        stroke: #5c5c5c;
        stroke-width: 2;
      }
      .upcoming .box {
        stroke: #1a1a1a;
        stroke-dasharray: 10 6;
      }
      .lit .box {
        fill: #00366b;
        stroke: #00366b;
      }
      .current .box {
        stroke: #1a1a1a;
        stroke-width: 5;
        fill: #ffe066;
      }
      .label {
        height: 100%;
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding: 0 14px;
        color: #1a1a1a;
        line-height: 1.15;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      .content {
        flex: none;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .lit .label {
        color: #ffffff;
      }
      .current .label {
        color: #000000;
      }
      .name {
        font-size: 26px;
        font-weight: 700;
      }
      .cond {
        font-size: 18px;
        line-height: 1.1;
      }
      .now {
        font-weight: 700;
      }
      .edge {
        fill: none;
        stroke: #5c5c5c;
        stroke-width: 2;
      }
      .edge.lit {
        stroke: #00366b;
        stroke-width: 6;
      }
      .arrow {
        fill: #5c5c5c;
      }
      .arrow.lit {
        fill: #00366b;
      }
    `,
  ];

  override render() {
    const tr = this.tr;
    const { nodes, edges } = flowGraph();
    const rows = Math.ceil(nodes.length / 2);
    const placed = new Map<string, Placed>();
    const bottom = [TOP, TOP];
    nodes.forEach((n, i) => {
      const col = i < rows ? 0 : 1;
      const row = i - col * rows;
      const h = this.heights[n.id] ?? NODE_H;
      placed.set(n.id, { ...n, col, row, x: MARGIN + col * (NODE_W + GAP), y: bottom[col], h });
      bottom[col] += h + ROW_GAP;
    });
    const width = MARGIN * 2 + NODE_W * 2 + GAP;
    const height = Math.max(...bottom) - ROW_GAP + TOP + 20;
    const litEdges = new Set<string>();
    for (let i = 1; i < this.path.length; i++) litEdges.add(`${this.path[i - 1]}->${this.path[i]}`);
    const routes = this.route(edges, placed);
    const labelOf = (id: string) => this.stateLabel(id);
    const pathText = this.path.map(labelOf).join(' → ');
    return html`<figure>
      <svg
        part="diagram"
        viewBox="0 0 ${width} ${height}"
        role="img"
        aria-labelledby="diagram-title diagram-desc"
        lang=${tr.lang}
      >
        <title id="diagram-title">${tr.t('training:diagram.title')}</title>
        <desc id="diagram-desc">
          ${this.path.length
            ? tr.t('training:diagram.pathText', { path: pathText })
            : tr.t('training:diagram.noPath')}
          ${this.current ? tr.t('training:diagram.nowText', { node: labelOf(this.current) }) : ''}
        </desc>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto">
            <path class="arrow" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
          <marker id="arrow-lit" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="3.5" markerHeight="3.5" orient="auto">
            <path class="arrow lit" d="M0,0 L10,5 L0,10 z"></path>
          </marker>
        </defs>
        ${routes.map(({ edge, d }) => {
          const lit = litEdges.has(`${edge.from}->${edge.to}`);
          return svg`<g data-edge="${edge.from}->${edge.to}" class=${lit ? 'lit' : ''}>
            <path class="edge ${lit ? 'lit' : ''}" d=${d} marker-end=${lit ? 'url(#arrow-lit)' : 'url(#arrow)'}></path>
          </g>`;
        })}
        ${[...placed.values()].map((n) => this.renderNode(n, edges))}
      </svg>
    </figure>`;
  }

  private renderNode(n: Placed, edges: FlowEdge[]) {
    // An outcome reached through a named guard (the acute warning) says when, like a question does.
    const guardId = edges.find((e) => e.to === n.id && e.guard)?.guard;
    const guard = guardId ? this.guardLabel(guardId) : null;
    const lit = this.path.includes(n.id) && n.id !== this.current;
    const current = n.id === this.current;
    const upcoming = !lit && !current && this.upcoming.includes(n.id);
    const cls = ['node', lit ? 'lit' : '', current ? 'current' : '', upcoming ? 'upcoming' : ''].join(' ');
    return svg`<g data-node=${n.id} class=${cls}>
      <rect class="box" x=${n.x} y=${n.y} width=${NODE_W} height=${n.h} rx="10"></rect>
      <foreignObject x=${n.x} y=${n.y} width=${NODE_W} height=${n.h}>
        <div xmlns="http://www.w3.org/1999/xhtml" class="label">
          <div class="content">
            <span class="name">${current ? html`<span class="now">▶ </span>` : nothing}${this.stateLabel(n.id)}</span>
            ${n.kind === 'question'
              ? html`<span class="cond">${this.conditionText(n.askWhen)}</span>`
              : guard
                ? html`<span class="cond">${this.tr.t('training:diagram.onlyIf', { condition: guard })}</span>`
                : nothing}
          </div>
        </div>
      </foreignObject>
    </g>`;
  }

  stateLabel(id: string): string {
    const tr = this.tr;
    const short = `rules:question.${id}.short`;
    if (tr.has(short)) return tr.t(short);
    if (tr.has(`rules:question.${id}.title`)) return tr.t(`rules:question.${id}.title`);
    return tr.has(`training:diagram.node.${id}`) ? tr.t(`training:diagram.node.${id}`) : id;
  }

  private guardLabel(guard: string): string {
    const key = `training:diagram.guard.${guard}`;
    return this.tr.has(key) ? this.tr.t(key) : guard;
  }

  /** "Only if 18 or older and trauma": the ask condition, as a list in the reader's language. */
  conditionText(condition: Condition | undefined): string {
    const tr = this.tr;
    if (!condition) return tr.t('training:diagram.always');
    return tr.t('training:diagram.onlyIf', { condition: this.conditionWords(condition) });
  }

  private conditionWords(condition: Condition): string {
    const tr = this.tr;
    if (typeof condition === 'string') {
      const key = `training:diagram.fact.${condition}`;
      return tr.has(key) ? tr.t(key) : facts[condition as FactId].description;
    }
    if ('not' in condition) return tr.t('training:diagram.not', { condition: this.conditionWords(condition.not) });
    const parts = ('all' in condition ? condition.all : condition.any).map((c) => this.conditionWords(c));
    const type = 'all' in condition ? 'conjunction' : 'disjunction';
    return formatList(parts, type, tr.lang);
  }

  /** Orthogonal routes: straight down inside a column, outer lanes for skips, the gap between columns. */
  private route(edges: FlowEdge[], placed: Map<string, Placed>) {
    const laneCount = { left: 0, right: 0, gap: 0 };
    const gapEdges = edges.filter((e) => placed.get(e.from)!.col !== placed.get(e.to)!.col);
    const gapStep = GAP / (gapEdges.length + 1);
    // Several edges leave or enter the same side of a box: spread them a little.
    const sideUse = new Map<string, number>();
    const offset = (id: string, side: string) => {
      const key = `${id}:${side}`;
      const k = sideUse.get(key) ?? 0;
      sideUse.set(key, k + 1);
      return [0, -12, 12, -24, 24][k % 5];
    };
    return edges.map((edge) => {
      const a = placed.get(edge.from)!;
      const b = placed.get(edge.to)!;
      let d: string;
      if (a.col === b.col && b.row === a.row + 1) {
        const x = a.x + NODE_W / 2;
        d = `M${x},${a.y + a.h} L${x},${b.y - 2}`;
      } else if (a.col === b.col) {
        const left = a.col === 0;
        const lane = (left ? laneCount.left++ : laneCount.right++) + 1;
        const x = left ? a.x - 18 * lane : a.x + NODE_W + 18 * lane;
        const side = left ? a.x : a.x + NODE_W;
        const y1 = a.y + a.h / 2 + offset(a.id, left ? 'l' : 'r');
        const y2 = b.y + b.h / 2 + offset(b.id, left ? 'l' : 'r');
        d = `M${side},${y1} L${x},${y1} L${x},${y2} L${left ? side - 2 : side + 2},${y2}`;
      } else {
        const forward = a.col < b.col;
        const lane = ++laneCount.gap;
        const x = MARGIN + NODE_W + gapStep * lane;
        const x1 = forward ? a.x + NODE_W : a.x;
        const x2 = forward ? b.x - 2 : b.x + NODE_W + 2;
        const y1 = a.y + a.h / 2 + offset(a.id, forward ? 'r' : 'l');
        const y2 = b.y + b.h / 2 + offset(b.id, forward ? 'l' : 'r');
        d = `M${x1},${y1} L${x},${y1} L${x},${y2} L${x2},${y2}`;
      }
      return { edge, d };
    });
  }
}

defineOnce('referral-flow-diagram', ReferralFlowDiagram);

declare global {
  interface HTMLElementTagNameMap {
    'referral-flow-diagram': ReferralFlowDiagram;
  }
}
