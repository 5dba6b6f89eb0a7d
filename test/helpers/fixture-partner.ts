import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadPartner } from '../../src/partner/index.ts';
import type { Partner } from '../../src/partner/index.ts';

/**
 * A partner made of one contract file and the smallest profile the schema accepts (no auth, no transactions),
 * in `dir`: how a provider's contract first meets railgate. `lenient` loads a contract OpenAPI does not fully allow.
 */
export async function contractOnlyPartner(dir: string, id: string, contractFile: string, opts: { lenient?: boolean } = {}): Promise<Partner> {
  await mkdir(path.join(dir, 'partners'), { recursive: true });
  await mkdir(path.join(dir, 'contracts'), { recursive: true });
  await copyFile(contractFile, path.join(dir, 'contracts', path.basename(contractFile)));
  const profile = `id: ${id}\nname: ${id}\ncontract: ../contracts/${path.basename(contractFile)}\nrails: [XX-TEST]\nenvironments: {}\n${opts.lenient ? 'contractValidation: lenient\n' : ''}`;
  await writeFile(path.join(dir, 'partners', `${id}.yaml`), profile);
  return loadPartner(path.join(dir, 'partners', `${id}.yaml`), dir);
}
