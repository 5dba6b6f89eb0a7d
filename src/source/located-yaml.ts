import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar } from 'yaml';
import type { Node, Document } from 'yaml';
import { InputError, formatPath } from './input-error.ts';
import type { InputProblem } from './input-error.ts';

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

/** Parses YAML text keeping node ranges; a syntax error becomes a located InputError. */
export function parseLocatedYaml(file: string, text: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        // With prettyErrors off the library leaves linePos unset; the offset is always there.
        const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, path: '', message: firstLine(e.message) };
      }),
    );
  }
  const toPos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const locate = (path: ReadonlyArray<string | number>, at: 'key' | 'value' = 'value'): Position => {
    const found = findNode(doc, path);
    const node = at === 'key' && found.key ? found.key : found.node;
    const offset = node?.range?.[0] ?? 0;
    return toPos(offset);
  };
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }),
    locate,
    problem(path, message, at) {
      const pos = locate(path, at);
      return { file, line: pos.line, col: pos.col, path: formatPath(path), message };
    },
  };
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
