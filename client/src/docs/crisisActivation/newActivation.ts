// Activating the plan: a new activation document, then its catalogue entry (typology, `active`), which every member's
// device syncs with the workspace and turns into the banner. The check against another active crisis reads the same
// catalogue. Invalid input creates nothing.
import type * as Y from 'yjs';
import {
  activateCrisis,
  activeCrises,
  deactivateCrisis,
  listCatalogue,
  newCrisisActivationId,
  upsertCatalogueEntry,
  type Activation,
  type ActivationInput,
  type CrisisActor,
  type Validated,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';

export async function newActivation(
  workspaceId: string,
  catalogue: Y.Doc,
  input: ActivationInput,
  actor: CrisisActor,
  titleOf: (activation: Activation) => string,
): Promise<Validated<{ docId: string }>> {
  const othersActive = activeCrises(listCatalogue(catalogue)).length > 0;
  // Its id names it an activation: the relay holds its main courante append-only (decision 0035).
  const docId = newCrisisActivationId();
  const doc = await docStore.acquire(workspaceId, docId);
  try {
    const created = activateCrisis(doc, input, actor, othersActive);
    if (!created.ok) return created;
    const activation = created.value;
    const title = titleOf(activation);
    upsertCatalogueEntry(catalogue, docId, {
      kind: 'crisisActivation',
      title,
      status: 'active',
      groupId: null,
      createdAt: activation.activatedAt,
      updatedAt: activation.activatedAt,
      deletedAt: null,
      theme: '',
      professions: [],
      reviewDate: null,
      createdBy: actor.memberId,
      crisisTypology: activation.typology,
      ...(activation.exercise ? { crisisExercise: true } : {}),
    });
    await docStore.putMeta({
      workspaceId,
      docId,
      kind: 'crisisActivation',
      title,
      status: 'active',
      updatedAt: activation.activatedAt,
      excerpt: '',
    });
    await docStore.flushed(workspaceId, docId);
    return { ok: true, value: { docId } };
  } finally {
    await docStore.release(workspaceId, docId);
  }
}

/** Ends the crisis in its document and in the catalogue, so every banner goes. */
export function endActivation(doc: Y.Doc, catalogue: Y.Doc, docId: string, actor: CrisisActor): Validated<Activation> {
  const ended = deactivateCrisis(doc, actor);
  if (ended.ok) upsertCatalogueEntry(catalogue, docId, { status: 'terminee', updatedAt: ended.value.deactivatedAt! });
  return ended;
}
