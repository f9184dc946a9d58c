// A member's budget of HTTP answers (/fetch, /changes): bytes a second as a socket's, and a few requests under way at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_BYTES_PER_TOKEN } from './answerBudget';
import { HttpAnswerBudgets, MAX_ANSWERS_IN_FLIGHT, SOCKETS_WORTH } from './httpAnswerBudgets';

const TOKEN = ANSWER_BYTES_PER_TOKEN * SOCKETS_WORTH;

describe('HttpAnswerBudgets', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('answers within the burst, then says how long to wait until the debt is repaid, member by member', () => {
    const budgets = new HttpAnswerBudgets({ perSecond: 10, burst: 20 });
    expect(budgets.start('ws martin')).toBe(0);
    // Twice the burst in one answer: sent, then two seconds of debt.
    budgets.end('ws martin', 40 * TOKEN);
    expect(budgets.start('ws martin')).toBe(2_000);
    expect(budgets.start('ws durand')).toBe(0);
    vi.advanceTimersByTime(1_500);
    expect(budgets.start('ws martin')).toBe(500);
    vi.advanceTimersByTime(500);
    expect(budgets.start('ws martin')).toBe(0);
  });

  it('answers a few requests of one member at once, and the next once one has ended', () => {
    const budgets = new HttpAnswerBudgets({ perSecond: 10, burst: 20 });
    for (let i = 0; i < MAX_ANSWERS_IN_FLIGHT; i++) expect(budgets.start('ws martin')).toBe(0);
    expect(budgets.start('ws martin')).toBeGreaterThan(0);
    budgets.end('ws martin', 1);
    expect(budgets.start('ws martin')).toBe(0);
  });

  it('forgets members whose budget is whole again, once it tracks many', () => {
    const budgets = new HttpAnswerBudgets({ perSecond: 10, burst: 20 });
    budgets.start('ws spent');
    budgets.end('ws spent', 40 * TOKEN);
    for (let i = 0; i < 10_000; i++) {
      budgets.start(`ws member-${i}`);
      budgets.end(`ws member-${i}`, 1);
    }
    vi.advanceTimersByTime(1_000);
    budgets.start('ws one-more');
    // Still in debt: kept. Everyone else (whole again after a second) was forgotten, so a fresh start is at zero.
    expect(budgets.start('ws spent')).toBe(1_000);
    expect(budgets.tracked).toBe(2);
  });
});
