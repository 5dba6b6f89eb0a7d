import { joinPointer } from '../../json/index.ts';
import type { Contract, Operation, SchemaValidators } from '../../contract/index.ts';
import type { Profile } from '../../profile/index.ts';

export interface ContractFinding {
  rule: ContractRule;
  operationId?: string;
  message: string;
  /** Where in the bundled document the finding is (an example): lint prints its file:line:col. */
  pointer?: string;
}

export type ContractRule = 'openapi-schema' | 'error-responses' | 'security' | 'idempotency-header' | 'examples-valid';

/** The static rules, in the order they are reported; each becomes one test of the contract family. */
export const CONTRACT_RULES: ReadonlyArray<{ rule: ContractRule; title: string }> = [
  { rule: 'openapi-schema', title: 'the contract is a valid OpenAPI document with no dangling references' },
  { rule: 'error-responses', title: 'every mutating operation documents its error responses' },
  { rule: 'security', title: 'every mutating operation declares its security' },
  { rule: 'idempotency-header', title: 'every idempotent operation documents the idempotency header' },
  { rule: 'examples-valid', title: 'every example validates against its schema' },
];

/** Is the contract fit for launch? Pure: reads the loaded contract and the profile, returns findings. */
export function lintContract(contract: Contract, validators: SchemaValidators, profile: Profile): ContractFinding[] {
  const out: ContractFinding[] = [];
  for (const w of contract.warnings) {
    if (!w.message.startsWith('remote $ref')) out.push({ rule: 'openapi-schema', message: `${w.file}:${w.line}:${w.col}  ${w.path ? `${w.path}: ` : ''}${w.message}` });
  }
  for (const op of contract.operations.values()) {
    if (op.mutating && !op.responses.some((r) => /^4/.test(r.status) || r.status === 'DEFAULT')) {
      out.push({ rule: 'error-responses', operationId: op.id, message: `${op.id} documents no 4xx response`, pointer: joinPointer(op.pointer, 'responses') });
    }
    if (op.mutating && op.security.length === 0) {
      out.push({ rule: 'security', operationId: op.id, message: `${op.id} declares no security requirement`, pointer: op.pointer });
    }
    out.push(...lintExamples(op, validators));
  }
  const header = profile.idempotency?.header.toLowerCase();
  for (const id of profile.idempotency?.operations ?? []) {
    const op = contract.operations.get(id);
    if (op && !op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === header)) {
      out.push({ rule: 'idempotency-header', operationId: id, message: `${id} does not document the ${profile.idempotency?.header} header` });
    }
  }
  return out;
}

function lintExamples(op: Operation, validators: SchemaValidators): ContractFinding[] {
  const out: ContractFinding[] = [];
  const media = [
    ...(op.requestBody?.content ?? []).map((m) => ({ m, where: 'request body', at: joinPointer(op.pointer, 'requestBody', 'content', m.contentType) })),
    ...op.responses.flatMap((r) => r.content.map((m) => ({ m, where: `${r.status} response`, at: joinPointer(op.pointer, 'responses', r.status, 'content', m.contentType) }))),
  ];
  for (const { m, where, at } of media) {
    if (!m.schemaPointer || !/json/.test(m.contentType)) continue;
    for (const [name, value] of Object.entries(m.examples)) {
      // A named example sits under `examples`; the single one (`default`) is the media's `example` (or its schema's).
      const pointer = name === 'default' ? joinPointer(at, 'example') : joinPointer(at, 'examples', name);
      for (const issue of validators.validate(m.schemaPointer, value)) {
        out.push({ rule: 'examples-valid', operationId: op.id, message: `${op.id} ${where} example '${name}': ${issue.at} ${issue.message}`, pointer });
      }
    }
  }
  for (const p of op.parameters) {
    if (p.example === undefined || !p.schemaPointer) continue;
    for (const issue of validators.validate(p.schemaPointer, p.example)) {
      out.push({ rule: 'examples-valid', operationId: op.id, message: `${op.id} parameter '${p.name}' example: ${issue.message}` });
    }
  }
  return out;
}
