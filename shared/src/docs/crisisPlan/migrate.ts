// Crisis plan layout migrations: forward only.
import type * as Y from 'yjs';
import { NewerLayoutError, readMeta } from '../meta';
import { CRISIS_PLAN_LAYOUT_VERSION } from './layout';

/** Refuses a plan written by a newer Maillage; version 1 is the first, so nothing older needs bringing up. */
export function migrateCrisisPlan(doc: Y.Doc): void {
  const { layoutVersion } = readMeta(doc);
  if (layoutVersion > CRISIS_PLAN_LAYOUT_VERSION) throw new NewerLayoutError(layoutVersion, CRISIS_PLAN_LAYOUT_VERSION);
}
