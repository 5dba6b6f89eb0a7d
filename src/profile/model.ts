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
}

export interface ErrorTrigger {
  code: string;
  operation: string;
  body?: unknown;
  status?: number;
}

export interface TransactionSpec {
  create: string;
  read: string;
  list?: string;
  id?: string;
  idParam?: string;
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
  idempotency?: { header: string; operations: string[]; window?: Duration };
  errors?: { code: string; message?: string; triggers?: ErrorTrigger[] };
  transactions?: Record<string, TransactionSpec>;
  readiness?: { required?: Family[] };
}
