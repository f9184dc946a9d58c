import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MaillageDb } from './db';
import { readKeepClosed, writeKeepClosed } from './deviceSettings';

describe('this device’s settings', () => {
  it('keeps every closed file until told otherwise, per workspace', async () => {
    const db = new MaillageDb('device-settings-test');
    expect(await readKeepClosed('ws-a', db)).toBeNull();
    await writeKeepClosed('ws-a', 6, db);
    expect(await readKeepClosed('ws-a', db)).toBe(6);
    expect(await readKeepClosed('ws-b', db)).toBeNull();
    await writeKeepClosed('ws-a', null, db);
    expect(await readKeepClosed('ws-a', db)).toBeNull();
  });

  it('reads a stored value that is not a choice as « keep them all »', async () => {
    const db = new MaillageDb('device-settings-bad');
    await db.settings.put({ key: 'keepClosedMonths/ws-a', value: 7 });
    expect(await readKeepClosed('ws-a', db)).toBeNull();
    await db.settings.put({ key: 'keepClosedMonths/ws-a', value: '6' });
    expect(await readKeepClosed('ws-a', db)).toBeNull();
  });
});
