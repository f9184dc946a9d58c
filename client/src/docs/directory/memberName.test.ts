import { describe, expect, it } from 'vitest';
import { LOADING_NAME, memberNameOr } from './memberName';

describe('a member’s name on screen', () => {
  const names = new Map([['member-alice1', 'Alice Martin']]);
  it('is their name, « unknown » once the annuaire is here without them, « … » before it is', () => {
    expect(memberNameOr(names, 'member-alice1', 'Membre inconnu')).toBe('Alice Martin');
    expect(memberNameOr(names, 'member-gone01', 'Membre inconnu')).toBe('Membre inconnu');
    expect(memberNameOr(new Map(), 'member-gone01', 'Membre inconnu')).toBe(LOADING_NAME);
    expect(memberNameOr(new Map([['member-blank1', '']]), 'member-blank1', 'Membre inconnu')).toBe('Membre inconnu');
  });
});
