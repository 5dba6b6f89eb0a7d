/** Resources the simulator created, by collection, in creation order (a partner's database, in memory). */
export class ResourceStore {
  private readonly collections = new Map<string, Map<string, Record<string, unknown>>>();
  /** Other ids a resource answers to, by collection: a fixture is named differently by each operation (fixtures.ts). */
  private readonly aliases = new Map<string, Map<string, string>>();
  /** What makes a collection's first resources, run when the collection is first used (defer). */
  private readonly deferred = new Map<string, () => void>();

  /**
   * `make` puts the collection's first resources when the collection is first used (put, get, list, count): a
   * fixture generated from a large schema costs nothing at start, and nothing at all if no request names it.
   */
  defer(collection: string, make: () => void): void {
    this.deferred.set(collection, make);
  }

  private settle(collection: string): void {
    const make = this.deferred.get(collection);
    if (!make) return;
    this.deferred.delete(collection);
    make();
  }

  /** Whether the collection holds a resource, or will when first used. */
  holds(collection: string): boolean {
    return this.deferred.has(collection) || (this.collections.get(collection)?.size ?? 0) > 0;
  }

  put(collection: string, id: string, resource: Record<string, unknown>): void {
    this.settle(collection);
    let c = this.collections.get(collection);
    if (!c) {
      c = new Map();
      this.collections.set(collection, c);
    }
    c.set(id, resource);
  }

  /** `alias` names the resource kept under `id` too; lists still show it once. */
  alias(collection: string, alias: string, id: string): void {
    if (alias === id) return;
    let a = this.aliases.get(collection);
    if (!a) {
      a = new Map();
      this.aliases.set(collection, a);
    }
    a.set(alias, id);
  }

  get(collection: string, id: string): Record<string, unknown> | undefined {
    this.settle(collection);
    const c = this.collections.get(collection);
    const target = c?.has(id) ? id : this.aliases.get(collection)?.get(id);
    return target === undefined ? undefined : c?.get(target);
  }

  list(collection: string): Array<Record<string, unknown>> {
    this.settle(collection);
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  count(): number {
    for (const collection of [...this.deferred.keys()]) this.settle(collection);
    let n = 0;
    for (const c of this.collections.values()) n += c.size;
    return n;
  }
}
