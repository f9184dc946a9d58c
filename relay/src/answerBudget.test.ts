// A socket's budget of answer bytes: answered at once within it, past it the latest request of each kind waits.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_BYTES_PER_TOKEN, AnswerBudget } from './answerBudget';

describe('AnswerBudget', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('answers within the burst at once, then only the latest waiting request of each kind, once the debt is repaid', () => {
    const budget = new AnswerBudget({ perSecond: 10, burst: 20 });
    const sent: string[] = [];
    const send = (name: string, bytes: number) => () => (sent.push(name), bytes);
    // Twice the burst in one answer: sent (the budget was not in debt), then two seconds of debt.
    budget.answer('syncStep1', send('a', 40 * ANSWER_BYTES_PER_TOKEN));
    budget.answer('syncStep1', send('b', 1));
    budget.answer('queryAwareness', send('q', 1));
    budget.answer('syncStep1', send('c', 1));
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(1_900);
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual(['a', 'c', 'q']);
  });

  it('forgets what waits when its socket closes, and a throw in a late answer stays in it', () => {
    const budget = new AnswerBudget({ perSecond: 10, burst: 20 });
    budget.answer('syncStep1', () => 40 * ANSWER_BYTES_PER_TOKEN);
    budget.answer('syncStep1', () => {
      throw new Error('room gone');
    });
    expect(() => vi.advanceTimersByTime(3_000)).not.toThrow();
    const late = vi.fn(() => 1);
    budget.answer('syncStep1', () => 40 * ANSWER_BYTES_PER_TOKEN);
    budget.answer('syncStep1', late);
    budget.stop();
    vi.advanceTimersByTime(10_000);
    expect(late).not.toHaveBeenCalled();
  });
});
