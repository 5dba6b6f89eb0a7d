/**
 * Nonces the simulator has accepted. A run is minutes long, so nothing expires: a partner keeps nonces
 * at least as long as its timestamp tolerance, and a replay inside that window is what the check sends.
 */
export class NonceStore {
  private readonly seen = new Set<string>();

  /** True when the nonce was used before; otherwise remembers it. */
  replayed(nonce: string): boolean {
    if (this.seen.has(nonce)) return true;
    this.seen.add(nonce);
    return false;
  }
}
