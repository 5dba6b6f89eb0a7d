import type { Position } from '../source/index.ts';
import { lineStarts, positionAt } from './line-starts.ts';

type Path = ReadonlyArray<string | number>;

/**
 * Places a key path in block-style YAML text by its indentation, without building a document: what published
 * contracts are written in. A located parse of Adyen Checkout's 760 KB takes a second; its lint places a dozen
 * findings. Anything this reader is not sure of — flow collections on the way, anchors, aliases, tags, complex or
 * escaped keys, tabs, directives, an empty value — gives undefined, and the caller parses the located way.
 * Returns the position of the value at `path`, or of its key, or of the deepest part of the path that exists.
 */
export function yamlLocator(text: string): (path: Path, at?: 'key' | 'value') => Position | undefined {
  let lines: Lines | undefined;
  return (path, at = 'value') => {
    lines ??= new Lines(text);
    const found = walk(lines, path);
    if (!found) return undefined;
    const offset = at === 'key' && found.key !== undefined ? found.key : found.value;
    return lines.position(offset);
  };
}

class Lines {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }
  get count(): number {
    return this.starts.length;
  }
  line(n: number): string {
    const end = n + 1 < this.starts.length ? (this.starts[n + 1] as number) - 1 : this.text.length;
    return this.text.slice(this.starts[n], end).replace(/\r$/, '');
  }
  /** Leading spaces of a line that holds something, or undefined for a blank or comment line. */
  indent(n: number): number | undefined {
    const l = this.line(n);
    const i = l.search(/[^ ]/);
    if (i === -1 || l[i] === '#') return undefined;
    if (l[i] === '\t') throw new Unsure();
    return i;
  }
  position(offset: number): Position {
    return positionAt(this.starts, offset);
  }
}

class Unsure extends Error {}

/** A block node: its entries start at `col` of line `from` (an item's content may start mid-line), then at that indent up to `to`. */
interface Block {
  from: number;
  to: number;
  col: number;
}

interface Found {
  value: number;
  key?: number;
}

function walk(lines: Lines, path: Path): Found | undefined {
  try {
    const first = nextContent(lines, 0, lines.count);
    if (first === undefined) return undefined;
    const head = lines.line(first).trimStart();
    if (head.startsWith('%') || head.startsWith('---')) return undefined;
    let block: Block | undefined = { from: first, to: lines.count, col: lines.indent(first) as number };
    let found: Found = { value: lines.starts[first] as number + block.col };
    for (const seg of path) {
      if (!block) break;
      const step: { found: Found; block?: Block } | undefined = lines.line(block.from).slice(block.col).startsWith('-') ? item(lines, block, seg) : member(lines, block, seg);
      if (!step) break;
      ({ found, block } = step);
    }
    return found;
  } catch (e) {
    if (e instanceof Unsure) return undefined;
    throw e;
  }
}

function nextContent(lines: Lines, from: number, to: number): number | undefined {
  for (let n = from; n < to; n++) if (lines.indent(n) !== undefined) return n;
  return undefined;
}

/** The lines of a block that start its entries: at its column, the first one possibly mid-line. */
function* entries(lines: Lines, block: Block): Generator<number> {
  yield block.from;
  for (let n = block.from + 1; n < block.to; n++) {
    const i = lines.indent(n);
    if (i === undefined || i > block.col) continue;
    if (i < block.col) throw new Unsure();
    yield n;
  }
}

/** Where an entry's lines end: the next line at or left of its column (a mapping's entry keeps the items of a sequence at its indent). */
function entryEnd(lines: Lines, block: Block, n: number, inMap = false): number {
  for (let m = n + 1; m < block.to; m++) {
    const i = lines.indent(m);
    if (i !== undefined && i <= block.col && !(inMap && i === block.col && SEQ_ITEM.test(lines.line(m).slice(i)))) return m;
  }
  return block.to;
}

const SEQ_ITEM = /^-(?: |$)/;

/**
 * A plain key a YAML reader might take for a number (`01`, `1e3`, `0x1F`, `1_000`, `.5`, `.inf`), whose text is then not
 * the key the data has. Others are strings as written: Adyen names its examples `01.klarna`.
 */
const MAYBE_NUMBER = /^[-+]?(?:[0-9][0-9a-fA-FxXoObB_.eE+-]*|\.[0-9a-zA-Z_.+-]*)$/;

const KEY = /^(?:"([^"\\]*)"|'([^']*)'|([^\s#'"&*!|>%@`{}[\],?:-][^#:]*?|-[^\s#:][^#:]*?))[ ]*:(?:[ ]+|$)/;

function member(lines: Lines, block: Block, seg: string | number): { found: Found; block?: Block } | undefined {
  for (const n of entries(lines, block)) {
    const l = lines.line(n).slice(block.col);
    // An item of a sequence standing at its key's own indent: part of the entry above.
    if (SEQ_ITEM.test(l)) continue;
    const m = KEY.exec(l);
    if (!m) throw new Unsure();
    const key = m[1] ?? m[2] ?? (m[3] as string).trimEnd();
    if (m[3] !== undefined && MAYBE_NUMBER.test(key) && String(Number(key)) !== key) throw new Unsure();
    if (key !== String(seg)) continue;
    return withKey(valueAfter(lines, n, block.col + m[0].length, entryEnd(lines, block, n, true), block.col, true), (lines.starts[n] as number) + block.col);
  }
  return undefined;
}

function withKey(step: { found: Found; block?: Block }, key: number): { found: Found; block?: Block } {
  return { ...step, found: { ...step.found, key } };
}

function item(lines: Lines, block: Block, seg: string | number): { found: Found; block?: Block } | undefined {
  if (typeof seg !== 'number') return undefined;
  let k = 0;
  for (const n of entries(lines, block)) {
    const l = lines.line(n).slice(block.col);
    if (!/^-(?: |$)/.test(l)) throw new Unsure();
    if (k++ < seg) continue;
    const rest = l.slice(1).search(/[^ ]/);
    const end = entryEnd(lines, block, n);
    if (rest === -1) return valueAfter(lines, n, l.length + block.col, end, block.col, false);
    const col = block.col + 1 + rest;
    // `- key: value`: a mapping whose entries start here, at the item's content.
    if (KEY.test(l.slice(1 + rest))) return { found: { value: (lines.starts[n] as number) + col }, block: { from: n, to: end, col } };
    return valueAfter(lines, n, col, end, block.col, false);
  }
  return undefined;
}

/** The value that starts at `col` of line `n` (after a key or a dash), or, when nothing follows there, on the lines below. */
function valueAfter(lines: Lines, n: number, col: number, end: number, parentCol: number, inMap: boolean): { found: Found; block?: Block } {
  const rest = lines.line(n).slice(col);
  if (rest !== '' && !rest.startsWith('#')) {
    if (/^[&*!{[]/.test(rest)) throw new Unsure();
    return { found: { value: (lines.starts[n] as number) + col } };
  }
  // A block sequence may stand at its key's own indent.
  const next = inMap ? nextContent(lines, n + 1, lines.count) : undefined;
  if (next !== undefined && lines.indent(next) === parentCol && /^-(?: |$)/.test(lines.line(next).slice(parentCol))) {
    let to = next + 1;
    while (to < lines.count && (lines.indent(to) === undefined || (lines.indent(to) as number) > parentCol || /^-(?: |$)/.test(lines.line(to).slice(parentCol)))) to++;
    return { found: { value: (lines.starts[next] as number) + parentCol }, block: { from: next, to, col: parentCol } };
  }
  const below = nextContent(lines, n + 1, end);
  if (below === undefined) throw new Unsure();
  const c = lines.indent(below) as number;
  const l = lines.line(below).slice(c);
  if (/^[&*!{[?|>]/.test(l)) throw new Unsure();
  const value = (lines.starts[below] as number) + c;
  if (/^-(?: |$)/.test(l) || KEY.test(l)) return { found: { value }, block: { from: below, to: end, col: c } };
  return { found: { value } };
}
