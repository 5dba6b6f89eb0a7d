import type { OutgoingHttpHeaders } from 'node:http';
import type { Exchange } from '../exchange.ts';
import { FAULT_HEADER } from '../types.ts';
import type { StatusFault } from '../types.ts';

/** Answers locally, as a rate limiter or a load balancer in front of the partner would. */
export function injectStatus(ex: Exchange, fault: StatusFault): void {
  const body = Buffer.from(fault.body ?? '');
  // Marked, so judges of the partner's answers (contract conformance, error coverage) can leave it out.
  const headers: OutgoingHttpHeaders = { 'content-length': body.length, [FAULT_HEADER]: 'status' };
  if (fault.body !== undefined) headers['content-type'] = 'text/plain; charset=utf-8';
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  // Lower-cased so a scenario's `Content-Type` replaces the default instead of doubling it.
  for (const [name, value] of Object.entries(fault.headers ?? {})) headers[name.toLowerCase()] = value;
  ex.res.writeHead(fault.status, headers);
  ex.event.status = fault.status;
  ex.res.end(body);
}
