import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Partner } from '../partner/index.ts';
import { plantedLabel } from '../simulator/defects.ts';
import type { RunConfig } from '../suite/run-config.ts';

/**
 * Environment info for the Allure report. (Categories — partner defects, contract drift, harness
 * configuration errors, sorted by the kind each CheckFailure puts in its message — are in allurerc.json.)
 */
export async function writeAllureMetadata(results: string, partners: Partner[], config: RunConfig): Promise<void> {
  await mkdir(results, { recursive: true });
  const env: string[] = [`environment=${config.env}`, `seed=${config.seed}`];
  if (config.defects.length > 0) env.push(`planted=${plantedLabel(config.defects)}`);
  for (const p of partners) {
    env.push(`${p.id}.contract=${p.contract.title} ${p.contract.version}`);
    env.push(`${p.id}.contract.hash=${p.contract.hash}`);
    env.push(`${p.id}.baseUrl=${config.env === 'simulator' ? 'embedded simulator (loopback)' : (p.profile.environments[config.env]?.baseUrl ?? '')}`);
  }
  await writeFile(path.join(results, 'environment.properties'), env.join('\n') + '\n');

}
