// What one socket's own requests (sync step 1, presence query) may cost the relay in answer bytes: past its budget,
// the latest request of each kind waits for the budget and those before it are answered by that one.
import { TokenBucket } from './rateLimit';

/** Answer bytes per message token: a room's whole state (8 MiB at most) fits in the default burst (1,000 tokens). */
export const ANSWER_BYTES_PER_TOKEN = 16 * 1024;

export type AnswerKind = 'syncStep1' | 'queryAwareness';

/**
 * One 4-byte sync step 1 asks for the whole room, built again each time: a burst of them from one socket would hold
 * the event loop for seconds. Answers to a kind asked again while waiting are the same room's state, newer: only the
 * latest is built (figures in docs/decisions/0021).
 */
export class AnswerBudget {
  private readonly bucket: TokenBucket;
  private readonly waiting = new Map<AnswerKind, () => number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(rate: { perSecond: number; burst: number }) {
    this.bucket = new TokenBucket(rate.perSecond * ANSWER_BYTES_PER_TOKEN, rate.burst * ANSWER_BYTES_PER_TOKEN);
  }

  /** `send` answers and returns the bytes it sent: now if the budget is not in debt, else when it is repaid. */
  answer(kind: AnswerKind, send: () => number): void {
    if (this.timer === null && this.bucket.msUntil(0) === 0) {
      this.bucket.take(send());
      return;
    }
    this.waiting.set(kind, send);
    this.timer ??= setTimeout(sendWaiting, this.bucket.msUntil(0), this);
  }

  /** The socket closed: nothing left to answer. */
  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.waiting.clear();
  }

  /** The timer's turn: answers what waits, each within the budget again. */
  flushWaiting(): void {
    this.timer = null;
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const [kind, send] of waiting) {
      try {
        this.answer(kind, send);
      } catch {
        // Out of a timer a throw would end the process; the room's own failure is handled (quarantined) where it reads.
      }
    }
  }
}

// One function for every socket's timer, not a closure per socket.
const sendWaiting = (budget: AnswerBudget): void => budget.flushWaiting();
