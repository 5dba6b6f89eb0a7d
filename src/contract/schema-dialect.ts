/**
 * OpenAPI 3.0 schemas are a draft-04/05 dialect with `nullable`; OpenAPI 3.1 schemas are JSON Schema 2020-12.
 * For 3.0 we rewrite the bundled document once so a standard validator reads it as it is meant:
 * `nullable: true` → `type: [t, 'null']` (and null allowed in `enum`), boolean `exclusiveMinimum/Maximum`
 * → numeric form. Only objects that carry these keywords with their schema meaning are touched.
 */
export function normalizeOpenApi30(node: unknown, depth = 0): unknown {
  if (depth > 200 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = normalizeOpenApi30(node[i], depth + 1);
    return node;
  }
  const o = node as Record<string, unknown>;
  for (const k of Object.keys(o)) o[k] = normalizeOpenApi30(o[k], depth + 1);
  if (o.nullable === true) {
    if (typeof o.type === 'string') o.type = [o.type, 'null'];
    if (Array.isArray(o.enum) && !o.enum.includes(null)) o.enum = [...o.enum, null];
    delete o.nullable;
  }
  if (typeof o.exclusiveMinimum === 'boolean') {
    if (o.exclusiveMinimum && typeof o.minimum === 'number') {
      o.exclusiveMinimum = o.minimum;
      delete o.minimum;
    } else delete o.exclusiveMinimum;
  }
  if (typeof o.exclusiveMaximum === 'boolean') {
    if (o.exclusiveMaximum && typeof o.maximum === 'number') {
      o.exclusiveMaximum = o.maximum;
      delete o.maximum;
    } else delete o.exclusiveMaximum;
  }
  return o;
}
