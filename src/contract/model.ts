import type { InputProblem } from '../source/index.ts';

/** The contract as railgate uses it: operations indexed by operationId, schemas addressed by JSON Pointer. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** Pointer to the parameter's schema inside the bundled document. */
  schemaPointer?: string;
  example?: unknown;
}

export interface MediaSpec {
  contentType: string;
  schemaPointer?: string;
  /** Named examples (media `examples`), plus `default` for a single media or schema `example`. */
  examples: Record<string, unknown>;
}

export interface ResponseSpec {
  /** As written in the contract: '201', '4XX', 'default'. */
  status: string;
  description: string;
  content: MediaSpec[];
  headers: Array<{ name: string; required: boolean; schemaPointer?: string }>;
}

export interface Operation {
  id: string;
  method: HttpMethod;
  /** Path template as in the contract, e.g. `/payouts/{payoutId}`. */
  path: string;
  /** Pointer to the operation object inside the bundled document. */
  pointer: string;
  summary?: string;
  tags: string[];
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; content: MediaSpec[] };
  responses: ResponseSpec[];
  /** Security requirements in force (operation-level, else document-level); empty = unsecured. */
  security: Array<Record<string, string[]>>;
  /** Webhook/callback operations are not called by railgate but received. */
  mutating: boolean;
}

/**
 * An event the partner sends and the integration receives: a webhook (OpenAPI 3.1 `webhooks`, `id` its name)
 * or a callback (3.0 and 3.1, under an operation; `path` its runtime expression). Shaped as an operation, so
 * responses are judged alike, but kept apart: railgate never calls it, its receiver is called.
 * `security` is the event's own: the document's applies to the API railgate calls, not to the partner sending.
 */
export interface ReceivedEvent extends Operation {
  kind: 'webhook' | 'callback';
}

export interface Contract {
  file: string;
  title: string;
  version: string;
  openapi: string;
  /** sha256 of every file the contract is made of, in resolution order. */
  hash: string;
  /** Base path of the first server URL (`/v2` for `https://api.x.com/v2`), '' when none. */
  basePath: string;
  servers: string[];
  operations: Map<string, Operation>;
  /** The events the partner sends (webhooks, callbacks) by name: received by railgate, never called. */
  webhooks: Map<string, ReceivedEvent>;
  /** The bundled document (external refs internalised); schemas are addressed in it by pointer. */
  bundled: Record<string, unknown>;
  securitySchemes: Record<string, Record<string, unknown>>;
  /** Remote `$ref` URLs that were not fetched (treated as open schemas). */
  remoteRefs: string[];
  /** Oddities that do not stop a run (dangling refs, remote refs, `$ref` cycles), located in the contract's files. */
  warnings: InputProblem[];
  /**
   * What railgate reads past in a valid contract (a format it does not know, a pattern JavaScript cannot
   * compile), located: shown by lint, and no check fails on it, as it is no fault of the partner's.
   */
  limits: InputProblem[];
  /** Under lenient validation: how many breaks of OpenAPI (dangling `$ref`s included) became warnings; 0 otherwise. */
  relaxed?: number;
}

export function isMutating(method: HttpMethod): boolean {
  return method === 'post' || method === 'put' || method === 'patch' || method === 'delete';
}

/** A receiver's contract: it documents events the partner sends and no operation to call (Adyen's notification APIs). */
export function isReceiverContract(contract: Pick<Contract, 'operations' | 'webhooks'>): boolean {
  return contract.operations.size === 0 && (contract.webhooks?.size ?? 0) > 0;
}
