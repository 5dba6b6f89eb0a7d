import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportSink } from '../src/checks/index.ts';
import type { Partner } from '../src/partner/index.ts';
import { openSession } from '../src/session/index.ts';
import { loadExamplePartner } from './helpers/workspace.ts';

// Issue 12, item 5: against production the fault layer forwards but injects nothing, unless the user allowed it.

const quiet: ReportSink = { step: (_name, fn) => fn(), attach: async () => {} };
const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
let partner: Partner;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`;
  Object.assign(process.env, { PIXPAY_API_KEY: 'pk_canary_2', PIXPAY_HMAC_SECRET: 'sk_canary_2', PIXPAY_WEBHOOK_SECRET: 'whsec_canary_2' });
  partner = await loadExamplePartner('pixpay');
  partner.profile.environments.production = { baseUrl: base, production: true };
  partner.profile.environments.sandbox = { baseUrl: base.replace('127.0.0.1', 'localhost') };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the fault layer against production', () => {
  it('refuses to inject a fault, as a configuration matter naming why', async () => {
    const s = await openSession(partner, { env: 'production', seed: 1, defects: [], report: quiet });
    try {
      expect(() => s.ctx.faults.schedule({ fault: { kind: 'reset', when: 'before-forward' } })).toThrow("[configuration] fault injection refused: environment 'production' is marked production (--allow-production allows it)");
      expect(s.ctx.faults.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      await s.close();
    }
  });

  it('injects when the user allowed production, and anywhere that is not production', async () => {
    for (const [env, allowProduction] of [['production', true], ['sandbox', false]] as const) {
      const s = await openSession(partner, { env, seed: 1, defects: [], report: quiet, allowProduction });
      try {
        s.ctx.faults.schedule({ fault: { kind: 'reset', when: 'before-forward' } });
        expect(s.ctx.faults.pending()).toHaveLength(1);
      } finally {
        await s.close();
      }
    }
  });
});
