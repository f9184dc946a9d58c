import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCrisisPlan,
  listYearlyUpdates,
  movePlanStatus,
  recordYearlyUpdate,
  updateAlertChain,
  updateGovernance,
  type PlanActor,
} from '@maillage/shared';
import { compareUpdate } from './updateComparison';

const coordinator: PlanActor = { memberId: 'member-coor0001', name: 'Claire Coord', role: 'coordinator' };
const words = { label: (k: string) => k, typology: (t: string) => t, nameOf: () => 'Claire Coord' };

describe('a yearly update compared with the year before', () => {
  it('shows what changed since the plan was sent, then since the last update', () => {
    const doc = new Y.Doc({ gc: false });
    createCrisisPlan(doc, 'Plan SSE', coordinator.memberId, new Date('2026-01-05T10:00:00Z'));
    updateGovernance(
      doc,
      { referentTitulaire: coordinator.memberId, mainPlace: 'MSP' },
      new Set([coordinator.memberId]),
    );
    movePlanStatus(doc, 'transmis', coordinator, 'Transmis ARS + CPAM', new Date('2026-01-06T10:00:00Z'));
    updateAlertChain(doc, { onCallNumber: '06 11 22 33 44' });
    recordYearlyUpdate(
      doc,
      { date: '2026-12-20', summary: 'Astreinte' },
      coordinator,
      (d) => `MAJ ${d}`,
      new Date('2026-12-20T10:00:00Z'),
    );
    updateGovernance(doc, { mainPlace: 'Mairie' }, new Set([coordinator.memberId]));
    recordYearlyUpdate(
      doc,
      { date: '2027-12-01', summary: 'Lieu' },
      coordinator,
      (d) => `MAJ ${d}`,
      new Date('2027-12-01T10:00:00Z'),
    );
    const [first, second] = listYearlyUpdates(doc);

    const one = compareUpdate(doc, first!, words)!;
    expect(one.fromName).toBe('Transmis ARS + CPAM');
    expect(one.changes.filter((c) => c.type !== 'same')).toEqual([
      { type: 'added', block: { section: 'body', label: 'field:onCallNumber', text: 'onCallNumber : 06 11 22 33 44' } },
    ]);

    const two = compareUpdate(doc, second!, words)!;
    expect(two.fromName).toBe('MAJ 2026-12-20');
    const changed = two.changes.filter((c) => c.type === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.type === 'changed' && changed[0]!.parts.filter((p) => p.change !== 'same')).toEqual([
      { text: 'MSP', change: 'removed' },
      { text: 'Mairie', change: 'added' },
    ]);
  });
});
