import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRoomStore } from './persistence';
import { ServedWorkspaces } from './servedWorkspaces';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const [A, B, C] = ['a', 'b', 'c'].map((letter) => letter.repeat(52)) as [string, string, string];

describe('served workspaces', () => {
  it('in first mode, a relay that already holds rooms keeps serving their workspaces and takes no other', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-served-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    store.appendBatch([A, B].map((ws) => ({ room: `${ws}/doc-0000001`, update: new Uint8Array([1, 2, 3]) })));
    const served = new ServedWorkspaces(store.db, 'first');
    expect([served.admits(A), served.admits(B), served.admits(C)]).toEqual([true, true, false]);
    store.close();
  });

  it('in first mode, HTTP requests never claim a fresh relay; the first admitted socket does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-served-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    const served = new ServedWorkspaces(store.db, 'first');
    expect(served.serves(C)).toBe(false);
    expect([served.admits(A), served.admits(B), served.serves(A)]).toEqual([true, false, true]);
    store.close();
  });

  it('takes a new workspace with all, on a fresh relay with first until it is claimed, never with a list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-served-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    expect(new ServedWorkspaces(store.db, 'all').takesNew()).toBe(true);
    expect(new ServedWorkspaces(store.db, A).takesNew()).toBe(false);
    const first = new ServedWorkspaces(store.db, 'first');
    expect(first.takesNew()).toBe(true);
    first.serves(A); // an HTTP request claims nothing
    expect(first.takesNew()).toBe(true);
    first.admits(A);
    expect(first.takesNew()).toBe(false);
    // The claim is kept in the store: the relay restarted still takes none.
    expect(new ServedWorkspaces(store.db, 'first').takesNew()).toBe(false);
    store.close();
  });

  it('refuses a setting that is none of all, first or workspace ids', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-served-'));
    dirs.push(dir);
    const store = openRoomStore(dir);
    expect(() => new ServedWorkspaces(store.db, `${A},premier`)).toThrow(/WORKSPACES/);
    expect(new ServedWorkspaces(store.db, ` ${A} , ${B} `).serves(B)).toBe(true);
    store.close();
  });
});
