/** Resources the simulator created, by collection, in creation order (a partner's database, in memory). */
export class ResourceStore {
  private readonly collections = new Map<string, Map<string, Record<string, unknown>>>();
  /** Other ids a resource answers to, by collection: a fixture is named differently by each operation (fixtures.ts). */
  private readonly aliases = new Map<string, Map<string, string>>();

  put(collection: string, id: string, resource: Record<string, unknown>): void {
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
    const c = this.collections.get(collection);
    const target = c?.has(id) ? id : this.aliases.get(collection)?.get(id);
    return target === undefined ? undefined : c?.get(target);
  }

  list(collection: string): Array<Record<string, unknown>> {
    return [...(this.collections.get(collection)?.values() ?? [])];
  }

  count(): number {
    let n = 0;
    for (const c of this.collections.values()) n += c.size;
    return n;
  }
}
