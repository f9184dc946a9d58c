// « Pour vous » lists a member's crisis tasks not done, read from the activation's copy on the device, like a case's
// actions; done tasks, others' tasks and ended crises drop out.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { activateCrisis, assignTask, deactivateCrisis, setTaskStatus, type CrisisActor } from '@maillage/shared';
import { catalogueItem } from '@maillage/shared/testing';
import { MaillageDb } from '../../store/db';
import { DocStore } from '../../store/docStore';
import { readForYou } from '../../workspace/home/forYouRows';
import { docsToRead } from '../../workspace/home/needsMe';

const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const bruno: CrisisActor = { memberId: 'member-bruno1', role: 'member' };
const members = [claire.memberId, bruno.memberId];

describe('crisis tasks in « Pour vous »', () => {
  it('lists my tasks not done in an active crisis, and no more once done or ended', async () => {
    const store = new DocStore(new MaillageDb(`crisis-for-you-${Math.random()}`));
    const doc = await store.acquire('ws', 'crisis-aaaaaaaaaaaaaa');
    const qualifiedAt = new Date(Date.now() - 60_000).toISOString();
    expect(activateCrisis(doc, { typology: 'nrc', authority: 'prefet', qualifiedAt }, claire, false).ok).toBe(true);
    const mine = assignTask(doc, { text: 'Appeler les patients isolés', assignee: bruno.memberId }, claire, members);
    assignTask(doc, { text: 'Ouvrir le gymnase', assignee: claire.memberId }, claire, members);
    if (!mine.ok) throw new Error('task');
    await store.flushed('ws', 'crisis-aaaaaaaaaaaaaa');

    const active = catalogueItem('crisis-aaaaaaaaaaaaaa', { kind: 'crisisActivation', status: 'active' });
    expect(docsToRead([active], [], bruno.memberId)).toEqual([active]);
    const texts = async () =>
      [...(await readForYou('ws', [active], bruno.memberId, store)).values()].flatMap((r) =>
        r.actions.map((a) => a.text),
      );
    expect(await texts()).toEqual(['Appeler les patients isolés']);

    setTaskStatus(doc, mine.value.id, 'faite', bruno);
    await store.flushed('ws', 'crisis-aaaaaaaaaaaaaa');
    expect(await texts()).toEqual([]);

    setTaskStatus(doc, mine.value.id, 'en_cours', bruno);
    deactivateCrisis(doc, claire);
    await store.flushed('ws', 'crisis-aaaaaaaaaaaaaa');
    expect(await texts()).toEqual([]);
    const ended = { ...active, status: 'terminee' };
    expect(docsToRead([ended], [], bruno.memberId)).toEqual([]);
    await store.release('ws', 'crisis-aaaaaaaaaaaaaa');
  });
});
