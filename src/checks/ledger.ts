import { FAULT_HEADER } from '../faults/index.ts';
import type { Exchange } from '../http/index.ts';
import { currentCheckScope } from './scope.ts';

/** Every exchange with the partner in a run, so the contract and errors families can judge what all the others saw. */
export class ExchangeLedger {
  private readonly all: Exchange[] = [];
  private readonly makers = new WeakMap<Exchange, string>();

  record(e: Exchange): void {
    // An answer the fault layer made up is not the partner's: judging it against the contract would blame the partner.
    if (e.response?.headers[FAULT_HEADER] !== undefined) return;
    this.all.push(e);
    // The check that made it sees it among its own, whatever ran beside it.
    const scope = currentCheckScope();
    if (!scope) return;
    scope.exchanges.push(e);
    this.makers.set(e, scope.name);
  }

  /** The check (`<family> <name>`) that made an exchange; undefined for the partner's setup. */
  madeBy(e: Exchange): string | undefined {
    return this.makers.get(e);
  }

  forOperation(operationId: string): Exchange[] {
    return this.all.filter((e) => e.request.operationId === operationId);
  }

  get size(): number {
    return this.all.length;
  }

  entries(): readonly Exchange[] {
    return this.all;
  }
}
