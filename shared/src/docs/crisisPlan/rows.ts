// The plan's lists: the cell, the places and the sheets' actions, each a map of rows.
import type * as Y from 'yjs';
import type { z } from 'zod/mini';
import { newDocId } from '../../sync/ids';
import { validate, type Validated } from '../validation';
import { fail } from './mapValues';

/**
 * Rows kept as plain values under an id: two people adding rows at once both win; each row is last-writer-wins.
 * `extra` is what the row belongs to (an action's typology), kept as it is when the row is edited.
 */
export interface Rows<T> {
  list(doc: Y.Doc): (T & { id: string; extra: Record<string, unknown> })[];
  add(doc: Y.Doc, input: unknown, extra?: Record<string, unknown>): Validated<T & { id: string }>;
  update(doc: Y.Doc, id: string, input: unknown): Validated<T & { id: string }>;
  /** Removes the row; returns what puts it back as it was, where it was (nothing if it was already gone). */
  remove(doc: Y.Doc, id: string): (() => void) | null;
}

export function rows<T extends object>(mapOf: (doc: Y.Doc) => Y.Map<unknown>, schema: z.ZodMiniType<T>): Rows<T> {
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
    remove: (doc, id) => {
      const map = mapOf(doc);
      const value = map.get(id);
      if (value === undefined) return null;
      map.delete(id);
      return () => {
        if (!mapOf(doc).has(id)) mapOf(doc).set(id, value);
      };
    },
  };
}
