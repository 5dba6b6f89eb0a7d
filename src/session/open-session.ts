import { checkResponse } from '../contract/index.ts';
import { CheckFailure, ExchangeLedger, currentCheckScope } from '../checks/index.ts';
import type { CheckContext, CheckScope, ReportSink } from '../checks/index.ts';
import { buildRequest, createHttpClient } from '../http/index.ts';
import type { Exchange } from '../http/index.ts';
import type { Partner } from '../partner/index.ts';
import { environmentTimeouts, productionReason } from '../profile/index.ts';
import type { EnvironmentName } from '../profile/index.ts';
import { createRng } from '../random/index.ts';
import { callWithRetry } from '../retry/index.ts';
import { formatExchange, redactExchange, rememberRules, withProfile } from '../redact/index.ts';
import type { RedactionRules } from '../redact/index.ts';
import { createClock, createVirtualClock } from '../clock/index.ts';
import { startFaultProxy } from '../faults/index.ts';
import type { FaultProxy } from '../faults/index.ts';
import { startSimulator } from '../simulator/index.ts';
import type { Simulator } from '../simulator/index.ts';
import { credentialsFor } from '../credentials/index.ts';
import type { HttpRequest, SendOptions } from '../http/index.ts';
import { withParsedBody } from './parsed-body.ts';
import { answerLimits, partialAttachment } from './answer-limits.ts';
import { sendSigned, sessionAuth, startEventSide, startWebhookSide } from './session-auth.ts';

export interface SessionOptions {
  env: EnvironmentName;
  seed: number;
  defects: readonly string[];
  report: ReportSink;
  /** Prints every exchange (redacted) as it happens: for an engineer running one scenario. */
  print?: (text: string) => void;
  /** Faults may be injected into a production environment (the user allowed it and confirmed). */
  allowProduction?: boolean;
  /** The run's overall bound: when it aborts, every exchange in flight ends and no new one starts. */
  signal?: AbortSignal;
  /** The run selects part of the partner's checks (CheckContext.partial). */
  partial?: boolean;
}

export interface Session {
  ctx: CheckContext;
  simulator?: Simulator;
  close(): Promise<void>;
}

/** Where a partner's checks run: the embedded simulator, or the base URL of the named environment. */
export function targetBaseUrl(partner: Partner, env: EnvironmentName): string | undefined {
  return partner.profile.environments[env]?.baseUrl;
}

/** Opens the target for one partner (starting the simulator when that is the environment) and a context. */
export async function openSession(partner: Partner, opts: SessionOptions): Promise<Session> {
  // Against the embedded simulator every component is railgate's: time is virtual, and no real timer or CPU
  // load decides an outcome. A sandbox answers in real time (docs/decisions/virtual-clock.md).
  const clock = opts.env === 'simulator' ? createVirtualClock({ onStuck: (why) => process.stderr.write(`railgate: the run's clock has been waiting on loopback traffic for 30 s: ${why.join('; ')}\n`) }) : createClock();
  const credentials = credentialsFor(partner.profile, opts.env, process.env);
  const webhooks = await startWebhookSide(partner, opts.env, clock, credentials);
  const events = startEventSide(partner, { seed: opts.seed, clock, defects: opts.defects, ...(webhooks ? { webhooks } : {}) });
  const simulator = opts.env === 'simulator' ? await startSimulator({ partner, defects: opts.defects, seed: opts.seed, clock, ...(webhooks ? { webhookUrl: webhooks.receiver.url } : {}) }) : undefined;
  const baseUrl = simulator?.baseUrl ?? targetBaseUrl(partner, opts.env);
  if (!baseUrl) throw new Error(`partner ${partner.id} has no baseUrl for environment '${opts.env}'`);
  // Every request goes through the fault layer, against the simulator and a sandbox alike; idle, it only
  // forwards. Requests are built (and signed) for the target's own URL and routed to the proxy on send.
  const faults = scopedFaults(refuseInProduction(await startFaultProxy({ target: baseUrl, clock, logHeaders: partner.profile.idempotency ? [partner.profile.idempotency.header] : [] }), opts.allowProduction ? undefined : productionReason(partner.profile, opts.env)));
  const timeouts = environmentTimeouts(partner.profile, opts.env);
  const client = createHttpClient({ timeouts, clock, route: { from: baseUrl, to: faults.url }, checkTag: () => currentCheckScope()?.id, limits: answerLimits(partner.profile, baseUrl), ...(opts.signal && { signal: opts.signal }) });
  const ledger = new ExchangeLedger();
  const record = async (request: HttpRequest, sendOpts?: SendOptions): Promise<Exchange> => {
    const exchange = await client.send(request, sendOpts);
    ledger.record(exchange);
    await reportExchange(ctx, exchange, auth.rules(), opts);
    return exchange;
  };
  // Secrets are redacted by name (the headers the signer fills) and by value (credentials, the live token).
  const auth = sessionAuth(partner, credentials, { clock, baseUrl, record, ...(webhooks ? { webhooks } : {}), ...(events ? { events } : {}) });
  const rng = createRng(opts.seed).fork(`run:${partner.id}`);

  const ctx: CheckContext = {
    partner,
    env: opts.env,
    baseUrl,
    seed: opts.seed,
    // Inside a check, its own stream (src/checks/scope.ts); outside any (the partner's setup), the run's.
    get rng() {
      return currentCheckScope()?.rng ?? rng;
    },
    client,
    ledger,
    clock,
    faults,
    report: opts.report,
    callWithRetry: (operationId, parts, retryOpts) => callWithRetry(ctx, timeouts, operationId, parts, retryOpts),
    async call(operationId, parts, label, sendOpts) {
      const op = partner.contract.operations.get(operationId);
      if (!op) throw new Error(`no operation ${operationId}`);
      const request = buildRequest(baseUrl, op, parts);
      return opts.report.step(label ?? `${op.id}`, () => sendSigned(auth, op, request, record, sendOpts));
    },
    send: (request, label, sendOpts) => opts.report.step(label, () => record(request, sendOpts)),
    auth,
    ...(opts.partial && { partial: true }),
  };
  return {
    ctx,
    simulator,
    async close() {
      await client.close();
      await faults.close();
      await simulator?.close();
      await webhooks?.receiver.close();
      await events?.close();
    },
  };
}

/**
 * The fault layer against production forwards, but injects nothing: a check that would drop or delay a
 * production request is broken (a configuration matter), whatever planned it. `--allow-production` lifts it.
 */
function refuseInProduction(faults: FaultProxy, reason: string | undefined): FaultProxy {
  if (!reason) return faults;
  return Object.assign(Object.create(faults) as FaultProxy, {
    schedule() {
      throw new CheckFailure(`fault injection refused: ${reason} (--allow-production allows it)`, { kind: 'configuration' });
    },
  });
}

/**
 * The fault layer as a check sees it (docs/decisions/concurrent-checks.md). Inside a check, the rules it schedules
 * match only its own requests (the client names the check to the fault layer), its log holds only its own requests
 * since it last cleared it, and clearing drops only its own rules: checks running side by side never take each
 * other's faults, nor count each other's attempts. Outside any check (the partner's setup), the whole layer.
 */
function scopedFaults(faults: FaultProxy): FaultProxy {
  const clearedAt = new WeakMap<CheckScope, number>();
  return {
    get url() {
      return faults.url;
    },
    get log() {
      const scope = currentCheckScope();
      return scope ? faults.log.slice(clearedAt.get(scope) ?? 0).filter((e) => e.check === scope.id) : faults.log;
    },
    schedule(rule) {
      const scope = currentCheckScope();
      faults.schedule(scope ? { ...rule, match: { ...rule.match, check: scope.id } } : rule);
    },
    pending() {
      const scope = currentCheckScope();
      return scope ? faults.pending().filter((p) => p.rule.match?.check === scope.id) : faults.pending();
    },
    clear() {
      const scope = currentCheckScope();
      if (!scope) return faults.clear();
      clearedAt.set(scope, faults.log.length);
      faults.clear(scope.id);
    },
    close: () => faults.close(),
  };
}

async function reportExchange(ctx: CheckContext, exchange: Exchange, sessionRules: RedactionRules, opts: SessionOptions): Promise<void> {
  // Handed to the run before anything is shown: the Allure sink and a failing check's message are redacted with
  // the run's rules (src/redact/run-rules.ts), and a partner may echo this exchange's secrets into either.
  const rules = rememberRules(withProfile(sessionRules, ctx.partner.profile.redact));
  const safe = redactExchange(exchange, rules);
  await ctx.report.attach(`request #${safe.seq}`, JSON.stringify(withParsedBody(safe.request), null, 2), 'application/json');
  if (safe.response) await ctx.report.attach(`response #${safe.seq} (${safe.response.status})`, JSON.stringify({ status: safe.response.status, headers: safe.response.headers, body: safe.response.body, ...(safe.response.bodyIssue && { bodyIssue: safe.response.bodyIssue }) }, null, 2), 'application/json');
  if (safe.error) await ctx.report.attach(`no response #${safe.seq}`, `${safe.error.code}: ${safe.error.message}`, 'text/plain');
  const partial = partialAttachment(safe);
  if (partial) await ctx.report.attach(partial.name, partial.content, 'application/json');
  const op = exchange.request.operationId ? ctx.partner.contract.operations.get(exchange.request.operationId) : undefined;
  if (op && exchange.response) {
    const issues = checkResponse(ctx.partner.validators, op, { status: exchange.response.status, headers: exchange.response.headers, body: exchange.response.body });
    if (issues.length > 0) await ctx.report.attach(`contract issues #${safe.seq}`, issues.map((i) => i.message).join('\n'), 'text/plain');
  }
  opts.print?.(formatExchange(safe));
}
