import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAciAnnex, readAciManualValue, setAciAnnex, setAciManualValue, type AciAnnex } from './aciAnnex';
import { aciProgress } from './aciProgress';
import { qualityDashboard } from './dashboard';
import { annex, meetings2027, catalogue2027, register2027 } from './testing';

const withIndicator = (over: Record<string, unknown>): AciAnnex =>
  [
    {
      ...annex[0]!,
      actions: [{ ...annex[0]!.actions[0]!, indicators: [{ ...annex[0]!.actions[0]!.indicators[0]!, ...over }] }],
    },
  ] as AciAnnex;

const errorsOf = (result: { ok: boolean; errors?: { message: string }[] }) =>
  result.ok ? [] : result.errors!.map((e) => e.message);

describe('ACI annex', () => {
  it('is written whole by a coordinator and read back', () => {
    const governance = new Y.Doc();
    expect(setAciAnnex(governance, annex, 'coordinator').ok).toBe(true);
    expect(readAciAnnex(governance)).toEqual(annex);
  });

  it('refuses thresholds out of order, an empty text, a member, and writes nothing', () => {
    const governance = new Y.Doc();
    expect(
      errorsOf(setAciAnnex(governance, withIndicator({ socle: 10, intermediaire: 6, objectif: 12 }), 'coordinator')),
    ).toEqual(['errors.aciThresholdOrder']);
    expect(
      errorsOf(setAciAnnex(governance, withIndicator({ socle: 2, intermediaire: 6, objectif: 5 }), 'coordinator')),
    ).toEqual(['errors.aciThresholdOrder']);
    expect(
      errorsOf(setAciAnnex(governance, withIndicator({ socle: 3, intermediaire: 3, objectif: 3 }), 'coordinator')),
    ).toEqual(['errors.aciThresholdOrder']);
    expect(errorsOf(setAciAnnex(governance, withIndicator({ label: '   ' }), 'coordinator'))).toEqual([
      'errors.aciLabelRequired',
    ]);
    expect(errorsOf(setAciAnnex(governance, withIndicator({ amount: -1 }), 'coordinator'))).toEqual([
      'errors.aciAmount',
    ]);
    expect(errorsOf(setAciAnnex(governance, withIndicator({ socle: Number.NaN }), 'coordinator'))).toContain(
      'errors.aciThreshold',
    );
    expect(errorsOf(setAciAnnex(governance, [{ ...annex[0]!, actions: [] }], 'coordinator'))).toEqual([
      'errors.aciNoAction',
    ]);
    expect(errorsOf(setAciAnnex(governance, [], 'coordinator'))).toEqual(['errors.aciNoMission']);
    expect(errorsOf(setAciAnnex(governance, annex, 'member'))).toEqual(['errors.aciCoordinatorOnly']);
    expect(governance.getMap('aciAnnex').size).toBe(0);
    expect(readAciAnnex(governance)).toBeNull();
  });

  it('takes hand-entered values with their source only for hand-entered indicators', () => {
    const governance = new Y.Doc();
    setAciAnnex(governance, annex, 'coordinator');
    expect(errorsOf(setAciManualValue(governance, 2027, 'ind-tel', { value: 120, source: '' }, 'coordinator'))).toEqual(
      ['errors.aciSourceRequired'],
    );
    expect(errorsOf(setAciManualValue(governance, 2027, 'ind-tel', { value: -3, source: 'x' }, 'coordinator'))).toEqual(
      ['errors.aciValue'],
    );
    expect(errorsOf(setAciManualValue(governance, 2027, 'ind-rcp', { value: 9, source: 'x' }, 'coordinator'))).toEqual([
      'errors.aciComputed',
    ]);
    expect(errorsOf(setAciManualValue(governance, 2027, 'ind-tel', { value: 1, source: 'x' }, 'observer'))).toEqual([
      'errors.aciCoordinatorOnly',
    ]);
    expect(governance.getMap('aciIndicatorValues').size).toBe(0);
    const source = 'Registre du standard téléphonique';
    expect(setAciManualValue(governance, 2027, 'ind-tel', { value: 120, source }, 'coordinator').ok).toBe(true);
    expect(readAciManualValue(governance, 2027, 'ind-tel')).toEqual({ value: 120, source });
    expect(readAciManualValue(governance, 2026, 'ind-tel')).toBeNull();
  });
});

describe('ACI progress', () => {
  it('computes what Maillage can count and places every value against its thresholds', () => {
    const dashboard = qualityDashboard({
      register: register2027,
      meetings: meetings2027,
      catalogue: catalogue2027,
      year: 2027,
      today: '2027-06-15',
    });
    const progress = aciProgress(annex, dashboard, (id) =>
      id === 'ind-tel' ? { value: 120, source: 'Registre du standard' } : null,
    );
    expect(
      progress.map((p) => [p.indicator.id, p.value, p.computed, p.reached, p.next, p.towardObjective, p.source]),
    ).toEqual([
      ['ind-rcp', 3, true, 'socle', 'intermediaire', 0.3, ''],
      ['ind-tel', 120, false, 'intermediaire', 'objectif', 0.6, 'Registre du standard'],
      ['ind-ei', 3, true, 'objectif', null, 1, ''],
      ['ind-proto', 3, true, null, 'socle', 0.375, ''],
    ]);
    const notEntered = aciProgress(annex, dashboard, () => null).find((p) => p.indicator.id === 'ind-tel')!;
    expect([notEntered.value, notEntered.reached, notEntered.next]).toEqual([null, null, 'socle']);
  });
});
