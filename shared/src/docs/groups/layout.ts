// Typed read/write over the groups of the workspace's governance document: `groups` maps a group id to a Y.Map of
// its fields and a `members` Y.Map (member id → true), so two coordinators adding members at once both win.
import * as Y from 'yjs';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { docIdSchema } from '../../sync/rooms';
import { groupFieldsSchema, type Group, type GroupFields, type GroupInput } from './schema';

export const GROUPS_LAYOUT_VERSION = 1;

const groups = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('groups');

export function saveGroup(doc: Y.Doc, groupId: string, input: GroupInput, now = new Date()): Validated<GroupFields> {
  if (!docIdSchema.safeParse(groupId).success)
    return { ok: false, errors: [{ field: 'groupId', message: 'errors.docId' }] };
  const result = validate(groupFieldsSchema, input);
  if (!result.ok) return result;
  doc.transact(() => {
    stampMeta(doc, 'governance', GROUPS_LAYOUT_VERSION);
    let group = groups(doc).get(groupId);
    if (!group) {
      group = new Y.Map<unknown>();
      group.set('createdAt', now.toISOString());
      group.set('members', new Y.Map<boolean>());
      groups(doc).set(groupId, group);
    }
    for (const [key, value] of Object.entries(result.value)) if (group.get(key) !== value) group.set(key, value);
    // The lead is a member of their group.
    if (result.value.lead) (group.get('members') as Y.Map<boolean>).set(result.value.lead, true);
  });
  return result;
}

export function setGroupMember(doc: Y.Doc, groupId: string, memberId: string, isMember: boolean): void {
  const members = groups(doc).get(groupId)?.get('members');
  if (!(members instanceof Y.Map)) return;
  if (isMember) members.set(memberId, true);
  else members.delete(memberId);
}

export function listGroups(doc: Y.Doc): Group[] {
  const list: Group[] = [];
  groups(doc).forEach((group, groupId) => {
    const fields = groupFieldsSchema.safeParse(
      Object.fromEntries([...group.entries()].filter(([k]) => k !== 'members')),
    );
    const members = group.get('members');
    const createdAt = group.get('createdAt');
    if (fields.success && members instanceof Y.Map && typeof createdAt === 'string') {
      list.push({ groupId, ...fields.data, members: [...members.keys()].sort(), createdAt });
    }
  });
  return list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

export function observeGroups(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  groups(doc).observeDeep(handler);
  return () => groups(doc).unobserveDeep(handler);
}
