import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError, formatInputProblem } from '../source/index.ts';
import { tempDir } from '../../test/helpers/workspace.ts';
import { loadProfile } from './load-profile.ts';

const VALID = `id: acme
name: Acme Pay
contract: ../contracts/acme.yaml
rails: [BR-PIX]
environments:
  simulator: {}
`;

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeEach(async () => {
  tmp = await tempDir();
});
afterEach(() => tmp.dispose());

async function problemsOf(text: string): Promise<string[]> {
  const file = path.join(tmp.dir, 'acme.yaml');
  await writeFile(file, text);
  try {
    await loadProfile(file);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => formatInputProblem(p).replace(tmp.dir + '/', ''));
    throw e;
  }
  return [];
}

describe('loadProfile', () => {
  it('accepts a valid profile and returns it typed', async () => {
    const file = path.join(tmp.dir, 'acme.yaml');
    await writeFile(file, VALID);
    const { profile } = await loadProfile(file);
    expect(profile.rails).toEqual(['BR-PIX']);
    expect(profile.environments.simulator).toEqual({});
  });

  it('locates a value of the wrong type at the value', async () => {
    const text = VALID + 'idempotency:\n  header: 42\n  operations: [createPayout]\n';
    expect(await problemsOf(text)).toEqual(['acme.yaml:8:11  idempotency.header: must be a string']);
  });

  it('locates an unknown key at the key, with a did-you-mean hint', async () => {
    expect(await problemsOf(VALID + 'timeouts:\n  conect: 2s\n')).toEqual(["acme.yaml:8:3  timeouts.conect: unknown key (did you mean 'connect'?)"]);
  });

  it('names a missing required key at its parent', async () => {
    expect(await problemsOf(VALID.replace('name: Acme Pay\n', ''))).toEqual(["acme.yaml:1:1  missing required key 'name'"]);
  });

  it('lists the allowed values of an enum', async () => {
    expect(await problemsOf(VALID + 'contractValidation: loose\n')).toEqual(['acme.yaml:7:21  contractValidation: must be one of: strict, lenient']);
  });

  it('reports a pattern mismatch inside a list by index', async () => {
    expect(await problemsOf(VALID.replace('[BR-PIX]', '[BR-PIX, pix]'))).toEqual(['acme.yaml:4:17  rails[1]: must match pattern "^[A-Z]{2}-[A-Z0-9-]+$"']);
  });

  it('reports a bad duration once, not once per alternative', async () => {
    expect(await problemsOf(VALID + 'timeouts:\n  headers: ten seconds\n')).toEqual(["acme.yaml:8:12  timeouts.headers: must be a duration: '250ms', '10s', '2m', or a number of milliseconds"]);
  });

  it("validates setup items against the scenario language's step schema, located in the profile", async () => {
    const text = VALID + "setup:\n  - call: createWebhookEndpoint\n    expct: { status: 201 }\n  - sleep: soon\n";
    expect(await problemsOf(text)).toEqual([
      "acme.yaml:9:5  setup[0].expct: unknown key (did you mean 'expect'?)",
      "acme.yaml:10:12  setup[1].sleep: must be a duration: '250ms', '10s', '2m', or a number of milliseconds",
    ]);
  });

  it('reports every problem of the file at once', async () => {
    const problems = await problemsOf(VALID.replace('id: acme', 'id: 42') + 'extra: true\n');
    expect(problems).toHaveLength(2);
  });

  it('locates a YAML syntax error where it is', async () => {
    expect(await problemsOf('id: acme\nname: [unclosed\n')).toEqual([expect.stringMatching(/^acme\.yaml:[23]:\d+  /)]);
  });

  it('reports a missing file without a stack trace', async () => {
    await expect(loadProfile(path.join(tmp.dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml:1:1  file not found/);
  });
});

describe("the profile's redact section", () => {
  it('extends redaction with field names and value patterns', async () => {
    const file = path.join(tmp.dir, 'acme.yaml');
    await writeFile(file, `${VALID}redact:\n  fields: [merchant_secret]\n  patterns: ['ACME-[0-9]{8}']\n`);
    expect((await loadProfile(file)).profile.redact).toEqual({ fields: ['merchant_secret'], patterns: ['ACME-[0-9]{8}'] });
  });

  it('locates a pattern that is not a regular expression, or one that matches the empty text', async () => {
    expect(await problemsOf(`${VALID}redact:\n  patterns:\n    - 'ACME-[0-9]{8}'\n    - 'ACME-[0-9'\n    - '[0-9]*'\n`)).toEqual([
      expect.stringMatching(/^acme\.yaml:10:7 {2}redact\.patterns\[1\]: not a regular expression: Unterminated character class$/) as string,
      'acme.yaml:11:7  redact.patterns[2]: matches the empty text: it would mask everywhere',
    ]);
  });

  it('refuses an unknown key in the section', async () => {
    expect(await problemsOf(`${VALID}redact:\n  field: [x]\n`)).toEqual([expect.stringMatching(/^acme\.yaml:8:3 {2}redact\.field: unknown key \(did you mean 'fields'\?\)$/) as string]);
  });
});
