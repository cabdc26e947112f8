/** Counts requests by "<METHOD> <route pattern>", so tests can assert how many upstream calls were made. */
export class Stats {
  private counts = new Map<string, number>();

  count(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): { requests: Record<string, number> } {
    return { requests: Object.fromEntries(this.counts) };
  }

  reset(): void {
    this.counts.clear();
  }
}
