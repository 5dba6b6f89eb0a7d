/** Resources the simulator created, by collection, in creation order (a partner's database, in memory). */
export class ResourceStore {
  private readonly collections = new Map<string, Map<string, Record<string, unknown>>>();

  put(collection: string, id: string, resource: Record<string, unknown>): void {
    let c = this.collections.get(collection);
    if (!c) {
      c = new Map();
      this.collections.set(collection, c);
    }
    c.set(id, resource);
  }

  get(collection: string, id: string): Record<string, unknown> | undefined {
    return this.collections.get(collection)?.get(id);
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
