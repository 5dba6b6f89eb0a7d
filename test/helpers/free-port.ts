import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A loopback port free now: for a receiver a partner must be told about before the run starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
