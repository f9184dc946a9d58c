// Reading and writing a plan's map as one object, each key checked on its own.
import type * as Y from 'yjs';
import type { z } from 'zod/mini';
import type { Validated } from '../validation';

export const fail = <T>(field: string, message: string): Validated<T> => ({ ok: false, errors: [{ field, message }] });

export const str = (map: Y.Map<unknown>, key: string, fallback = '') => {
  const v = map.get(key);
  return typeof v === 'string' ? v : fallback;
};

/** Reads a map's keys through a schema: a malformed value (an older or hostile client) falls back to its default. */
export function readObject<T>(map: Y.Map<unknown>, schema: z.ZodMiniType<T>): T {
  const whole = schema.safeParse(Object.fromEntries(map.entries()));
  if (whole.success) return whole.data as T;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (schema.safeParse({ ...fields, [key]: value }).success) fields[key] = value;
  }
  return schema.parse(fields);
}

export function writeObject(map: Y.Map<unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
  }
}
