// The journal's budget for refusals of unnamed callers: per address, in total, and bounded in memory.
import { describe, expect, it } from 'vitest';
import { RefusalBudget } from './refusalBudget';

const options = { perAddress: { burst: 3, perMinute: 6 }, total: { burst: 5, perMinute: 60 }, maxAddresses: 2 };

describe('RefusalBudget', () => {
  it('allows a burst per address, then one every 60 / perMinute seconds', () => {
    const budget = new RefusalBudget(options, 0);
    expect([1, 2, 3, 4].map(() => budget.allows('a', 0))).toEqual([true, true, true, false]);
    expect(budget.allows('a', 9_000)).toBe(false);
    expect(budget.allows('a', 10_000)).toBe(true);
    expect(budget.skipped).toBe(2);
  });

  it('bounds every address together, and forgets the oldest address past maxAddresses', () => {
    const budget = new RefusalBudget(options, 0);
    const allowed = ['a', 'b', 'c', 'd', 'e', 'f']
      .flatMap((address) => [budget.allows(address, 0), budget.allows(address, 0)])
      .filter(Boolean);
    expect(allowed).toHaveLength(5);
    expect((budget as unknown as { byAddress: Map<string, unknown> }).byAddress.size).toBe(2);
  });
});
