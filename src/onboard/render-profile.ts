import { Document, isMap, isNode, isScalar, isSeq, visit } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { InferredProfile, Note } from './model.ts';

/** The YAML text of an inferred profile: its notes as comments (TODOs included), its proposals commented out at the end. */
export function renderProfile(inferred: InferredProfile, header: string[]): string {
  // No anchors: a list that two keys share (a state machine's terminal states and a state's transitions) is written
  // twice, so editing one cannot silently edit the other.
  const doc = new Document(inferred.profile, { aliasDuplicateObjects: false });
  // Lists of names on one line, as the example profiles write them: `terminal: [ACSC, RJCT]`.
  visit(doc, { Seq: (_, seq) => void (seq.items.every((i) => isScalar(i)) && (seq.flow = true)) });
  const orphans: string[] = [];
  const before = new Map<Pair, string[]>();
  const after = new Map<Node, string[]>();
  for (const n of inferred.notes) {
    // An item of a list (a trigger) takes its comment above itself.
    const item = doc.getIn(n.path, true);
    if (isSeq(doc.getIn(n.path.slice(0, -1), true)) && isNode(item)) {
      item.commentBefore = [...(item.commentBefore ? [item.commentBefore] : []), ...wrapComment(n.text).map((l) => ` ${l}`)].join('\n');
      continue;
    }
    const pair = pairAt(doc, n.path);
    if (!pair) {
      orphans.push(n.text);
      continue;
    }
    if (n.place === 'before' || !isNode(pair.value)) before.set(pair, [...(before.get(pair) ?? []), n.text]);
    else after.set(pair.value, [...(after.get(pair.value) ?? []), n.text]);
  }
  for (const [pair, lines] of before) (pair.key as Node).commentBefore = lines.flatMap((l) => wrapComment(l)).map((l) => ` ${l}`).join('\n');
  for (const [node, texts] of after) {
    if (!isScalar(node)) (node as YAMLMap).flow = true;
    node.comment = ` ${texts.join('; ')}`;
  }
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  const trailing = [...orphans.flatMap((l) => wrapComment(l)), ...inferred.proposals.flatMap((p) => ['', ...p.lines])];
  if (trailing.length > 0) doc.comment = trailing.map((l) => (l ? ` ${l}` : '')).join('\n');
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function pairAt(doc: Document, path: Note['path']): Pair | undefined {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]) as Pair | undefined;
}

/** Wraps a note that runs long: a comment line of at most ~110 characters. */
export function wrapComment(text: string, width = 110): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}
