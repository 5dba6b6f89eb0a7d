/** Access tokens the simulator issued, with their expiry (unix seconds on the time the gate judges by). */
export class TokenStore {
  private readonly tokens = new Map<string, number>();

  issue(token: string, now: number, lifetimeSeconds: number): void {
    this.tokens.set(token, now + lifetimeSeconds);
  }

  valid(token: string, now: number): boolean {
    const expires = this.tokens.get(token);
    return expires !== undefined && now < expires;
  }

  /** Expires every token now: lets a test see the client refresh once on 401. */
  revokeAll(): void {
    this.tokens.clear();
  }
}
