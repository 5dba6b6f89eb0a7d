import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readiness } from '../readiness/index.ts';

/** A reports folder's verdicts: every `readiness/<partner>.json` (summary and page files are not verdicts). */
export async function readVerdicts(reportsDir: string): Promise<Readiness[]> {
  const dir = path.join(reportsDir, 'readiness');
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const all = await Promise.all(files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as Partial<Readiness>));
  return all.filter((r): r is Readiness => typeof r.partner === 'string' && typeof r.verdict === 'string');
}

/**
 * Shards of one run (`run --shard i/n`) deal each partner to one runner, so their verdicts merge by union. A
 * partner judged in two shards means they were not shards of one run: refused, naming it.
 */
export function unionOfVerdicts(shards: readonly { dir: string; verdicts: readonly Readiness[] }[]): Readiness[] {
  const seen = new Map<string, string>();
  const out: Readiness[] = [];
  for (const { dir, verdicts } of shards) {
    for (const r of verdicts) {
      const before = seen.get(r.partner);
      if (before) throw new Error(`partner '${r.partner}' is judged in both ${before} and ${dir}: these are not shards of one run`);
      seen.set(r.partner, dir);
      out.push(r);
    }
  }
  return out.sort((a, b) => a.partner.localeCompare(b.partner));
}

/** Every shard's Allure results in one folder: result, container and attachment files have unique names. */
export async function copyAllureResults(from: readonly string[], to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const dir of from) {
    const results = path.join(dir, 'allure-results');
    if (!existsSync(results)) continue;
    for (const f of await readdir(results)) await copyFile(path.join(results, f), path.join(to, f));
  }
}
