export { MissingCredential, credentialsFor } from './credentials.ts';
export type { Credentials } from './credentials.ts';
export { credentialRefs } from './refs.ts';
export type { CredentialRef } from './refs.ts';
export { parseKey, secretBytes, verifyingKey } from './key-text.ts';
export { foreignKey, foreignRsaKey, foreignSecret } from './foreign-key.ts';
export { credentialProblems } from './problems.ts';
export { keyKindProblems } from './key-kind.ts';
export { webhookTestCredentials } from './webhook-test-credentials.ts';
