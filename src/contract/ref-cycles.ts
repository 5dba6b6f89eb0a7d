import { formatPath } from '../source/index.ts';
import type { InputProblem } from '../source/index.ts';
import type { RefSite } from './contract-files.ts';
import type { ResolvedRef } from './resolve-refs.ts';

/**
 * The `$ref` cycles railgate cannot work with. A schema that refers back to itself through a property or an
 * item is ordinary recursion (a category tree, a chain of refunds): it validates and is left alone. Two
 * kinds are not:
 * - a cycle that never leaves the value (`A: { allOf: [{ $ref: B }] }`, `B: { $ref: A }`): a validator would
 *   check the same value forever, and JSON Schema leaves such schemas undefined. The `$ref` closing it is
 *   dropped, leaving an open schema, so validators and example generation terminate.
 * - a cycle whose every step is required (each `Pair` must hold a `next` Pair): no finite body satisfies it,
 *   so no answer can conform and no example can be generated. Reported, left as written.
 * Each is a located warning naming the cycle, at the `$ref` that closes it.
 */
export function findRefCycles(refs: ResolvedRef[]): InputProblem[] {
  const graph = new RefGraph(refs);
  const warnings: InputProblem[] = [];
  // Each pass cuts one `$ref`; the bound only guards against a cycle no cut can break.
  for (let pass = 0, cycle = graph.cycle('same'); cycle && pass <= refs.length; pass++, cycle = graph.cycle('same')) {
    const closing = cycle.closing.site;
    graph.cut(cycle.closing);
    delete closing.holder.$ref;
    warnings.push(problem(closing, `$ref cycle ${describe(cycle.nodes)} never reaches a property or an item: a validator would check the same value forever, so railgate reads this $ref as an open schema`));
  }
  for (const cycle of graph.cycles('required')) {
    const name = schemaName(cycle.nodes[0]!.site);
    warnings.push(problem(cycle.closing.site, `every ${name} must hold another (${describe(cycle.nodes)}, each step required): no finite body satisfies it, so no answer can conform and railgate cannot generate an example`));
  }
  return warnings;
}

/** From one `$ref` to another met inside its target (or beside it) without passing a third. */
interface Edge {
  to: ResolvedRef;
  /** Every step stays on the same value (`$ref`, `allOf`, `anyOf`, …). */
  same: boolean;
  /** Every step must be there in any valid value (a required property, `allOf`, a lone `oneOf` branch …). */
  required: boolean;
  /** Found inside the `$ref`'s target, rather than among the keywords beside it. */
  viaTarget: boolean;
}

interface Cycle {
  nodes: ResolvedRef[];
  /** The node whose `$ref` closes the cycle: its target holds the next node. */
  closing: ResolvedRef;
}

type Kind = 'same' | 'required';
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const MAX_DEPTH = 200;

class RefGraph {
  private readonly byHolder = new Map<object, ResolvedRef>();
  private readonly edgesOfTarget = new Map<object, Edge[]>();
  private readonly cutRefs = new Set<ResolvedRef>();

  constructor(private readonly refs: ResolvedRef[]) {
    for (const r of refs) this.byHolder.set(r.site.holder, r);
  }

  cut(node: ResolvedRef): void {
    this.cutRefs.add(node);
  }

  /** The first cycle of that kind, in document order; undefined when there is none. */
  cycle(kind: Kind): Cycle | undefined {
    return this.search(kind, true)[0];
  }

  /** One cycle per back edge of a depth-first walk: together they name every cycle of that kind. */
  cycles(kind: Kind): Cycle[] {
    return this.search(kind, false);
  }

  private edges(node: ResolvedRef, kind: Kind): Edge[] {
    const all = [...(this.cutRefs.has(node) ? [] : this.targetEdges(node.target)), ...this.siblingEdges(node)];
    return all.filter((e) => e[kind]);
  }

  private targetEdges(target: object): Edge[] {
    let edges = this.edgesOfTarget.get(target);
    if (!edges) {
      edges = this.reach(target, false);
      this.edgesOfTarget.set(target, edges);
    }
    return edges;
  }

  private siblingEdges(node: ResolvedRef): Edge[] {
    return Object.keys(node.site.holder).length > 1 ? this.reach(node.site.holder, true) : [];
  }

  /** Every `$ref` holder reachable from a schema through schema keywords, stopping at each holder. */
  private reach(start: object, isHolder: boolean): Edge[] {
    const out: Edge[] = [];
    const viaTarget = !isHolder;
    const visit = (node: unknown, same: boolean, required: boolean, depth: number): void => {
      if (!isObj(node) || depth > MAX_DEPTH) return;
      const required_ = required && !allowsNull(node);
      const ref = this.byHolder.get(node);
      if (ref && !(isHolder && depth === 0)) {
        out.push({ to: ref, same, required: required_, viaTarget });
        return;
      }
      for (const keyword of Object.keys(node)) STEPS.get(keyword)?.(node, (child, s, r) => visit(child, same && s, required_ && r, depth + 1));
    };
    visit(start, true, true, 0);
    return out;
  }

  private search(kind: Kind, firstOnly: boolean): Cycle[] {
    const state = new Map<ResolvedRef, 'open' | 'done'>();
    const found: Cycle[] = [];
    for (const root of this.refs) {
      if (state.has(root)) continue;
      // Iterative depth-first walk: a long chain of `$ref`s must not exhaust the stack.
      const stack: Array<{ node: ResolvedRef; edges: Edge[]; next: number }> = [{ node: root, edges: this.edges(root, kind), next: 0 }];
      state.set(root, 'open');
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const edge = top.edges[top.next++];
        if (!edge) {
          state.set(top.node, 'done');
          stack.pop();
          continue;
        }
        const seen = state.get(edge.to);
        if (seen === 'open') {
          const from = stack.findIndex((f) => f.node === edge.to);
          found.push(closeCycle(stack.slice(from), edge));
          if (firstOnly) return found;
        } else if (!seen) {
          state.set(edge.to, 'open');
          stack.push({ node: edge.to, edges: this.edges(edge.to, kind), next: 0 });
        }
      }
    }
    return found;
  }
}

/** The cycle along the walk's stack; its closing `$ref` is the last one whose own target leads on. */
function closeCycle(frames: Array<{ node: ResolvedRef; edges: Edge[]; next: number }>, back: Edge): Cycle {
  const nodes = frames.map((f) => f.node);
  const steps = frames.map((f, i) => (i === frames.length - 1 ? back : f.edges[f.next - 1]!));
  let closing = nodes.length - 1;
  while (closing > 0 && !steps[closing]!.viaTarget) closing--;
  return { nodes, closing: nodes[closing]! };
}

type Visit = (child: unknown, same: boolean, required: boolean) => void;

/** How each schema keyword leads to schemas inside it: on the same value or not, required or not. */
const STEPS = new Map<string, (node: Obj, visit: Visit) => void>([
  ['allOf', (n, v) => each(n.allOf, (s) => v(s, true, true))],
  ['anyOf', (n, v) => each(n.anyOf, (s, _i, all) => v(s, true, all.length === 1))],
  ['oneOf', (n, v) => each(n.oneOf, (s, _i, all) => v(s, true, all.length === 1))],
  ['not', (n, v) => v(n.not, true, false)],
  ['if', (n, v) => v(n.if, true, false)],
  ['then', (n, v) => v(n.then, true, false)],
  ['else', (n, v) => v(n.else, true, false)],
  ['dependentSchemas', (n, v) => values(n.dependentSchemas, (s) => v(s, true, false))],
  ['properties', (n, v) => {
    const required = new Set(Array.isArray(n.required) ? n.required : []);
    if (isObj(n.properties)) for (const [name, s] of Object.entries(n.properties)) v(s, false, onlyType(n, 'object') && required.has(name));
  }],
  ['patternProperties', (n, v) => values(n.patternProperties, (s) => v(s, false, false))],
  ['additionalProperties', (n, v) => v(n.additionalProperties, false, false)],
  ['propertyNames', (n, v) => v(n.propertyNames, false, false)],
  ['unevaluatedProperties', (n, v) => v(n.unevaluatedProperties, false, false)],
  ['contains', (n, v) => v(n.contains, false, false)],
  ['items', (n, v) => {
    const min = minItems(n);
    if (Array.isArray(n.items)) each(n.items, (s, i) => v(s, false, onlyType(n, 'array') && i < min));
    else v(n.items, false, onlyType(n, 'array') && min > 0);
  }],
  ['prefixItems', (n, v) => each(n.prefixItems, (s, i) => v(s, false, onlyType(n, 'array') && i < minItems(n)))],
  ['additionalItems', (n, v) => v(n.additionalItems, false, false)],
  ['unevaluatedItems', (n, v) => v(n.unevaluatedItems, false, false)],
]);

function minItems(s: Obj): number {
  return typeof s.minItems === 'number' ? s.minItems : 0;
}

function each(list: unknown, f: (item: unknown, i: number, all: unknown[]) => void): void {
  if (Array.isArray(list)) list.forEach((item, i) => f(item, i, list));
}

function values(map: unknown, f: (item: unknown) => void): void {
  if (isObj(map)) for (const item of Object.values(map)) f(item);
}

/** Whether a schema admits `null`, in either OpenAPI version's spelling: then nothing inside it is forced. */
function allowsNull(s: Obj): boolean {
  return s.nullable === true || s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')) || (Array.isArray(s.enum) && s.enum.includes(null));
}

/** A required property (or item) forces a nested value only when the schema admits nothing but objects (arrays). */
function onlyType(s: Obj, type: string): boolean {
  return s.type === type || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === type);
}

function problem(site: RefSite, message: string): InputProblem {
  return site.doc.problem([...site.at, '$ref'], message);
}

/** `Loop → Other → Loop`: the schemas holding each `$ref` of the cycle, back to the first. */
function describe(nodes: ResolvedRef[]): string {
  return [...nodes, nodes[0]!].map((n) => schemaName(n.site)).join(' → ');
}

/** The schema a `$ref` sits in: its name under `components.schemas` (or at the top of a schemas file), else its path. */
function schemaName(site: RefSite): string {
  const { at } = site;
  if (at[0] === 'components' && at[1] === 'schemas' && at[2] !== undefined) return String(at[2]);
  const isOpenApiDocument = isObj(site.doc.data) && 'openapi' in site.doc.data;
  if (!isOpenApiDocument && at[0] !== undefined) return String(at[0]);
  return formatPath(at);
}
