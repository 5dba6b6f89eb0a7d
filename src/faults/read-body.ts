import type { IncomingMessage } from 'node:http';

/**
 * The whole request body. Buffered rather than streamed: partner API bodies are small, a
 * buffer is forwarded with an exact Content-Length, and faults can decide after it arrived.
 */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)));
    req.once('error', reject);
    // After 'end' this is a no-op; before it, the client went away mid-body.
    req.once('close', () => reject(new Error('client closed before sending the whole body')));
  });
}
