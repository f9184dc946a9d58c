// Typed read/write over a crisis plan's Y.Doc. The rich-text sections live in the protocol's `body` fragment (so the
// protocol's editor, comments, named versions and comparison work on them unchanged); the structured parts each have
// a map: `header` (title, status, label), `governance`, `alertChain`, `cell`, `places`, `sheets` (one map per
// typology), `actions` (rows of the sheets), and `updates` (the dated yearly updates).
import * as Y from 'yjs';
import type { z } from 'zod/mini';
import { newDocId } from '../../sync/ids';
import { parisToday } from '../../domain/parisDays';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import { PROTOCOL_BODY_FIELD } from '../protocol/layout';
import { CRISIS_TYPOLOGIES, crisisTypologySchema, type CrisisTypology } from './typologies';
import {
  alertChainPatchSchema,
  alertChainSchema,
  cellMemberSchema,
  crisisPlaceSchema,
  crisisPlanStatusSchema,
  crisisPlanTitleSchema,
  governancePatchSchema,
  governanceSchema,
  sheetActionSchema,
  sheetPatchSchema,
  SHEET_FIELDS,
  type AlertChain,
  type AlertChainPatch,
  type CellMember,
  type CrisisPlace,
  type CrisisPlanStatus,
  type Governance,
  type GovernancePatch,
  type SheetAction,
  type SheetPatch,
  type TypologySheet,
} from './schema';

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

export const header = (doc: Y.Doc) => doc.getMap<unknown>('header');
const governanceMap = (doc: Y.Doc) => doc.getMap<unknown>('governance');
const alertMap = (doc: Y.Doc) => doc.getMap<unknown>('alertChain');
const cellMap = (doc: Y.Doc) => doc.getMap<unknown>('cell');
const placesMap = (doc: Y.Doc) => doc.getMap<unknown>('places');
const sheetsMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('sheets');
const actionsMap = (doc: Y.Doc) => doc.getMap<unknown>('actions');
export const planBody = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment(PROTOCOL_BODY_FIELD);

const fail = <T>(field: string, message: string): Validated<T> => ({ ok: false, errors: [{ field, message }] });

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

const str = (map: Y.Map<unknown>, key: string, fallback = '') => {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
};

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

/** Reads a map's keys through a schema: a malformed value (an older or hostile client) falls back to its default. */
function readObject<T>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): T {
  const whole = schema.safeParse(Object.fromEntries(map.entries()));
  if (whole.success) return whole.data as T;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (schema.safeParse({ ...fields, [key]: value }).success) fields[key] = value;
  }
  return schema.parse(fields);
}

function writeObject(map: Y.Map<unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
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

/**
 * Rows kept as plain values under an id: two people adding rows at once both win; each row is last-writer-wins.
 * `extra` is what the row belongs to (an action's typology), kept as it is when the row is edited.
 */
interface Rows<T> {
  list(doc: Y.Doc): (T & { id: string; extra: Record<string, unknown> })[];
  add(doc: Y.Doc, input: unknown, extra?: Record<string, unknown>): Validated<T & { id: string }>;
  update(doc: Y.Doc, id: string, input: unknown): Validated<T & { id: string }>;
  remove(doc: Y.Doc, id: string): void;
}

function rows<T extends object>(mapOf: (doc: Y.Doc) => Y.Map<unknown>, schema: z.ZodMiniType<T>): Rows<T> {
  const list = (doc: Y.Doc) => {
    const out: (T & { id: string; extra: Record<string, unknown>; position: number })[] = [];
    mapOf(doc).forEach((value, id) => {
      const parsed = schema.safeParse(value);
      if (!parsed.success || typeof value !== 'object' || value === null) return;
      const { position, extra } = value as { position?: unknown; extra?: unknown };
      out.push({
        ...parsed.data,
        id,
        extra: typeof extra === 'object' && extra !== null ? (extra as Record<string, unknown>) : {},
        position: typeof position === 'number' ? position : 0,
      });
    });
    return out
      .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id))
      .map(({ position: _position, ...row }) => row as T & { id: string; extra: Record<string, unknown> });
  };
  const write = (
    doc: Y.Doc,
    id: string,
    input: unknown,
    position: number,
    extra: unknown,
  ): Validated<T & { id: string }> => {
    const checked = validate(schema, input);
    if (!checked.ok) return checked;
    mapOf(doc).set(id, { ...checked.value, position, extra });
    return { ok: true, value: { ...checked.value, id } };
  };
  return {
    list,
    add: (doc, input, extra = {}) => write(doc, newDocId(), input, Date.now(), extra),
    update: (doc, id, input) => {
      const previous = mapOf(doc).get(id) as { position?: unknown; extra?: unknown } | undefined;
      if (!previous) return fail('row', 'errors.invalid');
      const position = typeof previous.position === 'number' ? previous.position : 0;
      return write(doc, id, input, position, previous.extra ?? {});
    },
    remove: (doc, id) => mapOf(doc).delete(id),
  };
}

export const cellMembers: Rows<CellMember> = rows(cellMap, cellMemberSchema);
export const crisisPlaces: Rows<CrisisPlace> = rows(placesMap, crisisPlaceSchema);

export type SheetActionRow = SheetAction & { id: string; typology: CrisisTypology };
const actionRows = rows(actionsMap, sheetActionSchema);

export function listSheetActions(doc: Y.Doc, typology: CrisisTypology): SheetActionRow[] {
  return actionRows
    .list(doc)
    .filter((row) => row.extra.typology === typology)
    .map(({ extra: _extra, ...row }) => ({ ...row, typology }));
}

export function addSheetAction(doc: Y.Doc, typology: unknown, input: unknown): Validated<SheetAction & { id: string }> {
  const t = crisisTypologySchema.safeParse(typology);
  if (!t.success) return fail('typology', 'errors.crisisTypology');
  return actionRows.add(doc, input, { typology: t.data });
}

export const updateSheetAction = (doc: Y.Doc, id: string, input: unknown) => actionRows.update(doc, id, input);
export const removeSheetAction = (doc: Y.Doc, id: string): void => actionRows.remove(doc, id);

const emptySheet = (): TypologySheet => Object.fromEntries(SHEET_FIELDS.map((f) => [f, ''])) as TypologySheet;

export function readTypologySheet(doc: Y.Doc, typology: CrisisTypology): TypologySheet {
  const map = sheetsMap(doc).get(typology);
  const sheet = emptySheet();
  if (map instanceof Y.Map) for (const f of SHEET_FIELDS) sheet[f] = str(map, f);
  return sheet;
}

export function updateTypologySheet(doc: Y.Doc, typology: unknown, patch: SheetPatch | unknown): Validated<SheetPatch> {
  const t = crisisTypologySchema.safeParse(typology);
  if (!t.success) return fail('typology', 'errors.crisisTypology');
  const checked = validate(sheetPatchSchema, patch);
  if (!checked.ok) return checked;
  doc.transact(() => {
    let map = sheetsMap(doc).get(t.data);
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      sheetsMap(doc).set(t.data, map);
    }
    writeObject(map, checked.value);
  });
  return checked;
}

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
