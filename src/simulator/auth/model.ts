import type { HttpMessage } from '../../auth/index.ts';
import type { Operation } from '../../contract/index.ts';
import type { Detection } from '../../profile/index.ts';
import type { Answer } from '../answer.ts';

/** A layer's judgement of a request: undefined when it passes, else what a strict partner detected. */
export type LayerVerdict = { detection: Detection; reason: string } | undefined;

/**
 * A request as the gate judges it (a SimRequest's parts): header names lower-case, repeated fields joined; its body
 * as text; `target`, when given, is its `url` as already parsed.
 */
export type GateMessage = HttpMessage & { headers: Record<string, string>; body: string; target?: URL };

/** One layer of the simulator's verification, mirror of a client signing layer. */
export type VerifyLayer = (message: GateMessage, now: number) => LayerVerdict;

/** What the gate does with a request: refuse it (an error body follows), or answer it itself (tokens). */
export type GateAnswer = { kind: 'refuse'; status: number; code?: string; message: string } | { kind: 'respond'; answer: Answer };

export interface AuthGate {
  /** Undefined when the request may proceed to the operation's handler. */
  check(op: Operation, message: GateMessage): GateAnswer | undefined;
  /** Expires every access token issued so far, as a partner's revocation would. */
  revokeTokens(): void;
}
