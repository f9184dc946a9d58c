// Activating from the device: the activation and its catalogue entry (typology, `active`) that every device's banner
// reads; a second activation while one is active is refused and creates nothing; ending it ends the banner's entry.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  activeCrises,
  listCatalogue,
  readActivation,
  readCatalogueEntry,
  type ActivationInput,
  type CrisisActor,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { endActivation, newActivation } from './newActivation';

const WS = 'ws-crisis-activation';
const claire: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };
const input: ActivationInput = {
  typology: 'malades_fragiles',
  authority: 'prefet',
  reference: 'Arrêté 41',
  qualifiedAt: new Date(Date.now() - 60_000).toISOString(),
};
const title = () => 'Crise · canicule';

describe('activating the plan', () => {
  it('lists the activation as active with its typology, refuses a second, and ends', async () => {
    const catalogue = new Y.Doc();
    const first = await newActivation(WS, catalogue, input, claire, title);
    if (!first.ok) throw new Error(first.errors[0]!.message);
    expect(readCatalogueEntry(catalogue, first.value.docId)).toMatchObject({
      kind: 'crisisActivation',
      status: 'active',
      crisisTypology: 'malades_fragiles',
      createdBy: claire.memberId,
    });
    expect(activeCrises(listCatalogue(catalogue)).map((c) => c.docId)).toEqual([first.value.docId]);

    const second = await newActivation(WS, catalogue, { ...input, typology: 'nrc' }, claire, title);
    expect(second.ok ? null : second.errors[0]!.message).toBe('errors.crisisAlreadyActive');
    expect(listCatalogue(catalogue)).toHaveLength(1);

    const doc = await docStore.acquire(WS, first.value.docId);
    try {
      expect(readActivation(doc)?.typology).toBe('malades_fragiles');
      expect(endActivation(doc, catalogue, first.value.docId, claire).ok).toBe(true);
    } finally {
      await docStore.release(WS, first.value.docId);
    }
    expect(readCatalogueEntry(catalogue, first.value.docId)?.status).toBe('terminee');
    expect(activeCrises(listCatalogue(catalogue))).toEqual([]);
  });

  it('creates nothing when the input is refused', async () => {
    const catalogue = new Y.Doc();
    const refused = await newActivation(WS, catalogue, { ...input, authority: undefined } as never, claire, title);
    expect(refused.ok ? [] : refused.errors.map((e) => e.message)).toEqual(['errors.crisisAuthority']);
    expect(listCatalogue(catalogue)).toEqual([]);
  });
});
