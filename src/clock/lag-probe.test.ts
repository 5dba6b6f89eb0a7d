import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClock } from './clock.ts';
import { startLagProbe } from './lag-probe.ts';
import { createVirtualClock } from './virtual-clock.ts';

/** Keeps the event loop busy: nothing else in this process runs meanwhile. */
function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.restoreAllMocks();
});

// Lower bounds only: a loaded machine can make the loop later still, never less late than it was blocked.
describe('startLagProbe on a wall clock', () => {
  test('sees a loop blocked in the middle of the phase', async () => {
    const probe = startLagProbe(createClock());
    await pause(30);
    busyWait(200);
    await pause(30);
    expect(probe.stop()).toBeGreaterThanOrEqual(150);
  });

  test('sees a loop blocked at the very end, before any sample could follow', async () => {
    const probe = startLagProbe(createClock());
    await pause(20);
    busyWait(200);
    expect(probe.stop()).toBeGreaterThanOrEqual(150);
  });

  test('reports in real ms whatever the scale, and keeps its figure once stopped', async () => {
    const probe = startLagProbe(createClock({ scale: 0.01 }));
    busyWait(200);
    const worst = probe.stop();
    expect(worst).toBeGreaterThanOrEqual(150);
    expect(worst).toBeLessThan(20_000);
    busyWait(50);
    expect(probe.stop()).toBe(worst);
  });
});

describe('startLagProbe on a virtual clock', () => {
  test('reports 0 and starts no timer: lateness changes nothing there', () => {
    const interval = vi.spyOn(globalThis, 'setInterval');
    const probe = startLagProbe(createVirtualClock());
    busyWait(200);
    expect(probe.stop()).toBe(0);
    expect(interval).not.toHaveBeenCalled();
  });
});
