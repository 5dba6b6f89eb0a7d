export { loadContract, loadOperations } from './load-contract.ts';
export type { LoadContractOptions } from './load-contract.ts';
export { indexOperations, deref } from './index-operations.ts';
export { indexWebhooks } from './index-webhooks.ts';
export { requestExample, requestMedia } from './request-example.ts';
export { fixtureId } from './fixture-id.ts';
// One way to make a value the contract accepts, for a request, a simulator's answer or a webhook's payload.
export { fittingExample, schemaIssues, seedFor, validSample } from './valid-sample.ts';
export type { Sample, SampleSite } from './valid-sample.ts';
export type { Direction } from './sample-schema.ts';
export { requestBodySchema, schemaDeclares } from './schema-at.ts';
export { SchemaCompileError, SchemaValidators } from './schema-validators.ts';
export { locateAllInContract, locateInContract } from './locate-schema.ts';
export type { SchemaIssue } from './schema-validators.ts';
export { checkRequest, checkResponse, findResponseSpec, isJsonType, pickMedia } from './conformance.ts';
export type { ConformanceIssue, ConformanceRule, ObservedRequest, ObservedResponse } from './conformance.ts';
export { getPointer, joinPointer, splitPointer, escapePointer } from '../json/index.ts';
export { HTTP_METHODS, isMutating, isReceiverContract } from './model.ts';
export type { Contract, HttpMethod, MediaSpec, Operation, ParameterSpec, ReceivedEvent, ResponseSpec } from './model.ts';
