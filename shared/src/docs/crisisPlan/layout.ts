// Typed read/write over a crisis plan's Y.Doc. The rich-text sections live in the protocol's `body` fragment (so the
// protocol's editor, comments, named versions and comparison work on them unchanged); the structured parts each have
// a map: `header` (title, status, label), `governance`, `alertChain`, `cell`, `places`, `sheets` (one map per
// typology), `actions` (rows of the sheets), and `updates` (the dated yearly updates).
import * as Y from 'yjs';
import { parisToday } from '../../domain/parisDays';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { CRISIS_TYPOLOGIES } from './typologies';
import {
  alertChainPatchSchema,
  alertChainSchema,
  cellMemberSchema,
  crisisPlaceSchema,
  crisisPlanStatusSchema,
  crisisPlanTitleSchema,
  governancePatchSchema,
  governanceSchema,
  type AlertChain,
  type AlertChainPatch,
  type CellMember,
  type CrisisPlace,
  type CrisisPlanStatus,
  type Governance,
  type GovernancePatch,
} from './schema';
import { actionsMap, alertMap, cellMap, governanceMap, header, placesMap, planBody, sheetsMap } from './planMaps';
import { fail, readObject, str, writeObject } from './mapValues';
import { rows, type Rows } from './rows';

export { header, planBody } from './planMaps';
export * from './sheets';

export const CRISIS_PLAN_LAYOUT_VERSION = 1;

/** The national template's free-text sections, as headings of the body; the articulation lists who to fit with. */
export const CRISIS_PLAN_TEMPLATE = [
  { title: 'Territoire', sub: [] },
  { title: 'Analyse des risques et vulnérabilités', sub: [] },
  {
    title: 'Articulation avec les autres dispositifs',
    sub: [
      'ORSAN',
      'ORSEC',
      'Plans communaux de sauvegarde',
      'Plans blancs des établissements de santé',
      'DAC',
      'CPTS voisines',
    ],
  },
  { title: 'Matériel et équipements de protection', sub: [] },
  { title: 'Bénévoles', sub: [] },
  { title: 'Continuité des soins des patients chroniques', sub: [] },
] as const;

export interface CrisisPlanHeader {
  title: string;
  status: CrisisPlanStatus;
  /** The plan's label, the year of its last update (« 2026 »): what named versions record as their label. */
  version: string;
  createdAt: string | null;
  createdBy: string | null;
}

/** Lays out a new plan from the template: title, draft status, the five sheets, the body's sections. */
export function createCrisisPlan(
  doc: Y.Doc,
  title: unknown,
  createdBy: string | null,
  now = new Date(),
): Validated<CrisisPlanHeader> {
  const checked = validate(crisisPlanTitleSchema, title);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => ({ ...e, field: 'title' })) };
  doc.transact(() => {
    stampMeta(doc, 'crisisPlan', CRISIS_PLAN_LAYOUT_VERSION);
    const h = header(doc);
    h.set('title', checked.value);
    h.set('status', 'brouillon');
    h.set('version', parisToday(now).slice(0, 4));
    h.set('createdAt', now.toISOString());
    if (createdBy) h.set('createdBy', createdBy);
    for (const typology of CRISIS_TYPOLOGIES) sheetsMap(doc).set(typology, new Y.Map<unknown>());
    const body = planBody(doc);
    if (body.length === 0) body.insert(0, templateNodes());
  });
  return { ok: true, value: readCrisisPlanHeader(doc) };
}

function templateNodes(): Y.XmlElement[] {
  const heading = (level: 2 | 3, title: string) => {
    const node = new Y.XmlElement('heading');
    node.setAttribute('level', String(level));
    node.insert(0, [new Y.XmlText(title)]);
    return node;
  };
  return CRISIS_PLAN_TEMPLATE.flatMap((section) => [
    heading(2, section.title),
    ...(section.sub.length === 0
      ? [new Y.XmlElement('paragraph')]
      : section.sub.flatMap((s) => [heading(3, s), new Y.XmlElement('paragraph')])),
  ]);
}

export function readCrisisPlanHeader(doc: Y.Doc): CrisisPlanHeader {
  const h = header(doc);
  const status = crisisPlanStatusSchema.safeParse(h.get('status'));
  const createdAt = h.get('createdAt');
  const createdBy = h.get('createdBy');
  return {
    title: str(h, 'title'),
    status: status.success ? status.data : 'brouillon',
    version: str(h, 'version'),
    createdAt: typeof createdAt === 'string' ? createdAt : null,
    createdBy: typeof createdBy === 'string' ? createdBy : null,
  };
}

export function renameCrisisPlan(doc: Y.Doc, title: unknown): Validated<string> {
  const checked = validate(crisisPlanTitleSchema, title);
  if (!checked.ok) return { ok: false, errors: checked.errors.map((e) => ({ ...e, field: 'title' })) };
  if (header(doc).get('title') !== checked.value) header(doc).set('title', checked.value);
  return checked;
}

export const readGovernance = (doc: Y.Doc): Governance => readObject(governanceMap(doc), governanceSchema);

/**
 * Writes part of the governance. The SSE référents must be members of the annuaire, and two different people: a
 * référent who is not a member, or the same person twice, is refused and nothing is written.
 */
export function updateGovernance(
  doc: Y.Doc,
  patch: GovernancePatch | unknown,
  annuaire: ReadonlySet<string>,
): Validated<GovernancePatch> {
  const checked = validate(governancePatchSchema, patch);
  if (!checked.ok) return checked;
  const next = { ...readGovernance(doc), ...checked.value };
  for (const key of ['referentTitulaire', 'referentSuppleant'] as const) {
    const id = checked.value[key];
    if (id && !annuaire.has(id)) return fail(key, 'errors.referentNotMember');
  }
  if (next.referentTitulaire && next.referentTitulaire === next.referentSuppleant)
    return fail('referentSuppleant', 'errors.referentTwice');
  doc.transact(() => writeObject(governanceMap(doc), checked.value));
  return checked;
}

export const readAlertChain = (doc: Y.Doc): AlertChain => readObject(alertMap(doc), alertChainSchema);

export function updateAlertChain(doc: Y.Doc, patch: AlertChainPatch | unknown): Validated<AlertChainPatch> {
  const checked = validate(alertChainPatchSchema, patch);
  if (!checked.ok) return checked;
  if (checked.value.issuers) checked.value.issuers = [...new Set(checked.value.issuers)];
  doc.transact(() => writeObject(alertMap(doc), checked.value));
  return checked;
}

export const cellMembers: Rows<CellMember> = rows(cellMap, cellMemberSchema);
export const crisisPlaces: Rows<CrisisPlace> = rows(placesMap, crisisPlaceSchema);

/** Calls back on any change to the plan's structured parts (local or remote). */
export function observeCrisisPlan(doc: Y.Doc, onChange: () => void): () => void {
  const handler = () => onChange();
  const types: { observeDeep(f: () => void): void; unobserveDeep(f: () => void): void }[] = [
    ...[header, governanceMap, alertMap, cellMap, placesMap, sheetsMap, actionsMap].map((f) => f(doc)),
    doc.getArray('updates'),
    doc.getArray('statusLog'),
    doc.getArray('versions'),
  ];
  for (const type of types) type.observeDeep(handler);
  return () => {
    for (const type of types) type.unobserveDeep(handler);
  };
}
