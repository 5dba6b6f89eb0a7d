import { describe, expect, it } from 'vitest';
import type { Profile } from './model.ts';
import { productionReason } from './production.ts';

function profile(environments: Profile['environments']): Profile {
  return { id: 'p', name: 'P', contract: 'c.yaml', rails: ['BR-PIX'], environments } as Profile;
}

describe('productionReason', () => {
  it('is production when marked, or named production', () => {
    expect(productionReason(profile({ live: { baseUrl: 'https://api.p.example', production: true } } as never), 'live' as never)).toBe("environment 'live' is marked production");
    expect(productionReason(profile({ production: { baseUrl: 'https://api.p.example' } }), 'production')).toBe("environment 'production' is production by its name");
  });

  it("treats a sandbox on production's host as production, whatever its path, port case or trailing dot", () => {
    const p = profile({ sandbox: { baseUrl: 'https://API.p.example./v2-test' }, production: { baseUrl: 'https://api.p.example/v2', production: true } });
    expect(productionReason(p, 'sandbox')).toBe("environment 'sandbox' sends to api.p.example, the host of production environment 'production'");
  });

  it('leaves a sandbox on its own host, the simulator and an unknown environment alone', () => {
    const p = profile({ simulator: {}, sandbox: { baseUrl: 'https://sandbox.p.example/v2' }, production: { baseUrl: 'https://api.p.example/v2', production: true } });
    expect(productionReason(p, 'sandbox')).toBeUndefined();
    expect(productionReason(p, 'simulator')).toBeUndefined();
    expect(productionReason(profile({}), 'sandbox')).toBeUndefined();
  });
});
