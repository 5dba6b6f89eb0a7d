import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { describe, expect, test } from 'vitest';
import { PRECOMPILED_VALIDATORS, SCHEMAS_DIR, shippedAjv, shippedSchemasHash } from './input-schema.ts';

// The build's validators (ajv standalone code, scripts/build.ts) stand in for ajv's compile of the shipped schemas:
// the same verdict and the same errors, word for word, which every located message is made from.
describe.runIf(existsSync(PRECOMPILED_VALIDATORS))("the build's validators of the shipped schemas", () => {
  const built = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED_VALIDATORS)) as { hash: string; files: Record<string, string> } & Record<string, ValidateFunction>;
  const ajv = shippedAjv();
  const cases: Array<[string, unknown]> = [
    ['profile.schema.json', { id: 'x', name: 'x', contract: 'c.yaml', rails: ['XX-TEST'], environments: {} }],
    ['profile.schema.json', { id: 'X Y', contract: 3, rails: 'BR-PIX', environments: { simulator: { baseUrl: 1 } }, auth: { apiKey: { header: 1 } }, extra: true }],
    ['scenario.schema.json', { name: 'a', rail: 'BR-PIX', steps: [{ call: 'createPayout', expect: { status: 'two hundred' } }, { unknownStep: 1 }] }],
  ];

  test('were made from these schemas', () => {
    expect(built.hash).toBe(shippedSchemasHash());
  });

  test.each(cases)('%s: the same verdict and errors as ajv compiling it now', (file, data) => {
    const { $id } = JSON.parse(readFileSync(new URL(file, SCHEMAS_DIR), 'utf8')) as { $id?: string };
    const compiled = ajv.getSchema($id ?? file);
    expect(compiled).toBeDefined();
    const standalone = built[built.files[file] as string] as ValidateFunction;
    expect(standalone(data)).toBe(compiled!(data));
    expect(standalone.errors ?? null).toEqual(compiled!.errors ?? null);
  });
});
