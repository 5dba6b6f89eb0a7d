import type { ErrorsSpec } from '../errors/index.ts';
import type { AuthSpec, WebhooksSpec } from './auth-model.ts';
import type { RetrySpec } from '../retry/spec.ts';
import type { IdempotencySpec } from '../idempotency/model.ts';

// The `errors` section's types live with the errors module, whose fragment schema the profile schema embeds.
export type { ErrorTrigger, ErrorsSpec } from '../errors/index.ts';

/** The partner profile as written in `partners/<id>.yaml` (shape enforced by schemas/profile.schema.json). */
export type Duration = string | number;
export type Family = 'contract' | 'auth' | 'idempotency' | 'errors' | 'retry' | 'transactions' | 'scenarios';
export type EnvironmentName = 'simulator' | 'sandbox' | 'production';

export interface Timeouts {
  connect?: Duration;
  headers?: Duration;
  body?: Duration;
  deadline?: Duration;
}

export interface Environment {
  baseUrl?: string;
  production?: boolean;
  timeouts?: Timeouts;
  /** Simulator only: fixed test credentials by environment-variable name. */
  testCredentials?: Record<string, string>;
  /** Public URL forwarding to railgate's webhook receiver. */
  webhookUrl?: string;
  receiverPort?: number;
}

export interface TransactionSpec {
  create: string;
  read: string;
  list?: string;
  id?: string;
  idParam?: string;
  /** JSON Pointer to the caller's reference in the create request and the resource; the list filters by its last segment. */
  reference?: string;
  state?: string;
  states?: { initial: string; transitions?: Record<string, string[]>; terminal: string[] };
}

export interface Profile {
  id: string;
  name: string;
  contract: string;
  contractValidation?: 'strict' | 'lenient';
  rails: string[];
  environments: Partial<Record<EnvironmentName, Environment>>;
  timeouts?: Timeouts;
  retry?: RetrySpec;
  auth?: AuthSpec;
  webhooks?: WebhooksSpec;
  idempotency?: IdempotencySpec;
  errors?: ErrorsSpec;
  transactions?: Record<string, TransactionSpec>;
  readiness?: { required?: Family[] };
}
