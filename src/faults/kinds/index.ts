import { injectLatency } from './latency.ts';
import { injectStatus } from './status.ts';
import { injectReset } from './reset.ts';
import { injectDropResponse } from './drop-response.ts';
import { injectStallBody } from './stall-body.ts';
import { injectHang } from './hang.ts';
import type { Exchange, FaultEnv } from '../exchange.ts';
import type { Fault } from '../types.ts';

/** One case per fault kind; adding a kind is one file and one line here (the switch is checked exhaustive). */
export async function injectFault(ex: Exchange, fault: Fault, env: FaultEnv): Promise<void> {
  switch (fault.kind) {
    case 'latency':
      return injectLatency(ex, fault, env);
    case 'status':
      return injectStatus(ex, fault);
    case 'reset':
      return injectReset(ex, fault, env);
    case 'drop-response':
      return injectDropResponse(ex, env);
    case 'stall-body':
      return injectStallBody(ex, fault, env);
    case 'hang':
      return injectHang(ex, env);
    default:
      return unreachable(fault);
  }
}

function unreachable(fault: never): never {
  throw new TypeError(`unknown fault kind ${JSON.stringify(fault)}`);
}
