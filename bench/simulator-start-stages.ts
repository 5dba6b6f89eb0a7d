// Where `railgate simulate --contract FILE` spends its start, stage by stage, in one process: the modules imported,
// the contract loaded (parsed, checked against OpenAPI's schema, bundled, indexed), the profile inferred and
// checked against railgate's schema, the simulator built and listening, the first answer to GET /.
// Run: node --import tsx bench/simulator-start-stages.ts FILE   (or with dist/ current: the same through tsx)
const t0 = performance.now();
const laps: Array<[string, number]> = [];
const lap = (what: string): void => void laps.push([what, performance.now()]);
const { idFromFile, loadOnboardingContract, partnerFromContract } = await import('../src/onboard/index.ts');
const { startSimulator } = await import('../src/simulator/index.ts');
const { createClock } = await import('../src/clock/index.ts');
lap('modules imported');
const file = process.argv[2];
if (!file) throw new Error('usage: bench/simulator-start-stages.ts CONTRACT_FILE');
const loaded = await loadOnboardingContract(file);
lap('contract loaded');
const { partner } = await partnerFromContract(file, loaded, { id: idFromFile(file) });
lap('profile inferred and checked');
const sim = await startSimulator({ partner, seed: 1, clock: createClock({ scale: 1 }), stamps: 'wall' });
lap('simulator listening');
const res = await fetch(sim.origin + '/');
await res.text();
lap(`first answer (${res.status})`);
await sim.close();
let before = t0;
for (const [what, at] of laps) {
  console.log(`${what.padEnd(30)} +${String(Math.round(at - before)).padStart(5)} ms  ${String(Math.round(at - t0)).padStart(6)} ms`);
  before = at;
}
