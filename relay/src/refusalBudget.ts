// How many refusals of unnamed callers (no valid token) the journal keeps: a budget per address and one for all of them.

/** A bucket that refuses when empty (no debt): what is over budget is not written, not delayed. */
class Allowance {
  private tokens: number;
  private last: number;

  constructor(
    private readonly burst: number,
    private readonly perMinute: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 60_000) * this.perMinute);
    this.last = now;
    if (this.tokens < 1 - 1e-9) return false; // 0.9 + 0.1 is not 1 in floating point
    this.tokens -= 1;
    return true;
  }
}

export interface RefusalBudgetOptions {
  perAddress: { burst: number; perMinute: number };
  total: { burst: number; perMinute: number };
  /** Addresses remembered at once; past it the oldest is forgotten (the total budget still holds). */
  maxAddresses: number;
}

/**
 * The journal is append-only and nothing deletes from it; a caller with no token could add a row per refused socket,
 * thousands a second, until the disk (or MAX_STORE_MB, which the rooms share) is full. Refusals that name a member are
 * not budgeted: that member can be revoked.
 */
export class RefusalBudget {
  private readonly byAddress = new Map<string, Allowance>();
  private readonly total: Allowance;
  /** Refusals not written to the journal since the relay started (/metrics). */
  skipped = 0;

  constructor(
    private readonly options: RefusalBudgetOptions = {
      perAddress: { burst: 20, perMinute: 6 },
      total: { burst: 600, perMinute: 60 },
      maxAddresses: 10_000,
    },
    now = Date.now(),
  ) {
    this.total = new Allowance(options.total.burst, options.total.perMinute, now);
  }

  /** Whether this refusal of an unnamed caller from `address` is journaled. */
  allows(address: string | null, now = Date.now()): boolean {
    const key = address ?? '';
    let own = this.byAddress.get(key);
    if (!own) {
      if (this.byAddress.size >= this.options.maxAddresses)
        this.byAddress.delete(this.byAddress.keys().next().value ?? '');
      own = new Allowance(this.options.perAddress.burst, this.options.perAddress.perMinute, now);
      this.byAddress.set(key, own);
    }
    const allowed = own.take(now) && this.total.take(now);
    if (!allowed) this.skipped++;
    return allowed;
  }
}
