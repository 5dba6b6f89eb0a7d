import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/workspace.ts';
import { InputError, formatInputProblem } from '../source/index.ts';
import { loadProfile } from './load-profile.ts';

const PROFILE = `id: acme
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

async function load(text: string): Promise<{ redact?: unknown; problems: string[] }> {
  const file = path.join(tmp.dir, 'acme.yaml');
  await writeFile(file, text);
  try {
    return { redact: (await loadProfile(file)).profile.redact, problems: [] };
  } catch (e) {
    if (e instanceof InputError) return { problems: e.problems.map((p) => formatInputProblem(p).replace(tmp.dir + '/', '')) };
    throw e;
  }
}

describe("the profile's redact section", () => {
  it('extends redaction with field names and value patterns', async () => {
    const r = await load(`${PROFILE}redact:\n  fields: [merchant_secret]\n  patterns: ['ACME-[0-9]{8}']\n`);
    expect(r).toEqual({ redact: { fields: ['merchant_secret'], patterns: ['ACME-[0-9]{8}'] }, problems: [] });
  });

  it('locates a pattern that is not a regular expression, or one that matches the empty text', async () => {
    const r = await load(`${PROFILE}redact:\n  patterns:\n    - 'ACME-[0-9]{8}'\n    - 'ACME-[0-9'\n    - '[0-9]*'\n`);
    expect(r.problems).toEqual([
      expect.stringMatching(/^acme\.yaml:10:7 {2}redact\.patterns\[1\]: not a regular expression: Unterminated character class$/) as string,
      'acme.yaml:11:7  redact.patterns[2]: matches the empty text: it would mask everywhere',
    ]);
  });

  it('refuses an unknown key in the section', async () => {
    expect((await load(`${PROFILE}redact:\n  field: [x]\n`)).problems).toEqual([expect.stringMatching(/^acme\.yaml:8:3 {2}redact\.field: unknown key \(did you mean 'fields'\?\)$/) as string]);
  });
});
