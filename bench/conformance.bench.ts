// The conformance family beside Schemathesis (issue 16), on the EuroCard simulator and contract: for the clean
// simulator and for each planted defect of the family, the wall time of `railgate run --family conformance`, the
// cases it sent, and the distinct findings (failed checks), and whether the planted defect was among them.
// Schemathesis runs the same way, against `railgate simulate` with the same defect, when SCHEMATHESIS_BIN names
// its executable (it installs from PyPI, which not every machine reaches); otherwise the bench says it is absent.
// Run: node --import tsx bench/conformance.bench.ts
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFECTS } from '../src/simulator/defects.ts';
import { startSimulate } from '../test/helpers/simulate.ts';
import { runCommand } from './command.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(REPO, 'bin/railgate.mjs');
const PARTNER = 'eurocard';
const CONTRACT = path.join(REPO, 'contracts/eurocard/eurocard.openapi.yaml');
/** The simulator's test API key (partners/eurocard.yaml): Schemathesis sends it as a header. */
const TEST_KEY = 'sk_test_railgate_simulator_eurocard_0001';

export interface ToolRun {
  wallMs: number;
  /** Requests or cases the tool sent. */
  cases: number;
  /** Distinct findings: failed checks (railgate), failures reported (Schemathesis). */
  findings: number;
  code: number;
}

export interface ConformanceRow {
  defect: string;
  railgate: ToolRun & { caught: boolean };
  schemathesis?: ToolRun;
}

export interface ConformanceFigures {
  cores: number;
  node: string;
  rows: ConformanceRow[];
  /** Why Schemathesis did not run, when it did not. */
  schemathesisAbsent?: string;
}

/** The longest one command may take: a hung tool is stopped and its run counted as such (exit -1). */
const COMMAND_DEADLINE_MS = 10 * 60_000;


async function railgate(reports: string, defect: string | undefined): Promise<ConformanceRow['railgate']> {
  const dir = path.join(reports, defect ?? 'clean');
  const r = await runCommand(process.execPath, [BIN, 'run', '--partner', PARTNER, '--family', 'conformance', '--reporter', 'plain', '--no-html', '--reports', dir, ...(defect ? ['--defect', defect] : [])], { cwd: REPO, deadlineMs: COMMAND_DEADLINE_MS });
  const ready = JSON.parse(await readFile(path.join(dir, 'readiness', `${PARTNER}.json`), 'utf8')) as { checks: Array<{ family: string; status: string; reason?: string }> };
  const checks = ready.checks.filter((c) => c.family === 'conformance');
  const failed = checks.filter((c) => c.status === 'failed');
  // Caught: the run failed on the partner's answers (a finding, not a broken check); the clean row shows no false finding.
  const findings = failed.filter((c) => /\[(partner-defect|contract-drift)\]/.test(c.reason ?? ''));
  return { wallMs: r.wallMs, cases: checks.length, findings: failed.length, code: r.code, caught: defect !== undefined && r.code === 1 && findings.length > 0 };
}

async function schemathesis(bin: string, defect: string | undefined): Promise<ToolRun> {
  const sim = await startSimulate(['--partner', PARTNER, ...(defect ? ['--defect', defect] : [])], { compiled: true });
  try {
    const r = await runCommand(bin, ['run', CONTRACT, '--url', sim.baseUrl, '--header', `X-Api-Key: ${TEST_KEY}`, '--checks', 'all'], { cwd: REPO, deadlineMs: COMMAND_DEADLINE_MS });
    // Its summary names the failures it found and the test cases it generated, whichever version wrote it.
    const findings = Number(/(\d+) (?:unique )?failures?/i.exec(r.out)?.[1] ?? (r.code === 0 ? 0 : 1));
    const cases = Number(/(\d+) (?:generated|test cases)/i.exec(r.out)?.[1] ?? 0);
    return { wallMs: r.wallMs, cases, findings, code: r.code };
  } finally {
    sim.kill();
  }
}

export async function runConformanceBench(): Promise<ConformanceFigures> {
  const reports = await mkdtemp(path.join(tmpdir(), 'railgate-bench-conformance-'));
  const bin = process.env.SCHEMATHESIS_BIN;
  const defects = [undefined, ...DEFECTS.filter((d) => d.family === 'conformance').map((d) => d.name)];
  const rows: ConformanceRow[] = [];
  try {
    for (const defect of defects) {
      const row: ConformanceRow = { defect: defect ?? '(clean)', railgate: await railgate(reports, defect) };
      if (bin) row.schemathesis = await schemathesis(bin, defect);
      rows.push(row);
    }
  } finally {
    await rm(reports, { recursive: true, force: true });
  }
  return { cores: cpus().length, node: process.version, rows, ...(!bin && { schemathesisAbsent: 'SCHEMATHESIS_BIN is not set (pip install schemathesis, then SCHEMATHESIS_BIN=$(which st))' }) };
}

export function formatConformanceBench(f: ConformanceFigures): string {
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `conformance family vs Schemathesis, ${PARTNER} simulator and contract (${f.cores} cores, Node ${f.node}):`,
    '',
    '| simulator | railgate wall | cases | cases/s | findings | planted defect caught | Schemathesis wall | cases | findings |',
    '|---|---|---|---|---|---|---|---|---|',
    ...f.rows.map((r) => {
      const st = r.schemathesis;
      const caught = r.defect === '(clean)' ? (r.railgate.findings === 0 ? 'no false finding' : 'FALSE FINDINGS') : r.railgate.caught ? 'yes' : 'NO';
      return `| ${r.defect} | ${s(r.railgate.wallMs)} | ${r.railgate.cases} | ${(r.railgate.cases / (r.railgate.wallMs / 1000)).toFixed(1)} | ${r.railgate.findings} | ${caught} | ${st ? s(st.wallMs) : '–'} | ${st ? st.cases : '–'} | ${st ? st.findings : '–'} |`;
    }),
  ];
  if (f.schemathesisAbsent) lines.push('', `Schemathesis not run: ${f.schemathesisAbsent}.`);
  lines.push('', 'Wall time is the whole command, start-up included; a railgate case is one check (its first request, plus shrinking when it fails).');
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  console.log(formatConformanceBench(await runConformanceBench()));
}
