// `npm run bench [n] [pairs]`: the fault proxy's idle overhead per request against direct calls, and the
// simulator's hot path against a plain node:http handler, each measured against its baseline in the same run
// (interleaved), with the machine it ran on; then real contract load times; last, the whole example run with its
// durations as declared and ×10, `pairs` of each interleaved; and the CLI's start-up, one scenario and the main job
// beside `node -e 0`, `lint` of each real contract beside swagger-parser's validate; each example partner's full run
// against a real-time sandbox beside its longest chain of checks. Figures are recorded in bench/README.md.
import { formatCliBench, runCliBench } from './cli.bench.ts';
import { formatContractsBench, runContractsBench } from './contracts.bench.ts';
import { formatConformanceBench, runConformanceBench } from './conformance.bench.ts';
import { allGo, formatDurationsBench, runDurationsBench } from './durations.bench.ts';
import { runFaultsBench } from './faults.bench.ts';
import type { FaultsBenchFigures, LatencyStats } from './faults.bench.ts';
import { formatSimulatorBench, runSimulatorBench } from './simulator.bench.ts';
import { formatSimulatorStartBench, runSimulatorStartBench } from './simulator-start.bench.ts';
import { formatSandboxBench, runSandboxBench } from './sandbox.bench.ts';

const n = process.argv[2] ? Number(process.argv[2]) : 2_000;
const figures = await runFaultsBench({ n, timeLimitMs: 60_000 });
console.log(report(figures));
console.log('');
console.log(formatSimulatorBench(await runSimulatorBench({ n: Math.ceil(n / 2), timeLimitMs: 60_000 })));
// Start to first answer beside Prism (PRISM_BIN), one run per contract: `node --import tsx bench/simulator-start.bench.ts [runs]` for more.
console.log('');
console.log(formatSimulatorStartBench(await runSimulatorStartBench()));
console.log('');
console.log(formatCliBench(await runCliBench()));
console.log('');
console.log(formatContractsBench(await runContractsBench()));
console.log('');
console.log(formatConformanceBench(await runConformanceBench()));
console.log('');
// Each example partner against its simulator at real pace as the sandbox, beside its longest chain of checks.
console.log(formatSandboxBench(await runSandboxBench({ progress: (line) => console.log(line) })));
console.log('');
const durations = await runDurationsBench({ pairs: process.argv[3] ? Number(process.argv[3]) : undefined, progress: (line) => console.log(line) });
console.log(formatDurationsBench(durations));
if (!allGo(durations)) process.exitCode = 1;

function report(f: FaultsBenchFigures): string {
  const row = (name: string, s: LatencyStats): string => `| ${name} | ${s.mean.toFixed(3)} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} |`;
  return [
    `fault proxy, idle (no rules): ${f.n} sequential keep-alive undici requests per path on loopback, interleaved`,
    `machine: ${f.cores} cores, node ${f.node}, ${process.platform}/${process.arch}`,
    '',
    '| path | mean ms | p50 ms | p99 ms |',
    '|---|---|---|---|',
    row('direct', f.direct),
    row('through the proxy', f.proxied),
    '',
    `overhead: ${f.overheadMs.toFixed(3)} ms per request (${f.ratio.toFixed(2)}x direct)`,
  ].join('\n');
}
