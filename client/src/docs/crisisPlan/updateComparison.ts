// A yearly update set against the version it follows: both replayed from their snapshots, read as blocks, and
// compared with the protocol's diff (blocks, then words).
import type * as Y from 'yjs';
import { crisisPlanBlocks, findVersion, protocolAtVersion, type PlanWords, type YearlyUpdate } from '@maillage/shared';
import { diffBlocks, type BlockChange } from '../protocol/versions/diffBlocks';

export interface UpdateComparison {
  fromName: string | null;
  toName: string;
  changes: BlockChange[];
}

export function compareUpdate(doc: Y.Doc, update: YearlyUpdate, words: PlanWords): UpdateComparison | null {
  const blocksAt = (versionId: string) => {
    const past = protocolAtVersion(doc, versionId);
    if (!past) return null;
    try {
      return crisisPlanBlocks(past, words);
    } finally {
      past.destroy();
    }
  };
  const after = blocksAt(update.versionId);
  const to = findVersion(doc, update.versionId);
  if (!after || !to) return null;
  const from = update.previousVersionId ? findVersion(doc, update.previousVersionId) : null;
  const before = from ? (blocksAt(from.id) ?? []) : [];
  return { fromName: from?.name ?? null, toName: to.name, changes: diffBlocks(before, after) };
}
