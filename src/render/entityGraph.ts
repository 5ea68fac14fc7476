/**
 * The co-mention graph: which entities appear together across the archive, drawn at build time as
 * an SVG that needs no JavaScript (every node is a plain link to its entity page). The layout is a
 * force-directed one (Fruchterman–Reingold) from a fixed starting circle with a fixed number of
 * steps, so the same archive always gives the same picture.
 */
import type { EntityIndex } from '../link/linkEntities.js';
import { topK } from '../link/lists.js';
import type { Entity } from '../types.js';
import { escapeHtml } from './escape.js';

/** A placed node. */
export interface GraphNode {
  /** The entity. */
  entity: Entity;
  /** Centre, in SVG units. */
  x: number;
  y: number;
  /** Radius, growing with the number of articles. */
  r: number;
}

/** A drawn edge between two nodes (indexes into `nodes`). */
export interface GraphEdge {
  /** Index of one end. */
  a: number;
  /** Index of the other end. */
  b: number;
  /** Articles naming both. */
  weight: number;
}

/** A laid-out graph. */
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

const WIDTH = 760;
const HEIGHT = 520;
const MARGIN = 60;
const STEPS = 300;

/** Lays out the most mentioned entities (at most `maxNodes`) that share an article with another. */
export function layoutGraph(entities: readonly Entity[], index: EntityIndex, maxNodes = 30): Graph {
  const connected = (entity: Entity) => (index.coMentions.get(entity.id) ?? []).length > 0;
  // The most mentioned few that share an article with another, without sorting them all (a stable sort's first `maxNodes`: ties keep the entities' order).
  const chosen = topK(entities, maxNodes, (a, b) => b.articles.length - a.articles.length || b.mentions - a.mentions || a.name.localeCompare(b.name, 'en'), connected)
    .sort((a, b) => a.type.localeCompare(b.type, 'en') || a.name.localeCompare(b.name, 'en'));
  const position = new Map(chosen.map((entity, i) => [entity.id, i]));
  // An edge when either end lists the other among its most frequent companions.
  const weights = new Map<string, GraphEdge>();
  chosen.forEach((entity, i) => {
    for (const { entity: other, articles } of index.coMentions.get(entity.id) ?? []) {
      const j = position.get(other.id);
      if (j === undefined) continue;
      const [a, b] = i < j ? [i, j] : [j, i];
      weights.set(`${a}-${b}`, { a, b, weight: articles });
    }
  });
  const edges = [...weights.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  const { xs, ys } = placeNodes(chosen.length, edges);
  // Stretch the result over the canvas, leaving room for labels on the right.
  const fit = (values: number[], low: number, high: number): number[] => {
    const min = Math.min(...values);
    const span = Math.max(...values) - min || 1;
    return values.map((v) => low + ((v - min) / span) * (high - low));
  };
  const fx = fit(xs, MARGIN / 2, WIDTH - 3 * MARGIN);
  const fy = fit(ys, MARGIN / 2, HEIGHT - MARGIN / 2);
  const nodes = chosen.map((entity, i) => ({ entity, x: round(fx[i]!), y: round(fy[i]!), r: round(4 + 2.5 * Math.sqrt(entity.articles.length)) }));
  return { nodes, edges, width: WIDTH, height: HEIGHT };
}

/**
 * The latest layout, by its inputs: the positions depend on nothing but the number of nodes and the
 * weighted edges, and a watch session asks for the same ones after most edits.
 */
let latestLayout: { key: string; xs: number[]; ys: number[] } | null = null;

/** Force-directed positions of `n` nodes joined by `edges` (copies; the remembered ones stay as they are). */
function placeNodes(n: number, edges: readonly GraphEdge[]): { xs: number[]; ys: number[] } {
  const key = `${n}:${edges.map(({ a, b, weight }) => `${a}-${b}-${weight}`).join(',')}`;
  if (latestLayout?.key !== key) latestLayout = { key, ...forceLayout(n, edges) };
  return { xs: [...latestLayout.xs], ys: [...latestLayout.ys] };
}

function forceLayout(n: number, edges: readonly GraphEdge[]): { xs: number[]; ys: number[] } {
  const xs = Array.from({ length: n }, (_, i) => WIDTH / 2 + (WIDTH / 3) * Math.cos((2 * Math.PI * i) / Math.max(n, 1)));
  const ys = Array.from({ length: n }, (_, i) => HEIGHT / 2 + (HEIGHT / 3) * Math.sin((2 * Math.PI * i) / Math.max(n, 1)));
  const k = 0.8 * Math.sqrt(((WIDTH - 2 * MARGIN) * (HEIGHT - 2 * MARGIN)) / Math.max(n, 1));
  for (let step = 0; step < STEPS; step++) {
    const temperature = (WIDTH / 10) * (1 - step / STEPS);
    const dx = new Array<number>(n).fill(0);
    const dy = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ddx = xs[i]! - xs[j]! || 0.01;
        const ddy = ys[i]! - ys[j]! || 0.01;
        const d = Math.max(Math.hypot(ddx, ddy), 0.01);
        const force = (k * k) / d;
        dx[i]! += (ddx / d) * force;
        dy[i]! += (ddy / d) * force;
        dx[j]! -= (ddx / d) * force;
        dy[j]! -= (ddy / d) * force;
      }
    }
    for (const { a, b, weight } of edges) {
      const ddx = xs[a]! - xs[b]!;
      const ddy = ys[a]! - ys[b]!;
      const d = Math.max(Math.hypot(ddx, ddy), 0.01);
      const force = ((d * d) / k) * Math.min(0.5 + 0.25 * Math.log(weight), 1.5);
      dx[a]! -= (ddx / d) * force;
      dy[a]! -= (ddy / d) * force;
      dx[b]! += (ddx / d) * force;
      dy[b]! += (ddy / d) * force;
    }
    for (let i = 0; i < n; i++) {
      // A little gravity keeps loosely tied groups on the canvas instead of against its edges.
      dx[i]! -= (xs[i]! - WIDTH / 2) * 0.1;
      dy[i]! -= (ys[i]! - HEIGHT / 2) * 0.15;
      const d = Math.max(Math.hypot(dx[i]!, dy[i]!), 0.01);
      xs[i] = clamp(xs[i]! + (dx[i]! / d) * Math.min(d, temperature), MARGIN, WIDTH - MARGIN);
      ys[i] = clamp(ys[i]! + (dy[i]! / d) * Math.min(d, temperature), MARGIN / 2, HEIGHT - MARGIN / 2);
    }
  }
  return { xs, ys };
}

/** The graph as inline SVG; `href` gives each entity's link relative to the page. */
export function graphSvg(graph: Graph, href: (entity: Entity) => string): string {
  if (graph.nodes.length === 0) return '';
  const maxWeight = Math.max(1, ...graph.edges.map((edge) => edge.weight));
  const lines = graph.edges.map(({ a, b, weight }) => {
    const from = graph.nodes[a]!;
    const to = graph.nodes[b]!;
    return `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke-width="${round(0.75 + (2.5 * weight) / maxWeight)}"><title>${escapeHtml(from.entity.name)} and ${escapeHtml(to.entity.name)}: ${weight} article${weight === 1 ? '' : 's'}</title></line>`;
  });
  const nodes = graph.nodes.map(({ entity, x, y, r }) => {
    const label = escapeHtml(entity.name);
    // Labels read to the right of their node unless they would run off the picture.
    const anchor = x + r + 3 + 7 * entity.name.length > graph.width ? 'end' : 'start';
    const tx = anchor === 'end' ? round(x - r - 3) : round(x + r + 3);
    return `<a href="${escapeHtml(href(entity))}"><circle class="node node-${entity.type}" cx="${x}" cy="${y}" r="${r}"><title>${label}: ${entity.articles.length} article${entity.articles.length === 1 ? '' : 's'}</title></circle><text x="${tx}" y="${round(y + 4)}" text-anchor="${anchor}">${label}</text></a>`;
  });
  return [
    `<svg class="entity-graph" viewBox="0 0 ${graph.width} ${graph.height}" role="group" aria-labelledby="graph-title" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="graph-title">Entities that appear in the same articles; thicker lines mean more articles.</title>`,
    `<g class="edges" stroke="currentColor" stroke-opacity="0.35">${lines.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    `</svg>`,
  ].join('\n');
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
