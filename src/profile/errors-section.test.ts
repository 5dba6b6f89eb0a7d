import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { errorsProfileSchema } from '../errors/index.ts';
import { SCHEMAS_DIR } from '../source/index.ts';

// schemas/profile.schema.json stands alone for editors (yaml-language-server), so it carries a copy of
// the errors module's fragment; this keeps the copy in step with the fragment the module tests.
describe('profile schema, errors section', () => {
  it('is errorsProfileSchema, verbatim', async () => {
    const schema = JSON.parse(await readFile(new URL('profile.schema.json', SCHEMAS_DIR), 'utf8')) as { properties: { errors: unknown } };
    expect(schema.properties.errors).toEqual(JSON.parse(JSON.stringify(errorsProfileSchema)));
  });
});
