import { isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';
import type { Node } from 'yaml';

/**
 * Walks over a parsed YAML tree without recursion, so a file nested 10,000 deep cannot overflow the stack
 * that is meant to report it. Pure: nodes in, nodes out.
 */

/** The first map or list (in document order) nested deeper than `max` levels, or undefined. */
export function nestedBeyond(root: unknown, max: number): Node | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > max) return node;
    for (const child of [...childrenOf(node)].reverse()) stack.push([child, depth + 1]);
  }
  return undefined;
}

/** The first alias (`*name`) in document order whose anchor holds aliases itself: where a bomb starts to grow. */
export function firstNestedAlias(root: unknown): Node | undefined {
  let first: Node | undefined;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      first ??= node;
      continue;
    }
    if (!isCollection(node)) continue;
    const children = [...childrenOf(node)];
    if (first === undefined && node.anchor && children.some(isAlias)) return children.find(isAlias);
    for (const child of children.reverse()) stack.push(child);
  }
  return first;
}

/** A key written twice in one map: the second, the first, and the path to it. */
export interface DuplicateKey {
  key: Node;
  first: Node;
  path: Array<string | number>;
}

/**
 * Keys written twice in the same map, in document order, at most `max`. The yaml library's own check
 * (`uniqueKeys`) compares each key with every earlier one: a map of 50,000 keys took a minute.
 */
export function duplicateKeys(root: unknown, max: number): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Array<{ node: unknown; at: Trail | undefined }> = [{ node: root, at: undefined }];
  while (stack.length > 0 && found.length < max) {
    const { node, at } = stack.pop()!;
    const next: Array<{ node: unknown; at: Trail }> = [];
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (name === undefined) continue;
        const first = seen.get(name);
        if (first && found.length < max) found.push({ key: pair.key as Node, first, path: pathOf({ up: at, seg: name }) });
        else seen.set(name, pair.key as Node);
        if (isCollection(pair.value)) next.push({ node: pair.value, at: { up: at, seg: name } });
      }
    } else if (isCollection(node)) {
      node.items.forEach((item, i) => {
        if (isCollection(item)) next.push({ node: item, at: { up: at, seg: i } });
      });
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return found.sort((a, b) => (a.key.range?.[0] ?? 0) - (b.key.range?.[0] ?? 0));
}

/** A path as a chain to the parent's, so that walking a wide map does not copy a path per key. */
interface Trail {
  up: Trail | undefined;
  seg: string | number;
}

function pathOf(trail: Trail | undefined): Array<string | number> {
  const out: Array<string | number> = [];
  for (let t = trail; t; t = t.up) out.unshift(t.seg);
  return out;
}

function* childrenOf(node: unknown): Iterable<unknown> {
  if (!isCollection(node)) return;
  for (const item of node.items) {
    if (isPair(item)) {
      yield item.key;
      yield item.value;
    } else {
      yield item;
    }
  }
}
