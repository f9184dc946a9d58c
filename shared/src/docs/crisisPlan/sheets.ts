// The typology sheets of a crisis plan: their free-text fields, one map per typology, and their actions, as rows.
import * as Y from 'yjs';
import { validate, type Validated } from '../validation';
import { crisisTypologySchema, type CrisisTypology } from './typologies';
import {
  sheetActionSchema,
  sheetPatchSchema,
  SHEET_FIELDS,
  type SheetAction,
  type SheetPatch,
  type TypologySheet,
} from './schema';
import { actionsMap, sheetsMap } from './planMaps';
import { fail, str, writeObject } from './mapValues';
import { rows } from './rows';

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
export const removeSheetAction = (doc: Y.Doc, id: string): (() => void) | null => actionRows.remove(doc, id);

const emptySheet = (): TypologySheet => Object.fromEntries(SHEET_FIELDS.map((f) => [f, ''])) as TypologySheet;

export function readTypologySheet(doc: Y.Doc, typology: CrisisTypology): TypologySheet {
  const map = sheetsMap(doc).get(typology);
  const sheet = emptySheet();
  if (map instanceof Y.Map) for (const f of SHEET_FIELDS) sheet[f] = str(map, f);
  return sheet;
}

/** Whether a sheet holds nothing yet: no field written, no action (printed as a name, not as a page of its own). */
export function typologySheetIsEmpty(doc: Y.Doc, typology: CrisisTypology): boolean {
  const sheet = readTypologySheet(doc, typology);
  return SHEET_FIELDS.every((f) => !sheet[f].trim()) && listSheetActions(doc, typology).length === 0;
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
