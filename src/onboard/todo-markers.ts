import type { InputProblem } from '../source/index.ts';

/**
 * Every `# TODO …` comment of a YAML text, located at the word TODO: what `railgate init` could not infer and
 * left for a person. Lint lists each as a warning, so none is forgotten. A `#` inside a quoted value is no comment.
 */
export function todoMarkers(file: string, text: string): InputProblem[] {
  const out: InputProblem[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const hash = commentStart(line);
    if (hash < 0) return;
    const m = /^#\s*TODO\b:?\s*(.*)$/.exec(line.slice(hash));
    if (!m) return;
    // A long TODO goes on in comment lines indented under it (`#   …`): the message is all of it.
    let message = `TODO ${m[1]?.trim() ?? ''}`.trim();
    for (let j = i + 1; j < lines.length && /^\s*# {3}\S/.test(lines[j] ?? ''); j++) message += ` ${(lines[j] ?? '').trim().slice(1).trim()}`;
    out.push({ file, line: i + 1, col: hash + 1, path: '', message });
  });
  return out;
}

/** Where a line's comment starts: a `#` at the line's start or after a space, outside quotes; -1 when none. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return i;
  }
  return -1;
}
