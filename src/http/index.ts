export { OPERATION_HEADER, createHttpClient, parseBody } from './client.ts';
export type { ClientOptions, ExchangeListener, HttpClient, SendOptions } from './client.ts';
export { PhaseTimeout, timedDispatch } from './timed-dispatch.ts';
export type { TimedOptions, TimedResponse } from './timed-dispatch.ts';
export { buildRequest } from './build-request.ts';
export type { RequestParts } from './build-request.ts';
export type { ClientTimeouts, Exchange, HttpRequest, HttpResponse, TransportError } from './model.ts';
export { backstopMs, watchedConnector } from './watched-connector.ts';
