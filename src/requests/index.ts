// Requests for the contract's operations when the contract's examples do not serve: generated, pinned, carrying ids.
export { generateRequest, unmetPart } from './generate-request.ts';
export type { GeneratedRequest, MissingPart, RequestSources } from './generate-request.ts';
export { applyPin } from './pins.ts';
export type { RequestPin, RequestPins } from './pins.ts';
export { idInAnswer, idSourcesOf } from './id-sources.ts';
export type { IdSource } from './id-sources.ts';
