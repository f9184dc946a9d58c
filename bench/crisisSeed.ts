// A main courante as a long crisis leaves it: --entries entries from 30 authors (one Yjs client each, times out of
// order as devices sync late), 200 marks and 450 answers. Shared by the node and the browser benchmarks.
import * as Y from 'yjs';
import { acknowledge, activateCrisis, appendEntry, markEntry, type CrisisActor } from '@maillage/shared';

export const CRISIS_COORDINATOR: CrisisActor = { memberId: 'member-claire', role: 'coordinator' };

export function mainCouranteDoc(
  count: number,
  now = new Date(),
): { doc: Y.Doc; lastText: string; qualifiedAt: string } {
  const start = now.getTime() - (count + 1) * 60_000;
  const root = new Y.Doc();
  const qualifiedAt = new Date(start - 60_000).toISOString();
  activateCrisis(
    root,
    { typology: 'malades_fragiles', authority: 'prefet', qualifiedAt },
    CRISIS_COORDINATOR,
    false,
    now,
  );
  const authors = Array.from({ length: 30 }, (_, i) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(root));
    return { doc, actor: { memberId: `member-author${String(i).padStart(2, '0')}`, role: 'member' } as CrisisActor };
  });
  const ids: string[] = [];
  let lastText = '';
  for (let i = 0; i < count; i++) {
    const { doc, actor } = authors[i % 30]!;
    const minute = (i * 7919) % count;
    const text = `Entrée ${i} : point de situation, appel des patients isolés, pharmacie de garde jointe, à suivre.`;
    if (minute === count - 1) lastText = text;
    const at = new Date(start + minute * 60_000).toISOString();
    const r = appendEntry(doc, { text, kind: i % 5 === 0 ? 'decision' : 'information', at }, actor, now);
    if (r.ok) ids.push(r.value.id);
  }
  for (const { doc } of authors) Y.applyUpdate(root, Y.encodeStateAsUpdate(doc));
  for (let i = 0; i < 200; i++)
    markEntry(root, ids[(i * 7) % ids.length]!, i % 2 ? 'verifie' : 'a_verifier', CRISIS_COORDINATOR, now);
  for (let i = 0; i < 450; i++)
    acknowledge(root, { memberId: `member-ack${String(i).padStart(4, '0')}`, role: 'member' }, 'disponible', now);
  return { doc: root, lastText, qualifiedAt };
}
