import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { forwardLocalChanges } from './forward';

describe('forwardLocalChanges', () => {
  it('replays sets, nested maps and deletes made on the old copy, and nothing that came from elsewhere', () => {
    const old = new Y.Doc({ gc: true });
    old.getMap<Y.Map<unknown>>('entries').set('a', new Y.Map([['title', 'Plaies']]));
    old.getMap('members').set('m1', { name: 'Alice' });
    const next = new Y.Doc({ gc: true });
    Y.applyUpdate(next, Y.encodeStateAsUpdate(old));
    const stop = forwardLocalChanges(old, next);

    old.getMap<Y.Map<unknown>>('entries').get('a')!.set('status', 'review');
    old.getMap<Y.Map<unknown>>('entries').set('b', new Y.Map([['title', 'Chutes']]));
    old.getMap('members').delete('m1');
    const remote = new Y.Doc();
    remote.getMap('members').set('m2', { name: 'Bruno' });
    Y.applyUpdate(old, Y.encodeStateAsUpdate(remote));
    expect(next.getMap('entries').toJSON()).toEqual({
      a: { title: 'Plaies', status: 'review' },
      b: { title: 'Chutes' },
    });
    expect(next.getMap('members').toJSON()).toEqual({});

    stop();
    old.getMap('members').set('m3', { name: 'Chloé' });
    expect(next.getMap('members').has('m3')).toBe(false);
  });
});
