// Patient case layout migrations: forward only.
import type * as Y from 'yjs';
import { NewerLayoutError, readMeta } from '../meta';
import { PATIENT_CASE_LAYOUT_VERSION } from './layout';

/** Brings an older case up to this layout; refuses a newer one (this device must not write a layout it misreads). */
export function migratePatientCase(doc: Y.Doc): void {
  const { layoutVersion } = readMeta(doc);
  if (layoutVersion > PATIENT_CASE_LAYOUT_VERSION)
    throw new NewerLayoutError(layoutVersion, PATIENT_CASE_LAYOUT_VERSION);
  // Version 1 is the first layout: there is nothing older to bring forward yet.
}
