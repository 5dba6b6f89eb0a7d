import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { credentialProblems, credentialsFor } from '../credentials/index.ts';
import { buildRequest } from '../http/index.ts';
import { loadSigningContract, loadSigningPartner } from '../partner/index.ts';
import type { EnvironmentName, Profile } from '../profile/index.ts';
import { DEFAULT_RULES, redactHeaders, redactText, withSecrets } from '../redact/index.ts';
import { closest, InputError } from '../source/index.ts';
import { createSigner } from '../signer/index.ts';
import type { SigningTrace } from '../signer/index.ts';
import { UsageError, parse } from './args.ts';
import { exampleRequest } from './example-request.ts';
import { signatureComparison } from './signature-comparison.ts';
import type { Output } from './output.ts';
import { atOption } from './timestamp.ts';

const ENVS: EnvironmentName[] = ['simulator', 'sandbox', 'production'];

/** What `sign` prints in place of a token: fetching one would be a network call, and a secret. */
const TOKEN_PLACEHOLDER = '<access token from the token endpoint>';

export async function readBodyFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --body ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * `railgate sign`: the exact canonical string or signature base railgate would sign for an operation, the
 * headers it would send and the signature — for "they say our signature is wrong". Secrets never print.
 */
export async function cmdSign(args: string[], out: Output): Promise<number> {
  const v = parse(args, {
    partner: { type: 'string' },
    operation: { type: 'string' },
    body: { type: 'string' },
    at: { type: 'string' },
    nonce: { type: 'string' },
    env: { type: 'string' },
    param: { type: 'string', multiple: true },
    signature: { type: 'string' },
  });
  if (v.help) return out.help('sign');
  if (!v.partner) throw new UsageError('--partner is required');
  if (!v.operation) throw new UsageError('--operation is required');
  const env = (v.env as EnvironmentName | undefined) ?? 'simulator';
  if (!ENVS.includes(env)) throw new UsageError(`--env must be one of ${ENVS.join(', ')} (got '${env}')`);
  const at = atOption(v.at);
  // The profile and one operation: not a validated contract, not the scenarios (load-signing.ts).
  const partner = await loadSigningPartner(process.cwd(), v.partner as string);
  const { profile } = partner;
  const contract = await loadSigningContract(partner);
  const op = contract.operations.get(v.operation as string);
  if (!op) {
    const hint = closest(v.operation as string, contract.operations.keys());
    throw new UsageError(`no operation '${String(v.operation)}' in ${contract.file}${hint ? ` (did you mean '${hint}'?)` : ''}`);
  }
  const problems = credentialProblems(profile, partner.profileDoc, env, process.env);
  if (problems.length > 0) throw new InputError(problems);

  const credentials = credentialsFor(profile, env, process.env);
  const signer = createSigner(profile, credentials, { now: () => Date.now(), fetchToken: async () => ({ token: TOKEN_PLACEHOLDER }) });
  const body = v.body === undefined ? undefined : await readBodyFile(v.body as string);
  // Against the simulator the URL is the contract's server: what a partner's own sandbox would see.
  const baseUrl = (env === 'simulator' ? undefined : profile.environments[env]?.baseUrl) ?? contract.servers[0] ?? 'https://partner.invalid';
  const request = buildRequest(baseUrl, op, exampleRequest(op, (v.param as string[] | undefined) ?? [], body));
  const nonce = (v.nonce as string | undefined) ?? randomBytes(16).toString('hex');
  const signed = await signer.sign(request, op, { at, nonce });
  const rules = withSecrets(DEFAULT_RULES, { headers: [...signer.secretHeaders], values: signer.secretValues() });

  out.info(`railgate sign · ${partner.id} · ${op.id} · credentials from ${credentials.source} · at ${at} (${new Date(at * 1000).toISOString()})`);
  out.info(`${signed.request.method} ${signed.request.url}`);
  out.info('');
  if (signer.layers(op).length === 0) out.info(`(${op.id} declares no security in the contract: nothing is signed)`);
  const trace = signed.trace;
  if (trace) {
    out.info(`${trace.kind} (${trace.algorithm}), between the lines:`);
    out.info('-----');
    out.info(redactText(trace.text, rules));
    out.info('-----');
    if (trace.scheme === 'hmac') out.info(`as JSON: ${JSON.stringify(redactText(trace.text, rules))}`);
    out.info('');
  }
  out.info('headers that would be sent:');
  for (const [name, value] of Object.entries(redactHeaders(signed.request.headers, rules))) out.info(`  ${name}: ${value}`);
  if (signed.request.body !== undefined) {
    out.info('');
    out.info(`body (${Buffer.byteLength(signed.request.body)} bytes, signed as is):`);
    out.info(redactText(signed.request.body, rules));
  }
  if (trace) {
    out.info('');
    out.info(`signature: ${trace.signature}`);
  }
  if (v.signature === undefined) return 0;
  return compareReceived(out, v.signature as string, trace, profile, (s) => redactText(s, rules));
}

/**
 * `--signature VALUE`: the signature the partner says it received, beside railgate's, and where it travels. Exit 0
 * when they match, 1 when not. Only a deterministic algorithm can be compared this way: the others are told apart.
 */
function compareReceived(out: Output, received: string, trace: SigningTrace | undefined, profile: Profile, redact: (s: string) => string): number {
  out.info('');
  if (!trace) throw new UsageError('--signature: this operation is not signed (no HMAC or RFC 9421 layer applies), there is nothing to compare');
  const place = trace.scheme === 'hmac' ? `header ${profile.auth?.hmac?.headers.signature ?? ''}` : 'header Signature (with Signature-Input)';
  const randomised = /ecdsa|pss/.test(trace.algorithm);
  const expected = randomised ? { value: trace.signature, note: `${trace.algorithm} signatures are randomised: they never match byte for byte; verify instead` } : { value: trace.signature };
  out.info(`signature, as sent in the ${place}, at the same --at and --nonce:`);
  for (const line of signatureComparison(received.trim(), expected)) out.info(`  ${redact(line)}`);
  const same = received.trim() === trace.signature;
  out.info(same ? 'the received signature is the one railgate computes' : `the received signature differs: compare the ${trace.kind} above with the one the partner computed`);
  return same ? 0 : 1;
}
