import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Partner } from '../partner/index.ts';
import type { RunConfig } from '../suite/run-config.ts';

/**
 * Environment info and categories for the Allure report. Categories separate partner defects, contract
 * drift and harness configuration errors, by the prefix each CheckFailure kind puts in its message.
 */
export async function writeAllureMetadata(results: string, partners: Partner[], config: RunConfig): Promise<void> {
  await mkdir(results, { recursive: true });
  const env: string[] = [`environment=${config.env}`, `seed=${config.seed}`];
  if (config.defects.length > 0) env.push(`defects=${config.defects.join(',')}`);
  for (const p of partners) {
    env.push(`${p.id}.contract=${p.contract.title} ${p.contract.version}`);
    env.push(`${p.id}.contract.hash=${p.contract.hash}`);
    env.push(`${p.id}.baseUrl=${config.env === 'simulator' ? 'embedded simulator (loopback)' : (p.profile.environments[config.env]?.baseUrl ?? '')}`);
  }
  await writeFile(path.join(results, 'environment.properties'), env.join('\n') + '\n');
  const categories = [
    { name: 'Contract drift', matchedStatuses: ['failed'], messageRegex: '[\\s\\S]*\\[contract-drift\\][\\s\\S]*' },
    { name: 'Harness configuration errors', matchedStatuses: ['failed', 'broken'], messageRegex: '[\\s\\S]*\\[configuration\\][\\s\\S]*' },
    { name: 'Partner defects', matchedStatuses: ['failed'], messageRegex: '[\\s\\S]*\\[partner-defect\\][\\s\\S]*' },
  ];
  await writeFile(path.join(results, 'categories.json'), JSON.stringify(categories, null, 2));
}
