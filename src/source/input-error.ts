/** A mistake in a file the user wrote, with the place it sits. Data apart from words: see formatInputError. */
export interface InputProblem {
  file: string;
  line: number;
  col: number;
  /** Dotted path to the key, e.g. `idempotency.header` or `steps[2].call`; empty for the whole file. */
  path: string;
  message: string;
}

/** Thrown by loaders; carries every problem found, so a user fixes them all in one pass. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map(formatInputProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** `partners/pixpay.yaml:12:5  idempotency.header: must be a string` */
export function formatInputProblem(p: InputProblem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  return p.path ? `${where}  ${p.path}: ${p.message}` : `${where}  ${p.message}`;
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}

/** Formats a key path as users read it: `steps[2].expect.status`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) {
    // Numeric keys (status codes in a contract) read the same whether they came as numbers or strings.
    if (typeof seg === 'number' || /^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
