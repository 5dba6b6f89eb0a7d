import { checkRequest, pathTemplateSource, validSample } from '../../contract/index.ts';
import type { Operation } from '../../contract/index.ts';
import { loadVocabulary } from '../../errors/index.ts';
import type { Exchange, HttpRequest, RequestParts } from '../../http/index.ts';
import { buildRequest } from '../../http/index.ts';
import { getPointer, joinPointer, setPointer } from '../../json/index.ts';
import { resolveIdempotency } from '../../idempotency/index.ts';
import { newKey } from '../idempotency/request.ts';
import { networkFailure, parseRetryAfter } from '../../retry/index.ts';
import type { Partner } from '../../partner/index.ts';
import { resolveMovements } from '../../transactions/index.ts';
import { createRng } from '../../random/index.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import { currentCheckScope } from '../scope.ts';
import type { Check, CheckContext, CheckFamily, PlanOptions } from '../model.ts';
import { probeCreates, probeParts } from '../contract/probe.ts';
import { patient } from '../patience.ts';
import { reconcile } from '../retry/reconcile.ts';
import { isInventedCode, isLimitation, limitationMessage } from '../../simulator/index.ts';
import { applyChange, removeMember } from './apply.ts';
import { operationCases, withinBudget } from './cases.ts';
import type { ConformanceCase } from './cases.ts';
import { judgeAnswer } from './judge.ts';
import type { Finding } from './judge.ts';
import { curlLine, exactPattern, shellQuote } from './repro.ts';

/** Cases per operation unless the profile (`conformance.maxCases`) or `--max-cases` says otherwise: enough for CI. */
export const DEFAULT_MAX_CASES = 12;
/** Requests a failing case may spend finding a smaller request that fails the same way. */
const SHRINK_BUDGET = 12;
/** The longest Retry-After a case waits for before it sends again once. */
const MAX_RETRY_AFTER_MS = 30_000;
/** Methods tried on each path where the contract documents none of them. */
const PROBED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'TRACE'];

const EXPECTS = { valid: 'is answered as documented', invalid: 'is refused with a documented 4xx', tolerated: 'is answered without a server error' } as const;

/**
 * Family `conformance`: generated requests per operation, within a budget — valid ones at the edges of each
 * constraint, invalid ones breaking one constraint at a time, an unknown parameter, malformed JSON, another
 * content type — and every method a path does not document. Each answer must be documented and conform; an
 * invalid request must be refused with a 4xx the errors map knows, never accepted, never a 5xx. A failure is
 * shrunk to the smallest request that still fails the same way and printed as a curl command and the
 * `railgate run --grep` that re-runs that case alone. Creates make real test transactions: destructive, and
 * the last check finds each one again.
 */
export const conformanceFamily: CheckFamily = {
  family: 'conformance',
  severity: 'critical',
  plan(partner: Partner, opts: PlanOptions = {}): Check[] {
    const { contract, validators, profile } = partner;
    const max = opts.maxCases ?? profile.conformance?.maxCases ?? DEFAULT_MAX_CASES;
    const run = new RunState();
    const checks: Check[] = [];
    for (const op of contract.operations.values()) {
      // One check per distinct case: `--grep` must find one, and a case twice (a parameter declared twice) is one case.
      const titles = new Set<string>();
      const cases = operationCases(contract.bundled, validators, op).filter((c) => !titles.has(c.title) && titles.add(c.title));
      const destructive = op.mutating || probeCreates(partner, op);
      for (const c of withinBudget(cases, max)) checks.push(caseCheck(op, c, run, destructive));
    }
    const paths = new Map<string, Operation[]>();
    for (const op of contract.operations.values()) paths.set(op.path, [...(paths.get(op.path) ?? []), op]);
    const all = [...contract.operations.values()];
    for (const [path, ops] of paths) {
      const methods = PROBED_METHODS.filter((m) => !all.some((o) => o.method.toUpperCase() === m && servesPath(o.path, path)));
      // Methods the contract does not document may still write at the partner (an undocumented DELETE), and the path's
      // ids may need a resource created first: destructive, as a create's cases are.
      const destructive = probeCreates(partner, ops[0]!) || methods.some((m) => m !== 'GET' && m !== 'TRACE');
      if (methods.length > 0) checks.push(methodsCheck(path, ops[0]!, methods, run, destructive));
    }
    if (checks.length > 0 && contract.operations.size > 0) checks.push(createdCheck(run));
    return checks;
  },
};

/**
 * Whether a request to `path` (its own parameters as they are) reaches the operation at `template`: the same path,
 * or a templated one that takes it (`DELETE /customers/{id}` takes `DELETE /customers/bulk-create`, a customer
 * whose id is `bulk-create`). A method is undocumented on a path only when no operation of the method takes it.
 */
export function servesPath(template: string, path: string): boolean {
  if (template === path) return true;
  return new RegExp(`^${pathTemplateSource(template, '[^/]+').source}$`).test(path);
}

type Base = { parts?: RequestParts; skip?: string };
/** A base request as one case made it: sound when every request it made first (the creates of its ids) was answered 2xx. */
type MadeBase = Base & { sound: boolean; by?: string; unsound?: string };

/** What the family's checks share in one run: each operation's base request, and what its cases created. */
class RunState {
  readonly bases = new Map<string, Promise<MadeBase>>();
  readonly created: Array<{ op: Operation; exchange: Exchange }> = [];
  vocabulary?: Awaited<ReturnType<typeof loadVocabulary>>;

  /**
   * The operation's valid request (src/requests: examples, generated values, pins, ids of resources it creates
   * first), made once and shared by its cases, from a stream of its own: the same whichever case makes it, so a case
   * re-run alone (`--grep`) is sent as in the whole run. A base whose creates were not all answered 2xx (rate
   * limited, say) may hold an id that names nothing: no case is judged on it. Its maker's case is not judged (broken;
   * beside others, a 429 sends it once more, alone); the cases waiting on it share one new base, and are not judged
   * either if that one is no sounder.
   */
  async base(ctx: CheckContext, op: Operation): Promise<Base> {
    for (let tries = 0; ; tries++) {
      let shared = this.bases.get(op.id);
      if (!shared) {
        shared = makeBase(ctx, op);
        this.bases.set(op.id, shared);
      }
      const made = await shared;
      if (made.sound) return made;
      if (this.bases.get(op.id) === shared) this.bases.delete(op.id);
      if (tries > 0 || made.by === currentCheckScope()?.id) throw new CheckFailure(`no valid request for ${op.id} to change: ${made.unsound}; the case is not judged`, { kind: 'configuration' });
    }
  }
}

async function makeBase(ctx: CheckContext, op: Operation): Promise<MadeBase> {
  const scope = currentCheckScope();
  const from = scope?.exchanges.length ?? 0;
  const base = await probeParts({ ...ctx, rng: createRng(ctx.seed).fork(`conformance-base:${ctx.partner.id}:${op.id}`) }, op);
  const off = (scope?.exchanges.slice(from) ?? []).filter((e) => e.response === undefined || e.response.status < 200 || e.response.status >= 300);
  const unsound = off.map((e) => `${e.request.operationId ?? e.request.method} #${e.seq} answered ${e.response?.status ?? e.error?.code ?? 'nothing'}`).join(', ');
  return { ...base, sound: off.length === 0, ...(scope && { by: scope.id }), ...(off.length > 0 && { unsound: `the requests it made first were not all answered 2xx (${unsound})` }) };
}

function caseCheck(op: Operation, c: ConformanceCase, run: RunState, destructive: boolean): Check {
  const name = `${op.id}: ${c.title} ${EXPECTS[c.kind]}`;
  return {
    name,
    family: 'conformance',
    severity: c.kind === 'invalid' ? 'critical' : 'normal',
    tags: ['conformance', c.kind, c.rule],
    destructive,
    // Each case stands alone: its own idempotency key and reference, nothing counted (createdCheck counts, last).
    independent: true,
    async run(ctx) {
      const base = await run.base(ctx, op);
      if (!base.parts) throw new CheckSkipped(`no valid request for ${op.id} to change: ${base.skip ?? 'none could be made'}`);
      run.vocabulary ??= await loadVocabulary();
      const form = formed(ctx, op, c, base.parts);
      if ('why' in form) throw new CheckSkipped(`the case cannot be formed on ${op.id}'s request: ${form.why}`);
      const first = await sendCase(ctx, op, c, form.parts, run, 'send');
      // A header railgate's own signing writes (a contract may document X-Nonce or Authorization as a parameter)
      // goes out as the signer made it, not as the case: the partner's answer says nothing of the case.
      if (!sentAsCased(c, first.request)) throw new CheckSkipped(`${c.where} is written by railgate's own signing (the profile's auth): the request sent is not the case`);
      // Still rate limited after waiting once: the case never reached the partner's judgement, and a 429 is no verdict on it.
      if (first.response?.status === 429) throw new CheckFailure(`${op.id}: rate limited twice (429), the case could not be judged: run fewer cases (--max-cases) or when the partner's limit allows`, { kind: 'configuration' });
      const finding = judge(ctx, op, c, first, run);
      if (!finding) return;
      const shrunk = await shrink(ctx, op, c, base.parts, form, { finding, exchange: first, note: '' }, run);
      throw new CheckFailure(failureText(ctx, op, c, name, shrunk.finding, shrunk.exchange, shrunk.note), { kind: finding.kind });
    },
  };
}

/** The case's request on this base, and the request issues it must have (none for a valid case), or why it cannot be made. */
function formed(ctx: CheckContext, op: Operation, c: ConformanceCase, base: RequestParts): { parts: RequestParts; issues: string[] } | { why: string } {
  const { contract, validators } = ctx.partner;
  const fill = (a: { schemaPointer: string }): unknown => validSample(contract.bundled, validators, { pointer: a.schemaPointer, direction: 'request', seed: ctx.seed, label: 'body' }).value;
  const parts = applyChange(base, c.change, fill);
  if (!parts) return { why: `${c.where} has no place in the generated body` };
  const issues = requestIssues(ctx, op, parts);
  if (c.kind === 'valid' && issues.length > 0) return { why: `the contract refuses it (${issues.join('; ')})` };
  if (c.kind === 'invalid' && issues.length === 0 && c.change.do === 'set') return { why: `the contract accepts it` };
  return { parts, issues };
}

/** What the contract says is wrong with a request (the simulator's own test): compared before and after shrinking. */
function requestIssues(ctx: CheckContext, op: Operation, parts: RequestParts): string[] {
  const headers = Object.fromEntries(Object.entries(parts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const text = (bag: Record<string, unknown> | undefined): Record<string, string> => Object.fromEntries(Object.entries(bag ?? {}).map(([k, v]) => [k, String(v)]));
  const contentType = headers['content-type'];
  let body = parts.body;
  if (typeof body === 'string') {
    // Cut short and sent as JSON: malformed, whatever it held. Sent under another type: still judged by what its text
    // holds, so that shrinking the case cannot leave out a required member and break that too.
    if (contentType === undefined || /json/i.test(contentType)) return ['the body is not JSON'];
    try {
      body = JSON.parse(body);
    } catch {
      return ['the body is not JSON'];
    }
  }
  const issues = checkRequest(ctx.partner.validators, op, { pathParams: text(parts.params), query: text(parts.query), headers, body, ...(contentType ? { contentType } : {}) }).map((i) => i.message);
  if (contentType && !/json/i.test(contentType) && parts.body !== undefined) issues.push(`the body is sent as ${contentType}`);
  return issues.sort();
}

/** Whether the request that went out carries the case's parameter change as made (signing writes some headers). */
function sentAsCased(c: ConformanceCase, sent: HttpRequest): boolean {
  const { change } = c;
  if ((change.do !== 'set' && change.do !== 'remove') || (change.part !== 'header' && change.part !== 'query')) return true;
  const want = change.do === 'set' ? String(change.value) : undefined;
  const got = change.part === 'header' ? sent.headers[change.name] : (new URL(sent.url).searchParams.get(change.name) ?? undefined);
  return got === want;
}

/** Sends one request of a case: a fresh idempotency key; a 429 or 503 waited out (Retry-After, at most 30 s) and sent once more. */
async function sendCase(ctx: CheckContext, op: Operation, c: ConformanceCase, parts: RequestParts, run: RunState, label: string): Promise<Exchange> {
  const send = (): Promise<Exchange> => ctx.call(op.id, freshIdentity(ctx, op, c, parts), `${label}: ${c.title}`, patient(ctx));
  let exchange = await send();
  const status = exchange.response?.status;
  if (status === 429 || status === 503) {
    const after = parseRetryAfter(exchange.response!.headers['retry-after'], ctx.clock.now());
    await ctx.clock.sleep(Math.min(after ?? 1000, MAX_RETRY_AFTER_MS));
    exchange = await send();
  }
  if (op.mutating && exchange.response && exchange.response.status < 300) run.created.push({ op, exchange });
  return exchange;
}

/**
 * Every request of a case stands on its own, as the other families' requests do: a fresh idempotency key in the
 * profile's format, and a fresh reference for a transaction's create (a partner may refuse or merge a reused one),
 * unless the case is about that very key or reference, or the contract would refuse the new reference.
 */
function freshIdentity(ctx: CheckContext, op: Operation, c: ConformanceCase, parts: RequestParts): RequestParts {
  const changed = c.change.do === 'set' || c.change.do === 'remove' ? c.change : undefined;
  let out = parts;
  const idem = resolveIdempotency(ctx.partner.profile);
  const header = idem?.header.toLowerCase();
  if (idem && header && idem.operations.includes(op.id) && parts.headers?.[header] !== undefined && !(changed?.part === 'header' && changed.name === header)) {
    out = { ...out, headers: { ...out.headers, [header]: newKey(ctx.rng, idem) } };
  }
  const reference = Object.values(ctx.partner.profile.transactions ?? {}).find((t) => t.create === op.id)?.reference;
  const body = out.body;
  if (!reference || typeof body !== 'object' || body === null || typeof getPointer(body, reference) !== 'string') return out;
  if (changed?.part === 'body' && (changed.name === reference || reference.startsWith(`${changed.name}/`))) return out;
  const renamed = structuredClone(body);
  setPointer(renamed, reference, `RG-CONF-${ctx.rng.alnum(10)}`);
  const candidate = { ...out, body: renamed };
  return requestIssues(ctx, op, candidate).join('\n') === requestIssues(ctx, op, out).join('\n') ? candidate : out;
}

function judge(ctx: CheckContext, op: Operation, c: ConformanceCase, exchange: Exchange, run: RunState): Finding | undefined {
  // The embedded simulator marks what it cannot say within the contract it serves: railgate's limit, never the partner's.
  const r = exchange.response;
  if (ctx.env === 'simulator' && r && isLimitation(r.headers)) return { signature: 'simulator-limitation', kind: 'simulator-limitation', message: `the simulator could not answer within the contract: ${limitationMessage(r.body) ?? r.status}` };
  const errors = ctx.partner.profile.errors;
  const finding = judgeAnswer({ validators: ctx.partner.validators, ...(errors && { errors }), ...(run.vocabulary && { vocabulary: run.vocabulary }) }, op, c.kind, exchange);
  // A code the simulator made up (no code the profile maps fits its answer) is railgate's word, not the partner's.
  if (finding?.signature === 'unmapped-error' && ctx.env === 'simulator' && r && isInventedCode(r.headers)) {
    return { ...finding, kind: 'simulator-limitation', message: `${finding.message}: a code the simulator made up, as the profile maps none it could say here` };
  }
  return finding;
}

interface Shrunk {
  finding: Finding;
  exchange: Exchange;
  note: string;
}

/**
 * The smallest request that still fails the same way: optional query parameters, headers and body members the
 * case does not change are left out one at a time, each kept out when the request has the same issues as before
 * (the case still breaks exactly what it broke, or nothing) and the partner's answer fails the same way.
 */
async function shrink(ctx: CheckContext, op: Operation, c: ConformanceCase, base: RequestParts, first: { parts: RequestParts; issues: string[] }, failed: Shrunk, run: RunState): Promise<Shrunk> {
  let best = failed;
  let current = { base };
  let spent = 0;
  for (const removal of removals(op, base, c)) {
    if (spent >= SHRINK_BUDGET) break;
    const smaller = removal(current.base);
    if (!smaller) continue;
    const form = formed(ctx, op, c, smaller);
    if ('why' in form || form.issues.join('\n') !== first.issues.join('\n')) continue;
    spent++;
    const exchange = await sendCase(ctx, op, c, form.parts, run, `shrink ${spent}`);
    const again = judge(ctx, op, c, exchange, run);
    if (again?.signature !== failed.finding.signature) continue;
    current = { base: smaller };
    best = { finding: again, exchange, note: '' };
  }
  const size = (p: RequestParts): number => Object.keys(p.query ?? {}).length + Object.keys(p.headers ?? {}).length + memberPointers(p.body).length;
  const note = best !== failed ? `shrunk from ${size(base)} to ${size(current.base)} parameters, headers and body members in ${spent} request${spent === 1 ? '' : 's'}` : spent > 0 ? `no smaller request fails the same way (${spent} tried)` : 'nothing to leave out';
  return { ...best, note };
}

/** The removals shrinking tries, in order: optional query parameters, optional headers, then body members deepest first. */
function removals(op: Operation, base: RequestParts, c: ConformanceCase): Array<(p: RequestParts) => RequestParts | undefined> {
  const changed = c.change.do === 'set' || c.change.do === 'remove' ? c.change.name : undefined;
  const required = new Set(op.parameters.filter((p) => p.required).map((p) => (p.in === 'header' ? p.name.toLowerCase() : p.name)));
  const out: Array<(p: RequestParts) => RequestParts | undefined> = [];
  for (const name of Object.keys(base.query ?? {})) if (!required.has(name) && name !== changed) out.push((p) => without(p, 'query', name));
  for (const name of Object.keys(base.headers ?? {})) if (!required.has(name) && name !== changed && op.parameters.some((x) => x.in === 'header' && x.name.toLowerCase() === name)) out.push((p) => without(p, 'headers', name));
  for (const pointer of memberPointers(base.body).reverse()) {
    if (changed && (changed === pointer || changed.startsWith(`${pointer}/`))) continue;
    out.push((p) => withoutMember(p, pointer));
  }
  return out;
}

function without(p: RequestParts, bag: 'query' | 'headers', name: string): RequestParts | undefined {
  if (p[bag]?.[name] === undefined) return undefined;
  const next = { ...p, [bag]: { ...p[bag] } };
  delete next[bag]![name];
  return next;
}

function withoutMember(p: RequestParts, pointer: string): RequestParts | undefined {
  if (getPointer(p.body, pointer) === undefined) return undefined;
  const body = structuredClone(p.body);
  return removeMember(body, pointer) ? { ...p, body } : undefined;
}

function memberPointers(body: unknown, at = ''): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.entries(body).flatMap(([k, v]) => {
    const pointer = joinPointer(at, k);
    return [pointer, ...memberPointers(v, pointer)];
  });
}

function failureText(ctx: CheckContext, op: Operation, c: ConformanceCase, name: string, finding: Finding, exchange: Exchange, note: string): string {
  const { command, variables, masked } = curlLine(exchange.request, (t) => ctx.auth.redact(t));
  const where = ` --env ${ctx.env}`;
  return [
    `${op.id}: ${c.title} — ${finding.message}. ${note[0]!.toUpperCase()}${note.slice(1)}.`,
    `  reproduce (${variables.length > 0 ? `${variables.join(', ')}: the credentials and signature railgate sends; 'railgate sign --partner ${ctx.partner.id} --operation ${op.id}${where}' prints them` : 'no credential needed'}${masked ? "; the body's card and account data are masked as in the reports: put the values sent back" : ''}):`,
    `    ${command}`,
    `  re-run this case alone: railgate run --partner ${ctx.partner.id} --env ${ctx.env} --family conformance --seed ${ctx.seed} --grep ${shellQuote(exactPattern(ctx.partner.id, name))}`,
  ].join('\n');
}

/** One check per path: every method the contract does not document there is answered 405 (or 501), never a 5xx, never a 2xx. */
function methodsCheck(path: string, op: Operation, methods: readonly string[], run: RunState, destructive: boolean): Check {
  const name = `${path}: ${methods.join(', ')} (not documented) are answered 405`;
  return {
    name,
    family: 'conformance',
    severity: 'normal',
    tags: ['conformance', 'methods'],
    destructive,
    independent: true,
    async run(ctx) {
      const base = await run.base(ctx, op);
      const params = base.parts?.params ?? {};
      const wrong: Array<{ method: string; exchange: Exchange; why: string }> = [];
      for (const method of methods) {
        const built = buildRequest(ctx.baseUrl, op, { params });
        const request = { ...built, method, headers: { ...built.headers } };
        delete request.body;
        delete request.headers['content-type'];
        // Signed as the path's operation is, but no operation's: the contract says nothing of this answer, so the
        // contract and errors families, which judge each operation's answers and codes, leave it to this check.
        const signed = { ...(await ctx.auth.sign(request, op)).request };
        delete signed.operationId;
        const exchange = await ctx.send(signed, `${method} ${path}`, patient(ctx));
        const status = exchange.response?.status;
        if (status === 405 || status === 501) continue;
        const code = exchange.error?.code;
        if (code && networkFailure(code) === 'refused') throw new CheckFailure(`${method} ${path}: no answer (${code}): railgate could not reach the partner, so nothing is judged (is the environment's baseUrl right?)`, { kind: 'configuration' });
        const why = status === undefined ? `no answer (${exchange.error?.code ?? 'none'})` : status >= 500 ? `${status}, a server error` : status < 300 ? `${status}: it accepted a method the contract does not document` : `${status}`;
        wrong.push({ method, exchange, why });
      }
      if (wrong.length === 0) return;
      const lines = wrong.map((w) => `  - ${w.method} ${path} answered ${w.why}\n    ${curlLine(w.exchange.request, (t) => ctx.auth.redact(t)).command.replace(/\n/g, '\n    ')}`);
      const server = wrong.some((w) => (w.exchange.response?.status ?? 500) >= 500 || (w.exchange.response?.status ?? 0) < 300);
      throw new CheckFailure(`${wrong.length} of ${methods.length} methods the contract does not document on ${path} are not answered 405:\n${lines.join('\n')}\n  re-run: railgate run --partner ${ctx.partner.id} --env ${ctx.env} --family conformance --seed ${ctx.seed} --grep ${shellQuote(exactPattern(ctx.partner.id, name))}`, { kind: server ? 'partner-defect' : 'contract-drift' });
    },
  };
}

/** Last: what the family's creates made, counted per operation, each transaction found again through the partner's own reads. */
function createdCheck(run: RunState): Check {
  return {
    name: 'every test transaction the conformance cases created is counted and found again',
    family: 'conformance',
    severity: 'normal',
    tags: ['conformance', 'reconciliation'],
    destructive: false,
    runsLast: true,
    async run(ctx) {
      if (run.created.length === 0) throw new CheckSkipped('the conformance cases created nothing in this run');
      const movements = resolveMovements(ctx.partner.profile);
      const counts = new Map<string, number>();
      // Lost: the partner's own read says it has no such transaction. Unread: railgate could not ask (no id where the
      // profile says it is) or got no answer: nothing is proven either way.
      const lost: string[] = [];
      const unread: string[] = [];
      for (const { op, exchange } of run.created) {
        counts.set(op.id, (counts.get(op.id) ?? 0) + 1);
        const m = movements.find((x) => x.spec.create === op.id);
        if (!m) continue;
        const found = await reconcile(ctx, m.spec, undefined, exchange);
        const which = `${op.id} #${exchange.seq}`;
        if (!found.readBack) unread.push(`${which} (no id at ${m.spec.id ?? '/id'} in its answer)`);
        else if (found.readBack.status === 0) unread.push(`${which} (no answer to its read)`);
        else if (found.readBack.status >= 300) lost.push(`${which} (read back ${found.readBack.status})`);
      }
      const summary = [...counts].map(([id, n]) => `${id} ${n}`).join(', ');
      const told = [lost.length > 0 && `not found again: ${lost.join('; ')}`, unread.length > 0 && `not read back: ${unread.join('; ')}`].filter(Boolean).join('\n');
      await ctx.report.attach('created by conformance cases', `${summary}\n${told || 'every transaction found again'}`, 'text/plain');
      if (lost.length > 0) throw new CheckFailure(`${lost.length} of ${run.created.length} test transactions the conformance cases created (${summary}) are not found again: ${lost.join('; ')}`);
      if (unread.length > 0) throw new CheckFailure(`${unread.length} of ${run.created.length} test transactions the conformance cases created (${summary}) could not be read back, so are not counted: ${unread.join('; ')}`, { kind: 'configuration' });
    },
  };
}

