import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar } from 'yaml';
import type { Node, Document, YAMLError } from 'yaml';
import { InputError, formatPath } from './input-error.ts';
import type { InputProblem } from './input-error.ts';
import { MAX_ALIAS_COUNT, MAX_DEPTH, MAX_PROBLEMS_PER_FILE } from './limits.ts';
import { duplicateKeys, firstNestedAlias, nestedBeyond } from './yaml-tree.ts';

export interface Position {
  line: number;
  col: number;
}

/** A parsed YAML (or JSON) file that can say where any key path sits in its text. */
export interface LocatedDocument {
  file: string;
  data: unknown;
  /** Where the value at `path` starts; the nearest existing ancestor when the path is absent. */
  locate(path: ReadonlyArray<string | number>, at?: 'key' | 'value'): Position;
  problem(path: ReadonlyArray<string | number>, message: string, at?: 'key' | 'value'): InputProblem;
}

/**
 * Parses YAML text keeping node ranges; a syntax error becomes a located InputError. So does a file railgate
 * will not expand: nested deeper than MAX_DEPTH, or with aliases that multiply (a "billion laughs" bomb).
 */
export function parseLocatedYaml(file: string, text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const at = (node: Node | undefined, message: string): InputProblem => ({ file, ...toPos(node?.range?.[0] ?? 0), path: '', message });
  if (doc.errors.length > 0) {
    // The parser's stack overflows once per level it unwinds: the first says it all.
    const overflow = doc.errors.filter((e) => /Maximum call stack size exceeded/.test(e.message)).sort((a, b) => a.pos[0] - b.pos[0])[0];
    throw new InputError((overflow ? [overflow] : doc.errors.slice(0, MAX_PROBLEMS_PER_FILE)).map((e) => syntaxProblem(file, e, toPos)));
  }
  const deep = nestedBeyond(doc.contents, MAX_DEPTH);
  if (deep) throw new InputError([at(deep, `nested more than ${MAX_DEPTH} levels deep: railgate reads at most ${MAX_DEPTH}`)]);
  const twice = duplicateKeys(doc.contents, MAX_PROBLEMS_PER_FILE);
  if (twice.length > 0) {
    throw new InputError(twice.map((d) => ({ ...at(d.key, `duplicate key (first at line ${toPos(d.first.range?.[0] ?? 0).line}): a map holds each key once`), path: formatPath(d.path) })));
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // The yaml library refuses to expand an alias past the count; it does not say which one.
    if (!(e instanceof ReferenceError)) throw e;
    throw new InputError([at(firstNestedAlias(doc.contents), 'aliases that expand into aliases multiply the data (a "billion laughs" YAML bomb?): railgate does not expand them')]);
  }
  const locate = (path: ReadonlyArray<string | number>, at: 'key' | 'value' = 'value'): Position => {
    const found = findNode(doc, path);
    const node = at === 'key' && found.key ? found.key : found.node;
    const offset = node?.range?.[0] ?? 0;
    return toPos(offset);
  };
  return {
    file,
    data,
    locate,
    problem(path, message, at) {
      const pos = locate(path, at);
      return { file, line: pos.line, col: pos.col, path: formatPath(path), message };
    },
  };
}

/** A syntax error in the yaml library's words, but where it has better ones (a stack overflow in its parser is the nesting). */
function syntaxProblem(file: string, e: YAMLError, toPos: (offset: number) => Position): InputProblem {
  const pos = toPos(e.pos[0]);
  if (e.code === 'MULTIPLE_DOCS') return { file, ...pos, path: '', message: 'a second YAML document (after ---): railgate reads one document per file' };
  if (/Maximum call stack size exceeded/.test(e.message)) return { file, ...pos, path: '', message: `nested too deeply to read: railgate reads at most ${MAX_DEPTH} levels` };
  return { file, ...pos, path: '', message: firstLine(e.message) };
}

interface Found {
  node: Node | null;
  key: Node | null;
}

/** Walks the document along `path`, stopping at the deepest node that exists. */
function findNode(doc: Document, path: ReadonlyArray<string | number>): Found {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      key = pair.key as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      key = null;
      node = item;
    } else {
      break;
    }
  }
  return { node: (node as Node | null) ?? null, key };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
