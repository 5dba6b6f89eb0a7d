import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destructiveInProduction, planPartner } from '../src/checks/index.ts';
import { judgeAnswer, operationCases, servesPath, withinBudget } from '../src/checks/conformance/index.ts';
import { requestMedia } from '../src/contract/index.ts';
import { loadPartners } from '../src/partner/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { runFamily } from './helpers/family-run.ts';
import { REPO, tempDir } from './helpers/workspace.ts';
import { runInProcess } from './helpers/in-process.ts';
import type { InProcessRun } from './helpers/in-process.ts';

// Issue 16: the conformance family sends generated valid and invalid requests and every undocumented method, and
// judges each answer. On the clean simulators of the three example partners it finds nothing; each planted defect
// of the family is caught with its reason, a shrunk request, its curl line and the `--grep` that re-runs that case.

const SEED = 42;
const partners = new Map<string, Partner>();
let reports: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  for (const p of await loadPartners(REPO)) partners.set(p.id, p);
  reports = await tempDir('railgate-conformance-');
});
afterAll(() => reports.dispose());

function notPassed(r: InProcessRun): string {
  return r.outcomes
    .filter((o) => o.status !== 'passed')
    .map((o) => `[${o.status}] ${o.name}: ${o.reason ?? ''}`)
    .join('\n');
}

describe('conformance family', () => {
  it.each(['pixpay', 'eurocard', 'lionbank'])('finds nothing on the clean %s simulator, within its default budget, and exercises every operation', async (id) => {
    const partner = partners.get(id)!;
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED });
    expect(notPassed(r)).toBe('');
    expect(r.readiness.verdict).toBe('GO');
    const called = new Set(r.exchanges.map((e) => e.request.operationId));
    for (const op of partner.contract.operations.keys()) expect(called, op).toContain(op);
    // Every kind of case ran: valid edges, broken constraints, the unknown parameter, and the methods.
    const names = r.outcomes.map((o) => o.name).join('\n');
    for (const kind of [/is refused with a documented 4xx/, /is answered as documented/, /answered without a server error/, /\(not documented\) are answered 405/]) expect(names).toMatch(kind);
  });

  const DEFECTS = [
    { defect: 'undocumented-status', check: /^getPayout: an unknown query parameter 'railgate_unexpected'/, reason: /\[contract-drift\] getPayout: an unknown query parameter 'railgate_unexpected' — answered 400, which the contract does not document \(documented: 200, 401, 404\)/ },
    { defect: 'method-not-allowed-500', check: /^\/payouts: PUT, PATCH, DELETE, TRACE/, reason: /\[partner-defect\] 4 of 4 methods the contract does not document on \/payouts are not answered 405:\n {2}- PUT \/payouts answered 500, a server error\n {4}curl -sS -i -X PUT '.*\/v2\/payouts'[\s\S]*- TRACE \/payouts answered 500/ },
    // A small budget where the case is among the first rules: every accepted invalid create is shrunk, then read back.
    { defect: 'accepts-invalid', maxCases: 4, check: /^createPayout: body \/amount of the wrong type/, reason: /\[partner-defect\] createPayout: body \/amount of the wrong type \("not-a-number" where integer is due\) — accepted it with 201, where the contract forbids it: a documented 4xx is due\. Shrunk from \d+ to \d+ parameters, headers and body members in \d+ requests?\./ },
    { defect: 'length-rule-ignored', maxCases: 5, check: /^createPayout: body \/reference 65 characters, over its maxLength 64/, reason: /— accepted it with 201, where the contract forbids it[\s\S]*--data-raw '\{[^']*"reference":"a{65}"/ },
    { defect: '5xx-on-malformed-json', check: /^createPayout: body is malformed JSON/, reason: /\[partner-defect\] createPayout: body is malformed JSON \(cut short\) — answered 500: a server error, where a documented 4xx is due/ },
    { defect: 'wrong-content-type', check: /^createPayout: body sent as text\/plain/, reason: /— accepted it with 201, where the contract forbids it[\s\S]*-H 'content-type: text\/plain'/ },
  ];

  it.each(DEFECTS)('catches $defect with its reason, a curl line without a secret, and the --grep of that one case', async ({ defect, check, reason, maxCases }) => {
    const partner = partners.get('pixpay')!;
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED, defects: [defect], ...(maxCases !== undefined && { maxCases }) });
    expect(r.readiness.verdict).toBe('NO-GO');
    const failed = r.outcomes.filter((o) => o.status === 'failed');
    const hit = failed.find((o) => check.test(o.name));
    expect(hit, notPassed(r)).toBeDefined();
    expect(hit!.reason).toMatch(reason);
    expect(hit!.reason).toMatch(/curl -sS -i -X (GET|POST|PUT|PATCH|DELETE|TRACE) '/);
    // Credentials and signatures read environment variables: the test key never shows.
    expect(hit!.reason).toMatch(/-H "x-api-key: \$RAILGATE_X_API_KEY"/);
    expect(hit!.reason).not.toContain('pk_test_railgate_simulator_0001');
    // Nothing but this family's defect fails: no other check is blamed.
    expect(failed.every((o) => o.reason?.includes('[partner-defect]') || o.reason?.includes('[contract-drift]'))).toBe(true);
    // The printed --grep selects exactly that case.
    const grep = /--grep '((?:[^']|'\\'')*)'/.exec(hit!.reason!)?.[1]?.replace(/'\\''/g, "'");
    expect(grep, hit!.reason).toBeDefined();
    const selected = planPartner(partner, { env: 'simulator', family: 'conformance', grep: grep!, ...(maxCases !== undefined && { maxCases }) }).families.flatMap((f) => f.checks);
    expect(selected.map((c) => c.name)).toEqual([hit!.name]);
  });

  it('never blames the partner for a header railgate signs: a case on it is skipped, as the request sent is not the case', async () => {
    // A contract that documents one of its signing headers as a parameter, as many document Authorization or X-Nonce.
    const partner = (await loadPartners(REPO, 'pixpay'))[0]!;
    const op = partner.contract.operations.get('createPayout')!;
    const idem = op.parameters.find((p) => p.name === 'Idempotency-Key')!;
    op.parameters.push({ ...idem, name: 'X-Nonce', required: true });
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED, maxCases: 200, checks: /header parameter 'X-Nonce'/ });
    expect(r.outcomes.map((o) => o.name)).toContain("createPayout: without its required header parameter 'X-Nonce' is refused with a documented 4xx");
    for (const o of r.outcomes) expect(`${o.status}: ${o.reason ?? ''}`).toBe("skipped: header parameter 'X-Nonce' is written by railgate's own signing (the profile's auth): the request sent is not the case");
  });

  it('never passes a case the partner only rate-limited: still 429 after its Retry-After, it is broken', async () => {
    const partner = (await loadPartners(REPO, 'eurocard'))[0]!;
    // EuroCard's rate-limit trigger, made to match every authorizePayment the simulator lets through.
    const trigger = partner.profile.errors!.triggers!.find((t) => t.code === 'RATE_LIMITED')!;
    trigger.body = {};
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED, checks: /^authorizePayment: .* is answered as documented$/ });
    expect(r.outcomes.length).toBeGreaterThan(0);
    for (const o of r.outcomes) expect(`${o.status}: ${o.reason ?? ''}`).toBe("broken: [configuration] authorizePayment: rate limited twice (429), the case could not be judged: run fewer cases (--max-cases) or when the partner's limit allows");
  });

  it('shrinks a body sent as text/plain only as far as its text still breaks nothing else: no required member left out', async () => {
    // A partner that reads text/plain as JSON and validates nothing on creates: every removal is answered alike.
    const partner = partners.get('pixpay')!;
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED, defects: ['wrong-content-type', 'accepts-invalid'], checks: /^createPayout: body sent as text\/plain/ });
    const reason = r.outcomes[0]?.reason ?? '';
    expect(reason).toMatch(/accepted it with 201[\s\S]*Shrunk from \d+ to \d+/);
    // The PIX key goes out whole but shows masked: the line says the curl body is not the bytes sent.
    expect(reason).toContain("the body's card and account data are masked as in the reports: put the values sent back");
    const sent = JSON.parse(/--data-raw '([^']*)'/.exec(reason)![1]!) as unknown;
    const schema = requestMedia(partner.contract.operations.get('createPayout')!)!.schemaPointer!;
    expect(partner.validators.validate(schema, sent).filter((i) => /required/.test(i.message))).toEqual([]);
  });

  it('never counts a created transaction it could not read back as found, nor blames the partner for it', async () => {
    // The profile points at no id in the create's answer: railgate cannot ask the partner for the payout.
    const partner = (await loadPartners(REPO, 'pixpay'))[0]!;
    partner.profile.transactions!.payout!.id = '/no-such-field';
    const r = await runInProcess(partner, { families: ['conformance'], seed: SEED, maxCases: 4, checks: /^createPayout: |created is counted/ });
    const counted = r.outcomes.find((o) => o.name === 'every test transaction the conformance cases created is counted and found again');
    expect(counted?.status).toBe('broken');
    expect(counted?.reason).toMatch(/^\[configuration\] \d+ of \d+ test transactions the conformance cases created \(createPayout \d+\) could not be read back, so are not counted: createPayout #\d+ \(no id at \/no-such-field in its answer\)/);
  });

  it('spreads a small budget over the kinds of change before it repeats one', () => {
    const partner = partners.get('pixpay')!;
    const op = partner.contract.operations.get('createPayout')!;
    const all = operationCases(partner.contract.bundled, partner.validators, op);
    const four = withinBudget(all, 4).map((c) => c.rule);
    expect(new Set(four).size).toBe(4);
    expect(four).toEqual(['malformed-json', 'required', 'type', 'at-maxLength']);
    expect(all.find((c) => c.rule === 'oversized')?.title).toBe('body /reference of 1 MiB (1048576 characters), an oversized body far over its maxLength 64');
    // Each broken value breaks its member's schema, each edge value keeps to it (checked when the cases are made).
    expect(all.filter((c) => c.kind === 'valid').map((c) => c.title)).toContain('body /amount at its maximum (100000000)');
    expect(all.filter((c) => c.kind === 'invalid').map((c) => c.title)).toContain("header parameter 'Idempotency-Key' 65 characters, over its maxLength 64");
  });

  it('a partner railgate cannot reach is no finding against it; a partner that drops the connection is', () => {
    const partner = partners.get('pixpay')!;
    const op = partner.contract.operations.get('createPayout')!;
    const exchange = (code: string) => ({ seq: 1, request: { method: 'POST', url: 'http://127.0.0.1:9/v2/payouts', headers: {} }, startedAt: '', durationMs: 0, error: { code, message: `${code} 127.0.0.1:9` } });
    expect(judgeAnswer({ validators: partner.validators }, op, 'invalid', exchange('ECONNREFUSED'))).toMatchObject({ kind: 'configuration', signature: 'unreachable' });
    expect(judgeAnswer({ validators: partner.validators }, op, 'invalid', exchange('ENOTFOUND'))?.message).toMatch(/could not reach the partner, so nothing is judged \(is the environment's baseUrl right\?\)/);
    expect(judgeAnswer({ validators: partner.validators }, op, 'invalid', exchange('ECONNRESET'))).toMatchObject({ kind: 'partner-defect', signature: 'no-answer' });
  });

  it('probes a method on a path only where no operation of that method takes the path', () => {
    // Square: DELETE /v2/customers/{customer_id} takes DELETE /v2/customers/bulk-create (a customer so named).
    expect(servesPath('/v2/customers/{customer_id}', '/v2/customers/bulk-create')).toBe(true);
    expect(servesPath('/v2/customers/{customer_id}', '/v2/customers/{id}')).toBe(true);
    expect(servesPath('/v2/customers/bulk-create', '/v2/customers/{customer_id}')).toBe(false);
    expect(servesPath('/v2/customers/{customer_id}', '/v2/customers/bulk-create/more')).toBe(false);
    expect(servesPath('/payouts', '/payouts')).toBe(true);
  });

  it('is destructive where it creates: its cases on creates, and on reads of a resource it must create first, are refused against production; a list is not', async () => {
    const refusedOf = (partner: Partner): string[] => destructiveInProduction(planPartner(partner, { env: 'production', family: 'conformance' }), { env: 'production' })?.checks.map((c) => c.name) ?? [];
    const refused = refusedOf(partners.get('pixpay')!);
    expect(refused.some((n) => n.startsWith('createPayout: '))).toBe(true);
    // getPayout's request names a payout: the case creates one first (a real payout in production).
    expect(refused.some((n) => n.startsWith('getPayout: '))).toBe(true);
    expect(refused.some((n) => n.startsWith('listPayouts: '))).toBe(false);
    // Undocumented methods may write (a DELETE the partner serves without saying so).
    expect(refused.some((n) => n.startsWith('/payouts: '))).toBe(true);
    // The payout the profile pins is read as it is: nothing is created.
    const pinned = (await loadPartners(REPO, 'pixpay'))[0]!;
    pinned.profile.requests = { ...pinned.profile.requests, getPayout: { params: { payoutId: 'po_pinned_0001' } } };
    expect(refusedOf(pinned).some((n) => n.startsWith('getPayout: '))).toBe(false);
    // The contract family's probe of a read creates what it reads just the same.
    const contractRefused = destructiveInProduction(planPartner(partners.get('pixpay')!, { env: 'production', family: 'contract' }), { env: 'production' })?.checks.map((c) => c.name) ?? [];
    expect(contractRefused).toContain('getPayout answers conform to the contract');
    expect(contractRefused).not.toContain('listPayouts answers conform to the contract');
  });

  it('plans the budget the profile or --max-cases sets', () => {
    const partner = partners.get('pixpay')!;
    const count = (maxCases?: number): number => planPartner(partner, { env: 'simulator', family: 'conformance', ...(maxCases !== undefined && { maxCases }) }).families.flatMap((f) => f.checks).filter((c) => c.name.startsWith('createPayout:')).length;
    expect(count(2)).toBe(2);
    expect(count()).toBe(12);
  });

  it('through the CLI: a planted defect is NO-GO, printed with its curl line and the run that repeats it', async () => {
    const r = await runFamily({ reports: reports.dir, name: 'cli', partner: 'lionbank', family: 'conformance', defect: 'method-not-allowed-500', args: ['--max-cases', '2', '--reporter', 'plain'] });
    expect(r.code).toBe(1);
    expect(r.ready.verdict).toBe('NO-GO');
    expect(r.stdout).toMatch(/FAILED {2}lionbank › conformance › \/payouts: PUT, PATCH, DELETE, TRACE \(not documented\) are answered 405/);
    expect(r.stdout).toMatch(/- TRACE \/payouts answered 500, a server error\n\s+curl -sS -i -X TRACE 'http:\/\/127\.0\.0\.1:\d+\/[^']*\/payouts'/);
    expect(r.stdout).toMatch(/re-run: railgate run --partner lionbank --env simulator --family conformance --seed \d+ --grep '\^lionbank conformance \/payouts: PUT, PATCH, DELETE, TRACE \\\(not documented\\\) are answered 405\$'/);
    // The budget held: two cases per operation, plus the methods of each path and the count of what was created.
    const planned = r.ready.checks.filter((c) => c.family === 'conformance' && /^\w+: /.test(c.name));
    expect(planned.length).toBeLessThanOrEqual(2 * partners.get('lionbank')!.contract.operations.size);
  });
});
