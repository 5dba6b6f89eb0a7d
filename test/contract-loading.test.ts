import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaValidators, loadContract } from '../src/contract/index.ts';
import { sampleBody } from '../src/simulator/synthesize.ts';
import { runCli } from './helpers/cli.ts';
import { REPO, copyWorkspace } from './helpers/workspace.ts';

// Issue 17 item 5 and issue 12's contract cases: odd or broken contracts load or are refused with a located
// message — never an internal error, a stack trace or a line from ajv. Each fixture in
// test/fixtures/contracts/ has its exact `lint` output beside it (`<name>.lint.txt`);
// RAILGATE_UPDATE_GOLDEN=1 rewrites them, to be read in the diff before committing.

const FIXTURES = path.join(REPO, 'test/fixtures/contracts');

const CASES: ReadonlyArray<[fixture: string, exit: number]> = [
  ['nullable-3.1.yaml', 0],
  ['mixed-3.0.yaml', 0],
  ['unhonoured.yaml', 0],
  ['circular/main.yaml', 0],
  ['cycles-endless.yaml', 0],
  ['missing-ref.yaml', 2],
  ['split-missing/main.yaml', 2],
  ['refused.yaml', 2],
];

describe('railgate lint on odd and broken contracts', () => {
  let ws: Awaited<ReturnType<typeof copyWorkspace>>;

  beforeAll(async () => {
    ws = await copyWorkspace();
  });
  afterAll(() => ws.dispose());

  /** A minimal partner `acme` whose contract is the fixture, copied (with its folder) into the workspace. */
  async function useContract(fixture: string): Promise<void> {
    const folder = path.dirname(fixture);
    await mkdir(path.join(ws.dir, 'contracts/acme'), { recursive: true });
    if (folder === '.') await cp(path.join(FIXTURES, fixture), path.join(ws.dir, 'contracts/acme', fixture));
    else await cp(path.join(FIXTURES, folder), path.join(ws.dir, 'contracts/acme', folder), { recursive: true });
    await ws.write('partners/acme.yaml', `id: acme\nname: Acme\ncontract: ../contracts/acme/${fixture}\nrails: [BR-PIX]\nenvironments: {}\n`);
  }

  it.each(CASES)('%s: exit %i, the located output of its golden file', async (fixture, exit) => {
    await useContract(fixture);
    const r = await runCli(['lint', '--partner', 'acme'], { cwd: ws.dir });
    const output = r.stdout + r.stderr;
    const golden = path.join(FIXTURES, fixture.replace(/\.ya?ml$/, '.lint.txt'));
    if (process.env.RAILGATE_UPDATE_GOLDEN) await writeFile(golden, output);
    expect(output).toBe(await readFile(golden, 'utf8'));
    expect(r.code).toBe(exit);
    expect(output).not.toMatch(/\n\s+at |internal error|unknown format/);
  });

  it('run refuses a contract whose $ref misses: exit 2, located, nothing written', async () => {
    await useContract('split-missing/main.yaml');
    const r = await runCli(['run', '--partner', 'acme', '--reports', 'out'], { cwd: ws.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^contracts\/acme\/split-missing\/schemas\.yaml:8:21  Error\.properties\.detail\.\$ref: \$ref target #\/ErrorDetails does not exist/m);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(existsSync(path.join(ws.dir, 'out'))).toBe(false);
  });
});

describe('example bodies from cyclic schemas', () => {
  // Before, json-schema-faker never returned on `Memo: { allOf: [{ $ref: Memo }] }`, and ajv overflowed its stack.
  it.each(['Memo', 'Ping', 'Chain', 'Entry'])('%s: the simulator generates a body and returns', async (name) => {
    const contract = await loadContract(path.join(FIXTURES, 'cycles-endless.yaml'));
    const media = { contentType: 'application/json', schemaPointer: `/components/schemas/${name}`, examples: {} };
    const validators = new SchemaValidators(contract.bundled, '3.1');
    expect(() => sampleBody(contract, validators, media, 20261121)).not.toThrow();
  });
});
