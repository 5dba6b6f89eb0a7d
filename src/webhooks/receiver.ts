import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createClock } from '../clock/index.ts';
import type { Clock } from '../clock/index.ts';
import { DEFAULT_DELIVERY_LIMITS, readCapped } from './delivery-limits.ts';
import type { DeliveryLimits, DeliveryOverflow } from './delivery-limits.ts';
import type { WebhookDelivery } from './model.ts';

/**
 * What one stage of the receiver says about a delivery: nothing (pass it on), or a refusal with the
 * status the receiver answers. Verification is the first stage; deduplication and payload checks
 * (issue 7) are further ones, so the receiver itself never changes shape.
 */
export type StageVerdict = { status: number; step: string; reason: string } | undefined;
export type DeliveryStage = (delivery: WebhookDelivery) => StageVerdict;

export interface ReceivedDelivery extends WebhookDelivery {
  seq: number;
  /** Path and query as received. */
  path: string;
  receivedAt: string;
  /** What the receiver answered: 2xx accepted, anything else refused by `refusal`. */
  status: number;
  refusal?: { step: string; reason: string };
  /** The event's id and type (profile `webhooks.eventId` / `eventType`), when the payload carries them. */
  eventId?: string;
  eventType?: string;
  /** An accepted delivery of an event already accepted: acknowledged (so the partner stops), counted once. */
  duplicate?: boolean;
  /** Where the payload breaks the contract's webhook schema; accepted all the same, as a lenient merchant would. */
  payloadIssues?: string[];
}

/** What the receiver reads in a delivery it accepts (pure: given the raw delivery). */
export interface DeliveryInspection {
  eventId?: string;
  eventType?: string;
  issues?: string[];
}

export interface ReceiverOptions {
  /** The path deliveries are posted to; anything else is answered 404. */
  path: string;
  stages: readonly DeliveryStage[];
  /** The URL senders address when it is not this server's (a tunnel): RFC 9421 signs the URL they used. */
  publicUrl?: string;
  host?: string;
  port?: number;
  /** Reads the event id, type and schema issues of a delivery that passed every stage. */
  inspect?: (delivery: WebhookDelivery) => DeliveryInspection;
  /** Status of an accepted delivery (default 204): a correct merchant endpoint answers 2xx at once. */
  answer?: number;
  /** JSON body of that answer, when the contract documents one (Adyen's `{"notificationResponse": "[accepted]"}`). */
  answerBody?: unknown;
  /** The run's clock: arrival times and waits for a delivery follow it. Default the wall clock. */
  clock?: Clock;
  /** Body, kept-delivery and connection caps (default DEFAULT_DELIVERY_LIMITS). */
  limits?: Partial<DeliveryLimits>;
}

export interface WebhookReceiver {
  /** Where a sender on this machine posts deliveries (loopback origin + path). */
  url: string;
  deliveries(): readonly ReceivedDelivery[];
  /** Accepted deliveries, one per event id (redeliveries deduplicated), in arrival order. */
  events(): readonly ReceivedDelivery[];
  /** The first delivery with `seq > afterSeq`, waiting up to `timeoutMs` (profile ms, on the run's clock) for it. */
  next(afterSeq: number, timeoutMs: number): Promise<ReceivedDelivery | undefined>;
  /** Deliveries refused for a limit so far (none kept): a flood shows here, not in memory. */
  overflow(): DeliveryOverflow;
  close(): Promise<void>;
}

/** railgate's webhook receiver: a loopback node:http server that judges every delivery and keeps it. */
export async function startReceiver(options: ReceiverOptions): Promise<WebhookReceiver> {
  const clock = options.clock ?? createClock();
  const received: ReceivedDelivery[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const limits: DeliveryLimits = { ...DEFAULT_DELIVERY_LIMITS, ...options.limits };
  const overflow: DeliveryOverflow = { tooLarge: 0, overKept: 0 };
  const server = createServer((req, res) => {
    accept(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  clock.watchServer(server);
  server.maxConnections = limits.maxConnections;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function accept(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readCapped(req, limits.maxBodyBytes);
    const path = req.url ?? '/';
    if (body === undefined) {
      overflow.tooLarge++;
      // The rest of the body is never read: the connection goes once the answer is out.
      const socket = req.socket;
      res.setHeader('connection', 'close');
      answer(res, 413, { error: 'too-large', message: `a delivery is at most ${limits.maxBodyBytes} bytes` });
      res.once('finish', () => socket?.destroy());
      return;
    }
    if (path.split('?')[0] !== options.path || req.method !== 'POST') {
      answer(res, 404, { error: 'not-found', message: `deliveries go to POST ${options.path}` });
      return;
    }
    if (received.length >= limits.maxKept) {
      overflow.overKept++;
      answer(res, 429, { error: 'too-many', message: `railgate's receiver keeps at most ${limits.maxKept} deliveries a run` });
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const origin = options.publicUrl ? new URL(options.publicUrl).origin : `http://${req.headers.host ?? 'localhost'}`;
    const delivery: WebhookDelivery = { method: req.method, url: origin + path, headers, body: body.toString('utf8') };
    let refusal: StageVerdict;
    for (const stage of options.stages) {
      refusal = stage(delivery);
      if (refusal) break;
    }
    const status = refusal?.status ?? options.answer ?? 204;
    // A refused delivery is read too: its event id is what a redelivery must carry again.
    const seen = inspection(delivery, refusal !== undefined);
    received.push({ ...delivery, seq: received.length + 1, path, receivedAt: new Date(clock.now()).toISOString(), status, ...(refusal ? { refusal: { step: refusal.step, reason: refusal.reason } } : {}), ...seen });
    for (const wake of waiters) wake();
    if (refusal) answer(res, refusal.status, { error: refusal.step, message: refusal.reason });
    else answer(res, status, options.answerBody);
  }

  /** The event id decides duplicates: a redelivery of an accepted event is acknowledged and counted once. */
  function inspection(delivery: WebhookDelivery, refused: boolean): Partial<ReceivedDelivery> {
    const found = options.inspect?.(delivery) ?? {};
    const duplicate = !refused && found.eventId !== undefined && received.some((d) => d.eventId === found.eventId && !d.refusal);
    return {
      ...(found.eventId === undefined ? {} : { eventId: found.eventId }),
      ...(found.eventType === undefined ? {} : { eventType: found.eventType }),
      ...(duplicate ? { duplicate } : {}),
      ...(found.issues && found.issues.length > 0 ? { payloadIssues: found.issues } : {}),
    };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}${options.path}`;
  return {
    url,
    deliveries: () => received,
    events: () => received.filter((d) => !d.refusal && !d.duplicate),
    overflow: () => ({ ...overflow }),
    next(afterSeq, timeoutMs) {
      const found = (): ReceivedDelivery | undefined => received.find((d) => d.seq > afterSeq);
      const now = found();
      if (now) return Promise.resolve(now);
      return new Promise((resolve) => {
        const stop = new AbortController();
        const done = (value: ReceivedDelivery | undefined): void => {
          stop.abort();
          waiters.delete(wake);
          resolve(value);
        };
        const wake = (): void => {
          const d = found();
          if (d) done(d);
        };
        clock.sleep(timeoutMs, stop.signal).then(
          () => done(undefined),
          () => undefined,
        );
        waiters.add(wake);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function answer(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}
