import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openRoomStore } from './persistence';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'maillage-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function textUpdates(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return updates;
}

const rebuild = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

describe('room store', () => {
  it('keeps updates per room across a reopen', () => {
    const dir = tempDir();
    const store = openRoomStore(dir);
    const updates = textUpdates(3);
    store.appendBatch(updates.map((update, i) => ({ room: i === 2 ? 'other' : 'a', update })));
    store.close();
    const reopened = openRoomStore(dir);
    expect(reopened.count('a')).toBe(2);
    expect(rebuild(reopened.load('a'))).toBe('xx');
    expect(reopened.load('missing')).toEqual([]);
    reopened.close();
  });

  it('replaces a history by one merged update without losing content', () => {
    const store = openRoomStore(tempDir());
    const updates = textUpdates(50);
    store.appendBatch(updates.map((update) => ({ room: 'r', update })));
    store.replace('r', Y.mergeUpdates(store.load('r')));
    expect(store.count('r')).toBe(1);
    expect(rebuild(store.load('r'))).toBe('x'.repeat(50));
    store.close();
  });
});
