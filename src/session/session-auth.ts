import { randomBytes } from 'node:crypto';
import { RateLimited, outsideAnyCheck } from '../checks/index.ts';
import type { AuthRuntime, EventSide, WebhookRuntime } from '../checks/index.ts';
import type { Clock } from '../clock/index.ts';
import type { Operation } from '../contract/index.ts';
import type { Credentials } from '../credentials/index.ts';
import type { Exchange, HttpRequest, SendOptions } from '../http/index.ts';
import type { Partner } from '../partner/index.ts';
import type { EnvironmentName } from '../profile/index.ts';
import { DEFAULT_RULES, redactText, withSecrets } from '../redact/index.ts';
import type { RedactionRules } from '../redact/index.ts';
import { createSigner, parseTokenResponse, tokenRequest } from '../signer/index.ts';
import { getPointer } from '../json/index.ts';
import { parseRetryAfter } from '../retry/index.ts';
import { createRng } from '../random/index.ts';
import { RECEIVER_FAULTS, checkPayload, refusalStage, senderAuth, senderSecrets, startEventReceiver, startReceiver, verificationStage, webhookKeys, webhookPayloadSchemas } from '../webhooks/index.ts';
import type { DeliveryInspection, SenderAuth, WebhookDelivery, WebhookReceiver } from '../webhooks/index.ts';

/** Sends one request and records and reports it (no step of its own). */
export type Recorder = (request: HttpRequest, sendOpts?: SendOptions) => Promise<Exchange>;

const unixSeconds = (clock: Clock): number => Math.floor(clock.now() / 1000);

/**
 * railgate's webhook receiver for the session, started before the simulator so that it knows where to
 * deliver. Against a sandbox the partner reaches it only through the profile's public `webhookUrl`.
 */
export async function startWebhookSide(partner: Partner, env: EnvironmentName, clock: Clock, credentials: Credentials): Promise<WebhookRuntime | undefined> {
  const spec = partner.profile.webhooks;
  if (!spec) return undefined;
  const keys = webhookKeys(spec, credentials);
  const environment = partner.profile.environments[env];
  const publicUrl = env === 'simulator' ? undefined : environment?.webhookUrl;
  const refusals = refusalStage();
  const receiver = await startReceiver({
    path: spec.path ?? `/webhooks/${partner.id}`,
    clock,
    // Verified first: an unsigned delivery must never be able to arm or consume a refusal.
    stages: [verificationStage(spec, keys.verify, () => unixSeconds(clock)), refusals.stage],
    inspect: inspector(partner),
    ...(spec.receiver?.answer ? { answer: spec.receiver.answer } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    ...(environment?.receiverPort ? { port: environment.receiverPort } : {}),
  });
  const unreachable = env !== 'simulator' && !publicUrl ? `environments.${env}.webhookUrl is not set: the partner cannot reach railgate's receiver` : undefined;
  return { spec, keys, receiver, refusals, url: publicUrl ?? receiver.url, ...(unreachable ? { unreachable } : {}) };
}

/** The receiving side of a session, with what the session must redact and close. */
export interface SessionEvents extends EventSide {
  secrets(): string[];
  close(): Promise<void>;
}

/**
 * The receiving side of a contract that documents events: how railgate's receiver authenticates each one's
 * sender, and a receiver per event that the receiver checks start and close. Test credentials are drawn from
 * the run's seed and known to the session's redaction. The test-only defects `receiver-<fault>` (planted with
 * --defect, like the simulator's) make these receivers misbehave, so the suite proves the checks see it.
 */
export function startEventSide(partner: Partner, deps: { seed: number; clock: Clock; defects: readonly string[]; webhooks?: WebhookRuntime }): SessionEvents | undefined {
  const events = [...partner.contract.webhooks.values()];
  if (events.length === 0) return undefined;
  const rng = createRng(deps.seed).fork(`receiver-credentials:${partner.id}`);
  const secret = (scheme: string, part: string): string => rng.fork(`${scheme}:${part}`).alnum(24);
  const profile = deps.webhooks ? { spec: deps.webhooks.spec, keys: deps.webhooks.keys } : undefined;
  const auths = new Map<string, SenderAuth>(events.map((e) => [e.id, senderAuth(e, partner.contract.securitySchemes, profile, secret)]));
  const faults = RECEIVER_FAULTS.filter((f) => deps.defects.includes(`receiver-${f}`));
  const open = new Set<WebhookReceiver>();
  const authOf: EventSide['authOf'] = (event) => auths.get(event.id) ?? senderAuth(event, partner.contract.securitySchemes, profile, secret);
  return {
    authOf,
    async open(event) {
      const receiver = await startEventReceiver({ event, auth: authOf(event), contract: partner.contract, validators: partner.validators, seed: deps.seed, clock: deps.clock, faults });
      open.add(receiver);
      return {
        ...receiver,
        close: () => {
          open.delete(receiver);
          return receiver.close();
        },
      };
    },
    secrets: () => [...auths.values()].flatMap(senderSecrets),
    close: async () => {
      await Promise.all([...open].map((r) => r.close()));
    },
  };
}

/** Reads an accepted delivery's event id and type, and checks its payload against the contract's webhook schemas. */
function inspector(partner: Partner): (delivery: WebhookDelivery) => DeliveryInspection {
  const spec = partner.profile.webhooks!;
  const schemas = webhookPayloadSchemas(partner.contract);
  return (delivery) => {
    let payload: unknown;
    try {
      payload = JSON.parse(delivery.body);
    } catch {
      return { issues: ['the body is not JSON'] };
    }
    const id = getPointer(payload, spec.eventId ?? '/id');
    const type = getPointer(payload, spec.eventType ?? '/type');
    return {
      ...(typeof id === 'string' || typeof id === 'number' ? { eventId: String(id) } : {}),
      ...(typeof type === 'string' ? { eventType: type } : {}),
      issues: checkPayload(partner.validators, schemas, payload, typeof type === 'string' ? type : undefined),
    };
  };
}

/** The longest Retry-After a token fetch waits out before asking once more. */
const TOKEN_RETRY_AFTER_CAP_MS = 30_000;

function tokenRateLimited(how: string): RateLimited {
  return new RateLimited(`the OAuth2 token request was answered 429 (rate limited), ${how}: no request could be signed, so nothing was judged`);
}

/** The session's signing: every secured call signed at the clock's time, redaction rules that know the secrets. */
export function sessionAuth(partner: Partner, credentials: Credentials, deps: { clock: Clock; baseUrl: string; record: Recorder; webhooks?: WebhookRuntime; events?: SessionEvents }): AuthRuntime & { rules(): RedactionRules } {
  const { clock, record } = deps;
  const oauth2 = partner.profile.auth?.oauth2;
  const tokenOp = oauth2?.tokenOperation ? partner.contract.operations.get(oauth2.tokenOperation) : undefined;
  const signer = createSigner(partner.profile, credentials, {
    now: () => clock.now(),
    ...(oauth2
      ? {
          // Shared by every check that needs it, so fetched as no check's own (src/checks/scope.ts); a 429 (the
          // partner's rate limit, checks running side by side) is waited out once, for at most 30 s of Retry-After.
          // Still limited, each check that needed the token fails as rate limited: one beside others runs once more,
          // alone, and asks again then (src/suite/run-planned.ts); alone, it is broken, never the partner's finding.
          fetchToken: () =>
            outsideAnyCheck(async () => {
              const send = async (): Promise<Exchange> => {
                const request = tokenRequest(oauth2, partner.contract, deps.baseUrl);
                return record(tokenOp ? (await signer.sign(request, tokenOp, { at: unixSeconds(clock), nonce: nonce() })).request : request);
              };
              let answer = await send();
              if (answer.response?.status === 429) {
                const wait = parseRetryAfter(answer.response.headers['retry-after'], clock.now()) ?? 1_000;
                if (wait > TOKEN_RETRY_AFTER_CAP_MS) throw tokenRateLimited(`asked to wait ${Math.round(wait / 1000)} s (Retry-After), longer than railgate waits`);
                await clock.sleep(wait);
                answer = await send();
                if (answer.response?.status === 429) throw tokenRateLimited('again after waiting its Retry-After');
              }
              return parseTokenResponse(answer);
            }),
        }
      : {}),
  });
  const nonce = (): string => randomBytes(16).toString('hex');
  const rules = (): RedactionRules => withSecrets(DEFAULT_RULES, { headers: [...signer.secretHeaders], values: [...signer.secretValues(), ...(deps.events?.secrets() ?? [])] });
  return {
    signer,
    sign: (request, op, options) => signer.sign(request, op, { at: unixSeconds(clock), nonce: nonce(), ...options }),
    now: () => unixSeconds(clock),
    nonce,
    redact: (text) => redactText(text, rules()),
    rules,
    ...(deps.webhooks ? { webhooks: deps.webhooks } : {}),
    ...(deps.events ? { events: deps.events } : {}),
  };
}

/**
 * A call to a secured operation: signed now, sent; on a 401 with OAuth2 the cached token is dropped and
 * the call signed and sent once more with a fresh one (a token may be revoked before it expires).
 */
export async function sendSigned(auth: AuthRuntime, op: Operation, request: HttpRequest, record: Recorder, sendOpts?: SendOptions): Promise<Exchange> {
  // Signed per attempt: a retry carries a fresh timestamp and nonce, or a strict partner sees a replay.
  const first = await record((await auth.sign(request, op)).request, sendOpts);
  const tokens = auth.signer.tokens;
  if (first.response?.status !== 401 || !tokens || !auth.signer.usesToken(op)) return first;
  tokens.invalidate();
  return record((await auth.sign(request, op)).request, sendOpts);
}
