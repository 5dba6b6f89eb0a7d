import type { IncomingMessage } from 'node:http';

/**
 * What railgate's receiver takes from a partner (issue 12: a partner flooding the receiver must not stop the
 * run or fill its memory). A webhook is a few kilobytes: a delivery over the body cap is refused unread; past
 * the kept cap a flood is answered 429 and counted, its bodies not kept; connections past the cap are closed
 * as they come.
 */
export interface DeliveryLimits {
  maxBodyBytes: number;
  maxKept: number;
  maxConnections: number;
}

export const DEFAULT_DELIVERY_LIMITS: DeliveryLimits = { maxBodyBytes: 1024 * 1024, maxKept: 5_000, maxConnections: 256 };

/** Deliveries refused for a limit, by limit: what the report says when the partner went past one. */
export interface DeliveryOverflow {
  tooLarge: number;
  overKept: number;
}

/**
 * The request's body, or undefined once it passes `maxBytes` (announced or counted). Past the cap the request
 * is paused, not destroyed, so the 413 still reaches the sender before the connection goes.
 */
export function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length']) > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size <= maxBytes) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      resolve(undefined);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
