/**
 * What calls cost on the fake clock: every API call is a round trip to Google (drafting 200
 * emails takes minutes), which is what brings a script near the time limit. Keys are
 * 'Class.method' ('GmailApp.createDraft') or '<Service>.*' for every call reached from a service
 * ('GmailApp.*'). Default 0 for everything.
 */
export class Latency {
  private readonly costs = new Map<string, number>();

  /** Sets the cost in milliseconds of each call of `method` ('GmailApp.createDraft' or 'GmailApp.*'). */
  set(method: string, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`latency must be a non-negative number of ms, got ${ms}`);
    this.costs.set(method, ms);
  }

  /** The cost of one call (exact method first, then the service wildcard). */
  get(method: string, service?: string): number {
    return this.costs.get(method) ?? (service ? this.costs.get(`${service}.*`) : undefined) ?? 0;
  }

  /** Every call free again. */
  clear(): void { this.costs.clear(); }
}
