import { describe, expect, it } from 'vitest';
import { othersOnline, peopleOnline } from './peopleOnline';

const user = (name: string, member?: string) => ({
  user: { name, color: '#123456', profession: 'pharmacien', member },
});

describe('people online', () => {
  it('shows a person once however many devices they have open, and knows which one is me', () => {
    const states = new Map<number, unknown>([
      [1, user('Hélène Durand', 'member-helene')],
      [2, user('Hélène Durand', 'member-helene')],
      [3, user('Bruno Lefèvre', 'member-bruno1')],
      [4, user('Ancien client')],
      [5, {}],
    ]);
    const people = peopleOnline(states, 2);
    expect(people.map((p) => [p.name, p.isMe])).toEqual([
      ['Hélène Durand', true],
      ['Bruno Lefèvre', false],
      ['Ancien client', false],
    ]);
    // My own phone is not « someone else » on the document.
    expect(othersOnline(states, 1)).toBe(2);
  });
});
