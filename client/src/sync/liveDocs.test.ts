import { afterAll, describe, expect, it } from 'vitest';
import { isLive, markLive, openInAnyTab } from './liveDocs';

/** Web Locks as a browser keeps them for all its tabs: a shared lock is held until its callback's promise settles. */
class SharedLocks {
  readonly held: { name: string; mode: 'shared' }[] = [];
  request(name: string, _options: { mode: 'shared' }, callback: () => Promise<void>): Promise<void> {
    const lock = { name, mode: 'shared' as const };
    this.held.push(lock);
    return callback().then(() => void this.held.splice(this.held.indexOf(lock), 1));
  }
  query() {
    return Promise.resolve({ held: [...this.held], pending: [] });
  }
}

const locks = new SharedLocks();
Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
afterAll(() => Reflect.deleteProperty(globalThis, 'navigator'));

describe('documents open on a screen', () => {
  it('are told to this tab at once, and to every tab through a shared lock until the screen lets go', async () => {
    const letGo = markLive('ws', 'protocol-1');
    const again = markLive('ws', 'protocol-1');
    expect(isLive('ws', 'protocol-1')).toBe(true);
    // Another tab's screen: only its lock is seen from here.
    locks.held.push({ name: 'maillage-open:ws/dossier-2', mode: 'shared' });
    locks.held.push({ name: 'maillage-open:other-ws/dossier-3', mode: 'shared' });
    expect([...(await openInAnyTab('ws'))].sort()).toEqual(['dossier-2', 'protocol-1']);

    letGo();
    letGo();
    expect(isLive('ws', 'protocol-1')).toBe(true);
    again();
    await Promise.resolve();
    expect(isLive('ws', 'protocol-1')).toBe(false);
    expect(locks.held.map((l) => l.name)).not.toContain('maillage-open:ws/protocol-1');
    expect([...(await openInAnyTab('ws'))]).toEqual(['dossier-2']);
  });
});
