// What one member's answers over HTTP (GET /fetch, GET /changes) may cost the relay: the answer bytes a second of a
// few sockets (answerBudget.ts), and a few requests under way at once. Past it the member is told when to come back (429,
// Retry-After), and nothing is built for them meanwhile.
import type { ServerResponse } from 'node:http';
import { ANSWER_BYTES_PER_TOKEN } from './answerBudget';
import { slowDown } from './httpReply';
import { TokenBucket } from './rateLimit';

/** A member's HTTP answers may cost what this many of their sockets' answers may (each device fetches two at once). */
export const SOCKETS_WORTH = 4;
/** Requests of one member answered at once: a device asks two /fetch at a time, and a member has a few devices. */
export const MAX_ANSWERS_IN_FLIGHT = 4;
/** Past this many members tracked, those whose budget is full again are forgotten. */
const FORGET_ABOVE = 10_000;

interface MemberAnswers {
  bytes: TokenBucket;
  inFlight: number;
}

/**
 * Kept per member, not per device: a member signs their own devices' tokens, so a device id costs an attacker
 * nothing to change, while a member id is the coordinator's to give.
 */
export class HttpAnswerBudgets {
  private readonly members = new Map<string, MemberAnswers>();
  private readonly perSecond: number;
  private readonly burst: number;

  constructor(
    rate: { perSecond: number; burst: number },
    private readonly onSlowDown: () => void = () => {},
  ) {
    this.perSecond = rate.perSecond * ANSWER_BYTES_PER_TOKEN * SOCKETS_WORTH;
    this.burst = rate.burst * ANSWER_BYTES_PER_TOKEN * SOCKETS_WORTH;
  }

  /**
   * Runs `answer` (which answers `res` and returns the bytes it sent) within `member`'s budget, or answers 429 with
   * the seconds to wait in Retry-After.
   */
  async answer(res: ServerResponse, member: string, answer: () => number | Promise<number>): Promise<void> {
    const wait = this.start(member);
    if (wait > 0) {
      this.onSlowDown();
      slowDown(res, wait, 'too much asked at once: ask again after Retry-After seconds');
      return;
    }
    let bytes = 0;
    try {
      bytes = await answer();
    } finally {
      this.end(member, bytes);
    }
  }

  /**
   * Starts an answer for `member` and returns 0, or returns the milliseconds to wait before asking again (nothing
   * started). A started answer is ended with `end`, whatever became of it.
   */
  start(member: string): number {
    const fetches = this.members.get(member) ?? this.track(member);
    if (fetches.inFlight >= MAX_ANSWERS_IN_FLIGHT) return 1000;
    const wait = fetches.bytes.msUntil(0);
    if (wait === 0) fetches.inFlight++;
    return wait;
  }

  /** The answer started for `member` sent `bytes`: counted, perhaps into debt, repaid before their next answer. */
  end(member: string, bytes: number): void {
    const fetches = this.members.get(member);
    if (!fetches) return;
    fetches.inFlight--;
    fetches.bytes.take(bytes);
  }

  /** Members whose budget is tracked now. */
  get tracked(): number {
    return this.members.size;
  }

  private track(member: string): MemberAnswers {
    if (this.members.size >= FORGET_ABOVE)
      for (const [known, { bytes, inFlight }] of this.members)
        if (inFlight === 0 && bytes.msUntil(this.burst) === 0) this.members.delete(known);
    const fetches = { bytes: new TokenBucket(this.perSecond, this.burst), inFlight: 0 };
    this.members.set(member, fetches);
    return fetches;
  }
}
