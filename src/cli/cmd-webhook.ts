import { credentialProblems, credentialsFor } from '../credentials/index.ts';
import { loadSigningPartner } from '../partner/index.ts';
import type { EnvironmentName } from '../profile/index.ts';
import { DEFAULT_RULES, redactText, withSecrets } from '../redact/index.ts';
import { InputError } from '../source/index.ts';
import { STEP_TITLES, expectedSignature, verifyDelivery, webhookKeys } from '../webhooks/index.ts';
import { UsageError, parse } from './args.ts';
import { readBodyFile } from './cmd-sign.ts';
import { signatureComparison } from './signature-comparison.ts';
import type { Output } from './output.ts';
import { atOption } from './timestamp.ts';

const ENVS: EnvironmentName[] = ['simulator', 'sandbox', 'production'];

function parseHeader(line: string): [string, string] {
  const colon = line.indexOf(':');
  if (colon < 1) throw new UsageError(`--header takes 'Name: value' (got '${line}')`);
  return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
}

/**
 * `railgate webhook verify`: does a captured callback verify under the profile's scheme, and if not,
 * which step differs. Exit 0 verified, 1 not verified, 2 bad input.
 */
export async function cmdWebhook(args: string[], out: Output): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help') return out.help('webhook');
  if (sub !== 'verify') throw new UsageError(`unknown webhook command '${sub}' (commands: verify)`);
  const v = parse(rest, {
    partner: { type: 'string' },
    body: { type: 'string' },
    header: { type: 'string', multiple: true },
    url: { type: 'string' },
    at: { type: 'string' },
    env: { type: 'string' },
  });
  if (v.help) return out.help('webhook');
  if (!v.partner) throw new UsageError('--partner is required');
  if (!v.body) throw new UsageError('--body is required: the raw body exactly as received');
  const env = (v.env as EnvironmentName | undefined) ?? 'simulator';
  if (!ENVS.includes(env)) throw new UsageError(`--env must be one of ${ENVS.join(', ')} (got '${env}')`);
  // The profile alone: a webhook's signature needs its webhooks and credentials, not the contract (load-signing.ts).
  const partner = await loadSigningPartner(process.cwd(), v.partner as string);
  const spec = partner.profile.webhooks;
  if (!spec) throw new UsageError(`partner '${partner.id}' declares no webhooks in ${partner.profileFile}`);
  const problems = credentialProblems(partner.profile, partner.profileDoc, env, process.env).filter((p) => p.path.startsWith('webhooks'));
  if (problems.length > 0) throw new InputError(problems);
  const path = spec.path ?? `/webhooks/${partner.id}`;
  const publicUrl = partner.profile.environments[env]?.webhookUrl;
  const url = (v.url as string | undefined) ?? (publicUrl ? new URL(path, publicUrl).toString() : undefined);
  if (spec.scheme === 'rfc9421' && url === undefined) throw new UsageError(`an RFC 9421 signature covers the URL: give the one the partner posted to with --url`);
  const headers = Object.fromEntries(((v.header as string[] | undefined) ?? []).map(parseHeader));
  const body = await readBodyFile(v.body as string);
  const now = atOption(v.at);
  const credentials = credentialsFor(partner.profile, env, process.env);
  const keys = webhookKeys(spec, credentials);
  const delivery = { method: 'POST', url: url ?? `http://localhost${path}`, headers, body };
  const result = verifyDelivery(spec, keys.verify, delivery, now);
  const rules = withSecrets(DEFAULT_RULES, { values: credentials.secretValues() });

  out.info(`railgate webhook verify · ${partner.id} · ${spec.scheme} · key from ${keys.source ?? credentials.source} · now ${now} (${new Date(now * 1000).toISOString()})`);
  if (result.ok) {
    out.info(`verified: the ${spec.scheme} signature matches`);
    return 0;
  }
  out.info(`NOT verified — ${STEP_TITLES[result.step]}`);
  out.info(`  ${result.reason}`);
  if (result.step === 'unknown-key' && keys.verify.keyId) out.info(`  railgate knows key id ${JSON.stringify(keys.verify.keyId)} for ${partner.id}`);
  out.info('');
  out.info(`signature, looked for in the ${result.place}:`);
  for (const line of signatureComparison(result.received, expectedSignature(spec, keys, delivery))) out.info(`  ${redactText(line, rules)}`);
  if (result.signed) {
    out.info('');
    out.info(`${result.signed.kind} railgate computed, between the lines:`);
    out.info('-----');
    out.info(redactText(result.signed.text, rules));
    out.info('-----');
  }
  return 1;
}
