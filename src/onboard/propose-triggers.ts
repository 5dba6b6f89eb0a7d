import type { Contract } from '../contract/index.ts';

// A value a sandbox reacts to, as descriptions write them: `quoted`, a card or an amount, a magic id or reference, an address.
const MAGIC = /`([^`]{3,80})`|\b(\d{4}(?: \d{4}){2,3}|\d{6,})\b|\b([A-Za-z]+_[A-Z0-9]{6,}|MAGIC[-_][A-Z0-9-]+)\b|\b([\w.+-]+@[\w-]+\.[\w.]+\w)\b/g;

function descriptions(contract: Contract): string[] {
  const doc = contract.bundled;
  const info = doc.info as Record<string, unknown> | undefined;
  const out = [typeof info?.description === 'string' ? info.description : ''];
  for (const op of contract.operations.values()) {
    const node = op.pointer.split('/').slice(1).reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc) as Record<string, unknown> | undefined;
    if (typeof node?.description === 'string') out.push(node.description);
  }
  return out;
}

/**
 * Sandbox magic values the contract's descriptions name beside a documented code ("an authorization of 99999999
 * exceeds the limit (INVALID_AMOUNT)"): proposed triggers, commented out, for a person to place in a request.
 * `operationOf` names the operation documenting a code. Which field carries the value, text cannot say.
 */
export function proposeTriggers(contract: Contract, codes: readonly string[], operationOf: (code: string) => string | undefined): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const text of descriptions(contract)) {
    for (const sentence of text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+/)) {
      const code = codes.find((c) => c.length > 2 && new RegExp(`\\b${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(sentence));
      if (!code) continue;
      const values = [...sentence.matchAll(MAGIC)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim()).filter((v) => v && v !== code);
      const value = values[0];
      if (!value || seen.has(`${code}\u0000${value}`)) continue;
      seen.add(`${code}\u0000${value}`);
      lines.push(`TODO trigger for ${code}: the contract says "${sentence.trim().slice(0, 160)}" — which field carries ${value}?`);
      lines.push(`  - { code: ${code}, operation: ${operationOf(code) ?? '<operationId>'}, body: { <field>: ${JSON.stringify(/^\d+$/.test(value) ? Number(value) : value)} } }`);
    }
  }
  return lines.length > 0 ? ['errors.triggers proposed from the contract\'s sandbox magic values (under errors:, uncommented):', 'triggers:', ...lines] : [];
}
