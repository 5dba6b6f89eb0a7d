import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../../test/helpers/workspace.ts';
import { loadVocabulary } from '../errors/index.ts';
import type { Vocabulary } from '../errors/index.ts';
import { InputError } from '../source/index.ts';
import { inferProfile } from './infer-profile.ts';
import { initPartner } from './init-partner.ts';
import { loadOnboardingContract } from './load-for-onboarding.ts';
import { proposeStates } from './propose-states.ts';
import { renderProfile } from './render-profile.ts';
import { suggestCanonical } from './suggest-canonical.ts';
import { todoMarkers } from './todo-markers.ts';

const fixture = (f: string): string => path.join(REPO, 'test/fixtures/contracts', f);

let vocabulary: Vocabulary;
let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  vocabulary = await loadVocabulary();
  tmp = await tempDir('railgate-onboard-');
});
afterAll(() => tmp.dispose());

describe('inferProfile', () => {
  it('reads auth, idempotency, the error code and its codes, transactions and magic values from the contract', async () => {
    const { contract } = await loadOnboardingContract(fixture('onboard-acme.yaml'));
    const inferred = inferProfile(contract, vocabulary, { id: 'acme', contractRef: 'x.yaml' });
    const p = inferred.profile;
    expect(p.auth).toEqual({ apiKey: { in: 'header', name: 'X-Acme-Key', valueEnv: 'ACME_API_KEY' } });
    expect(p.environments.simulator?.testCredentials).toEqual({ ACME_API_KEY: 'test_railgate_simulator_acme_api_key' });
    // The contract documents neither 400 nor 409 for createPayout: the answers it does document (422), each a TODO.
    expect(p.idempotency).toEqual({ header: 'Idempotency-Key', operations: ['createPayout'], answers: { missingKey: { status: 422 }, inFlight: { status: 422 } } });
    expect(p.errors?.code).toBe('/error/code');
    expect(p.errors?.map).toEqual({ INSUFFICIENT_FUNDS: { canonical: 'AM04' }, PAYOUT_NOT_FOUND: { canonical: 'NOT_FOUND' }, UNAUTHORIZED: { canonical: 'AUTHENTICATION_FAILED' } });
    // The machine from the status names: PENDING first, PAID and FAILED terminal, FAILED moving no money.
    const states = { initial: 'PENDING', transitions: { PENDING: ['PAID', 'FAILED'] }, terminal: ['PAID', 'FAILED'], failed: ['FAILED'] };
    expect(p.transactions?.payout).toEqual({ create: 'createPayout', read: 'getPayout', id: '/id', idParam: 'payoutId', state: '/status', amount: '/amount', currency: '/currency', states });
    expect(p.rails).toEqual(['XX-UNSET']);
    // A mutating operation without the header is a finding at the operation.
    expect(inferred.findings).toEqual([expect.objectContaining({ rule: 'idempotency-header', message: expect.stringMatching(/^cancelPayout \(POST \/payouts\/\{payoutId\}\/cancel\) documents no Idempotency-Key header/) })]);
    const text = renderProfile(inferred, []);
    expect(text).toMatch(/INSUFFICIENT_FUNDS: \{canonical: AM04\} # TODO confirm \(createPayout 422 enum\)/);
    expect(text).toMatch(/rails: \[XX-UNSET\] # TODO which rail/);
    // A void made under its payout (/payouts/{payoutId}/cancel) needs a payout's id: a TODO, and no baseline scenario.
    expect(text).toMatch(/# TODO cancelPayout creates it under an earlier resource \(payoutId\): no baseline scenario/);
    expect(text).toMatch(/inFlight: \{status: 422\} # TODO confirm: a duplicate while the first is processed is answered 409 by default/);
    // The magic amount goes where an integer amount belongs in the operation documenting the code.
    expect(p.errors?.triggers).toEqual([{ code: 'INSUFFICIENT_FUNDS', operation: 'createPayout', body: { amount: 999999 } }]);
    expect(text).toMatch(/ {4}# TODO confirm: the contract says "Sandbox: an amount of 999999 is refused with INSUFFICIENT_FUNDS\."\n {4}- code: INSUFFICIENT_FUNDS/);
  });

  it('an error body with no code field is a finding and a TODO, never a silent default', async () => {
    const file = path.join(tmp.dir, 'no-code.yaml');
    await writeFile(
      file,
      `openapi: 3.1.0
info: { title: No code, version: '1' }
paths:
  /x:
    post:
      operationId: makeX
      responses:
        '201': { description: ok }
        '400': { description: bad, content: { application/json: { schema: { type: object, properties: { detail: { type: string } } } } } }
`,
    );
    const { contract } = await loadOnboardingContract(file);
    const inferred = inferProfile(contract, vocabulary, { id: 'nocode', contractRef: 'no-code.yaml' });
    expect(inferred.findings.map((f) => f.rule)).toEqual(['idempotency-header', 'error-code-schema']);
    expect(inferred.findings[1]?.message).toMatch(/^no error response schema has a code field \(first: makeX 400\)/);
    expect(renderProfile(inferred, [])).toMatch(/code: \/code # TODO no error body in the contract has a code field/);
  });

  it('a contract with no error answer at all is a finding at its paths; a receiver contract, which answers no call, is not', async () => {
    const file = path.join(tmp.dir, 'no-errors.yaml');
    await writeFile(file, `openapi: 3.1.0\ninfo: { title: No errors, version: '1' }\npaths:\n  /x:\n    get:\n      operationId: getX\n      responses:\n        '200': { description: ok }\n`);
    const inferred = inferProfile((await loadOnboardingContract(file)).contract, vocabulary, { id: 'noerr', contractRef: 'no-errors.yaml' });
    expect(inferred.findings).toEqual([{ rule: 'error-code-schema', message: 'no operation documents an error response with a JSON body: railgate cannot tell where the partner says what went wrong', pointer: '/paths' }]);
    expect(inferred.profile.errors).toBeUndefined();
    const hooks = path.join(tmp.dir, 'hooks.yaml');
    await writeFile(hooks, `openapi: 3.1.0\ninfo: { title: Hooks, version: '1' }\nwebhooks:\n  paid:\n    post:\n      requestBody: { content: { application/json: { schema: { type: object, properties: { type: { const: payment.paid } } } } } }\n      responses:\n        '200': { description: ok }\n`);
    const receiver = inferProfile((await loadOnboardingContract(hooks)).contract, vocabulary, { id: 'hooks', contractRef: 'hooks.yaml' });
    expect(receiver.findings).toEqual([]);
    expect(receiver.proposals.find((p) => p.key === 'webhooks')?.lines).toContain('  events: [payment.paid]');
  });

  it('a mutating operation without the idempotency header: a POST may pay twice, a PATCH or DELETE is applied twice', async () => {
    const file = path.join(tmp.dir, 'methods.yaml');
    const op = (id: string) => `      operationId: ${id}\n      responses:\n        '200': { description: ok }\n`;
    await writeFile(file, `openapi: 3.1.0\ninfo: { title: Methods, version: '1' }\npaths:\n  /x/{id}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    post:\n${op('postX')}    patch:\n${op('patchX')}    delete:\n${op('deleteX')}`);
    const inferred = inferProfile((await loadOnboardingContract(file)).contract, vocabulary, { id: 'methods', contractRef: 'methods.yaml' });
    expect(inferred.findings.filter((f) => f.rule === 'idempotency-header').map((f) => f.message.replace(/^.* header: /, ''))).toEqual([
      'a retry after a timeout may pay twice',
      'a retry after a timeout may apply the DELETE twice',
      'a retry after a timeout may apply the PATCH twice',
    ]);
  });

  it('an idempotency answer some operations do not document names, per status documented instead, the operations', async () => {
    const file = path.join(tmp.dir, 'answers.yaml');
    const key = "parameters: [{ name: Idempotency-Key, in: header, schema: { type: string } }]";
    const err = (s: string) => `'${s}': { description: e, content: { application/json: { schema: { type: object, properties: { code: { type: string } } } } } }`;
    await writeFile(file, `openapi: 3.1.0\ninfo: { title: Answers, version: '1' }\npaths:\n  /a:\n    post:\n      operationId: makeA\n      ${key}\n      responses: { '201': { description: ok }, ${err('400')}, ${err('422')} }\n  /b:\n    post:\n      operationId: makeB\n      ${key}\n      responses: { '201': { description: ok }, ${err('400')}, ${err('422')} }\n  /c:\n    post:\n      operationId: makeC\n      ${key}\n      responses: { '201': { description: ok } }\n`);
    const inferred = inferProfile((await loadOnboardingContract(file)).contract, vocabulary, { id: 'answers', contractRef: 'answers.yaml' });
    const texts = inferred.notes.filter((n) => n.todo && n.path.join('.') === 'idempotency').map((n) => n.text);
    expect(texts).toContain('TODO a request without the key is expected with 400, which not every idempotent operation documents (400: makeA, makeB; no status that fits: makeC): add answers.missingKey');
    expect(texts).toContain('TODO a duplicate while the first is processed is expected with 409, which not every idempotent operation documents (422 instead: makeA, makeB; no status that fits: makeC): add answers.inFlight');
  });

  it('a magic value no request field fits is a commented-out proposal, not an active guess', async () => {
    const file = path.join(tmp.dir, 'magic.yaml');
    await writeFile(
      file,
      `openapi: 3.1.0
info: { title: Magic, version: '1', description: 'The sandbox answers ACCOUNT_BLOCKED for the account \`acct-blocked-01\`.' }
paths:
  /transfers:
    post:
      operationId: createTransfer
      requestBody: { content: { application/json: { schema: { type: object, properties: { idempotency_key: { type: string } } } } } }
      responses:
        '201': { description: ok }
        '422': { description: refused, content: { application/json: { schema: { type: object, properties: { code: { enum: [ACCOUNT_BLOCKED] } } } } } }
`,
    );
    const { contract } = await loadOnboardingContract(file);
    const inferred = inferProfile(contract, vocabulary, { id: 'magic', contractRef: 'magic.yaml' });
    expect(inferred.profile.errors?.triggers).toBeUndefined();
    // Square's way: the key in the body is named, as railgate's checks send a header.
    expect(inferred.findings[0]?.message).toBe("createTransfer (POST /transfers) documents no idempotency header: its key travels in the body (/idempotency_key), which railgate's idempotency checks do not send");
    expect(inferred.profile.errors?.map).toEqual({ ACCOUNT_BLOCKED: { canonical: 'AC06' } });
    const text = renderProfile(inferred, []);
    expect(text).toContain('# TODO trigger for ACCOUNT_BLOCKED: the contract says "The sandbox answers ACCOUNT_BLOCKED for the account `acct-blocked-01`." — which field carries acct-blocked-01?');
    expect(text).toContain('#   - { code: ACCOUNT_BLOCKED, operation: createTransfer, body: { <field>: "acct-blocked-01" } }');
  });

  it('a contract that loads only leniently is marked lenient, with a TODO counting its breaks', async () => {
    const loaded = await loadOnboardingContract(fixture('missing-ref.yaml'));
    expect(loaded.lenientBreaks).toBe(2);
    const text = renderProfile(inferProfile(loaded.contract, vocabulary, { id: 'acme', contractRef: 'x', lenientBreaks: 2 }), []);
    expect(text).toMatch(/# TODO the contract breaks OpenAPI in 2 places \(railgate lint lists them\)[^]*?\ncontractValidation: lenient\n/);
    expect((await loadOnboardingContract(fixture('onboard-acme.yaml'))).lenientBreaks).toBeUndefined();
  });
});

describe('suggestCanonical', () => {
  it('never suggests a retried canonical code for a code documented with a final 4xx', () => {
    expect(suggestCanonical('RATE_LIMITED', [429], vocabulary)).toBe('RATE_LIMITED');
    // The name says "rate limited", but a 400 fails again on retry: lint's retry-status rule would refuse RATE_LIMITED.
    expect(suggestCanonical('RATE_LIMITED', [400], vocabulary)).toBe('VALIDATION_FAILED');
    expect(suggestCanonical('SERVICE_UNAVAILABLE', [404], vocabulary)).toBe('NOT_FOUND');
    expect(suggestCanonical('CARD_DECLINED', [503], vocabulary)).toBe('PARTNER_UNAVAILABLE');
    expect(suggestCanonical('AC04', [422], vocabulary)).toBe('AC04');
    expect(suggestCanonical('E1234', [], vocabulary)).toBe('MS03');
  });
});

describe('proposeStates', () => {
  it('reads initial, in-between, terminal and failed states from the names, and proposes nothing when the names do not say', () => {
    expect(proposeStates(['CREATED', 'PROCESSING', 'COMPLETED', 'DECLINED'])).toEqual({
      initial: 'CREATED',
      transitions: { CREATED: ['PROCESSING', 'COMPLETED', 'DECLINED'], PROCESSING: ['COMPLETED', 'DECLINED'] },
      terminal: ['COMPLETED', 'DECLINED'],
      failed: ['DECLINED'],
    });
    expect(proposeStates(['RED', 'GREEN'])).toBeUndefined();
    expect(proposeStates(['PENDING', 'WAITING'])).toBeUndefined();
  });
});

describe('renderProfile', () => {
  it('writes a list two keys share twice, never as an anchor and alias that one edit would change together', () => {
    const states = proposeStates(['active', 'paymentPending', 'completed', 'expired']);
    const text = renderProfile({ profile: { id: 'p', transactions: { collection: { states } } } as never, notes: [], proposals: [], findings: [] }, []);
    expect(text).not.toMatch(/[&*]a\d/);
    expect(text).toContain('paymentPending: [completed, expired]');
    expect(text).toContain('terminal: [completed, expired]');
  });
});

describe('todoMarkers', () => {
  it('finds each TODO comment at its place, with its continuation lines, and nothing else', () => {
    const text = ['a: 1 # TODO confirm the rail', "b: 'not # TODO a comment'", '# Each guess is a comment that starts with TODO', '# TODO a long one', '#   that goes on', 'c: x#TODO glued to a value'].join('\n');
    expect(todoMarkers('p.yaml', text)).toEqual([
      { file: 'p.yaml', line: 1, col: 6, path: '', message: 'TODO confirm the rail' },
      { file: 'p.yaml', line: 4, col: 1, path: '', message: 'TODO a long one that goes on' },
    ]);
  });
});

describe('initPartner', () => {
  it('refuses when one of its files exists, naming it, and writes none of the others', async () => {
    const dir = path.join(tmp.dir, 'ws');
    await mkdir(path.join(dir, 'suites/acme'), { recursive: true });
    await writeFile(path.join(dir, 'suites/acme/payout-create-read.yaml'), 'mine\n');
    const loaded = await loadOnboardingContract(fixture('onboard-acme.yaml'));
    const refused = await initPartner({ id: 'acme', source: fixture('onboard-acme.yaml'), loaded, vocabulary, dir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).problems.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.col}  ${p.message}`)).toEqual(['suites/acme/payout-create-read.yaml:1:1  already exists: railgate init does not overwrite it (--force replaces it)']);
    expect(existsSync(path.join(dir, 'partners/acme.yaml'))).toBe(false);
    expect(existsSync(path.join(dir, 'contracts/acme'))).toBe(false);
    const forced = await initPartner({ id: 'acme', source: fixture('onboard-acme.yaml'), loaded, vocabulary, dir, force: true });
    expect(forced.scenarioFiles.map((f) => path.relative(dir, f))).toEqual(['suites/acme/payout-create-read.yaml']);
    expect(existsSync(path.join(dir, 'partners/acme.yaml'))).toBe(true);
  });
});
