import { checkResponse } from '../../contract/index.ts';
import { loadVocabulary } from '../../errors/index.ts';
import type { ErrorsSpec, ErrorTrigger } from '../../errors/index.ts';
import type { Partner } from '../../partner/index.ts';
import { triggersRateLimit } from '../../retry/index.ts';
import { probeParts } from '../contract/probe.ts';
import { CheckFailure, CheckSkipped } from '../model.ts';
import type { Check } from '../model.ts';
import { expectTrigger, judgeTriggerAnswer } from './judge-trigger.ts';
import { documentedCodes } from './lint-error-map.ts';
import { triggerOverrides } from './trigger-request.ts';
import { patient } from '../patience.ts';

/** One check per trigger: the partner answers it with the code, status, body and canonical mapping expected. */
export function triggerChecks(partner: Partner, spec: ErrorsSpec): Check[] {
  const triggers = spec.triggers ?? [];
  const named = (t: ErrorTrigger) => `${t.code} via ${t.operation} comes back as documented`;
  // Two triggers for one code and operation keep their names apart by index.
  const twinned = (index: number) => triggers.some((t, j) => j !== index && named(t) === named(triggers[index]!));
  return triggers.map((trigger, index) => ({
    name: twinned(index) ? `${named(trigger)} (trigger ${index})` : named(trigger),
    family: 'errors',
    severity: 'critical',
    tags: ['trigger'],
    loc: locate(partner, index),
    destructive: partner.contract.operations.get(trigger.operation)?.mutating ?? false,
    // One request and its answer; the codes it provokes are judged by the family's last checks, after it.
    independent: true,
    ...(rateLimits(partner, trigger) && { provokes429: true }),
    run: (ctx) => runTrigger(ctx, partner, spec, trigger),
  }));
}

async function runTrigger(ctx: Parameters<Check['run']>[0], partner: Partner, spec: ErrorsSpec, trigger: ErrorTrigger): Promise<void> {
  const op = partner.contract.operations.get(trigger.operation);
  if (!op) throw new CheckFailure(`no operation '${trigger.operation}' in the contract`, { kind: 'configuration' });
  const documented = documentedCodes(partner);
  const want = expectTrigger(trigger, spec, documented);
  if (typeof want === 'string') throw new CheckFailure(want, { kind: 'configuration' });
  const probe = await probeParts(ctx, op, triggerOverrides(op, trigger));
  if (!probe.parts) throw new CheckSkipped(probe.skip ?? `cannot build a request for ${op.id}`);
  const exchange = await ctx.call(op.id, probe.parts, `provoke ${trigger.code} via ${op.id}`, patient(ctx));
  const where = `exchange #${exchange.seq} ${exchange.request.method} ${new URL(exchange.request.url).pathname}`;
  const r = exchange.response;
  if (!r) throw new CheckFailure(`'${trigger.code}': no answer to ${where} (${exchange.error?.code ?? 'no response'}: ${exchange.error?.message ?? ''})`);
  const contractIssues = checkResponse(partner.validators, op, { status: r.status, headers: r.headers, body: r.body }).map((i) => i.message);
  const problems = judgeTriggerAnswer(want, { status: r.status, body: r.body }, { spec, vocabulary: await loadVocabulary(), documented, contractIssues });
  if (problems.length > 0) throw new CheckFailure(`the trigger for '${trigger.code}' (${where}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
}

function locate(partner: Partner, index: number): { file: string; line: number; col: number } {
  const { line, col } = partner.profileDoc.locate(['errors', 'triggers', index]);
  return { file: partner.profileFile, line, col };
}

function rateLimits(partner: Partner, trigger: ErrorTrigger): boolean {
  const op = partner.contract.operations.get(trigger.operation);
  return op !== undefined && triggersRateLimit(op, trigger, partner.profile.errors?.code);
}
