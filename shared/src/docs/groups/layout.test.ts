import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listGroups, saveGroup, setGroupMember } from './layout';

describe('groups layout', () => {
  it('creates a group whose lead is a member, and refuses a nameless one without writing it', () => {
    const doc = new Y.Doc();
    expect(
      saveGroup(doc, 'group-plaies1', { name: 'Plaies chroniques', theme: 'Parcours', lead: 'member-0001' }).ok,
    ).toBe(true);
    const bad = saveGroup(doc, 'group-vide001', { name: ' ' });
    expect(bad.ok ? null : bad.errors[0]!.message).toBe('errors.groupNameRequired');
    expect(listGroups(doc)).toEqual([
      expect.objectContaining({
        groupId: 'group-plaies1',
        name: 'Plaies chroniques',
        theme: 'Parcours',
        lead: 'member-0001',
        members: ['member-0001'],
      }),
    ]);
  });

  it('merges members added at once by two coordinators', () => {
    const a = new Y.Doc();
    saveGroup(a, 'group-plaies1', { name: 'Plaies chroniques' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setGroupMember(a, 'group-plaies1', 'member-0002', true);
    setGroupMember(b, 'group-plaies1', 'member-0003', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listGroups(a)[0]!.members).toEqual(['member-0002', 'member-0003']);
    expect(listGroups(b)).toEqual(listGroups(a));
    setGroupMember(a, 'group-plaies1', 'member-0002', false);
    expect(listGroups(a)[0]!.members).toEqual(['member-0003']);
  });
});
