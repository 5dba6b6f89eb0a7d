import type { Exchange } from '../http/index.ts';

/** Every exchange of a partner's run, so the contract family can judge what all the others saw. */
export class ExchangeLedger {
  private readonly all: Exchange[] = [];

  record(e: Exchange): void {
    this.all.push(e);
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
