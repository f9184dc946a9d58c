// What the crisis cell reads at a glance: who answered and how, who has not; and, at a shift handover, what is open.
import type { Ack, Entry } from './schema';

export interface AckBoard {
  available: string[];
  unavailable: string[];
  /** Members of the annuaire who have not answered yet. */
  unanswered: string[];
}

/** Sorts the annuaire's members by their answer; an answer from someone no longer in the annuaire is left out. */
export function ackBoard(acks: readonly Ack[], members: readonly string[]): AckBoard {
  const answers = new Map(acks.map((a) => [a.memberId, a.answer]));
  const board: AckBoard = { available: [], unavailable: [], unanswered: [] };
  for (const id of members) {
    const answer = answers.get(id);
    if (answer === 'disponible') board.available.push(id);
    else if (answer === 'indisponible') board.unavailable.push(id);
    else board.unanswered.push(id);
  }
  return board;
}

export interface Handover {
  /** Entries marked « à vérifier » and not since checked, oldest first. */
  toVerify: Entry[];
  /** Decisions since the given time (the last handover, or the activation), not corrected since. */
  decisions: Entry[];
}

/** What the next shift must know: the open points and the decisions taken since `since`. */
export function handoverSummary(entries: readonly Entry[], since: string): Handover {
  return {
    toVerify: entries.filter((e) => e.check?.state === 'a_verifier'),
    decisions: entries.filter((e) => e.kind === 'decision' && e.at >= since && e.correctedBy.length === 0),
  };
}
