// Typed read/write over a protocol's Y.Doc: `header` (one key per field), `professions` (a set), `body` (Tiptap).
// The working group a protocol hangs from is the catalogue's to say (one truth for every screen), not the header's.
import * as Y from 'yjs';
import { stampMeta } from '../meta';
import { validate, type Validated } from '../validation';
import {
  emptyProtocolHeader,
  protocolHeaderPatchSchema,
  protocolHeaderSchema,
  type ProtocolHeader,
  type ProtocolHeaderPatch,
} from './schema';
import type { Profession } from '../../domain/professions';
import { professionSchema } from '../../domain/professions';

/** 2: steps, references, indicators, comments, versions, sign-offs and the status log beside the header and body. */
export const PROTOCOL_LAYOUT_VERSION = 2;
/** The Tiptap collaboration field. */
export const PROTOCOL_BODY_FIELD = 'body';

const header = (doc: Y.Doc) => doc.getMap<unknown>('header');
// A Y.Map used as a set: two people ticking different professions at once both win.
const professions = (doc: Y.Doc) => doc.getMap<true>('professions');

export function protocolBody(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(PROTOCOL_BODY_FIELD);
}

/** Lays out a new protocol; the header must be valid as a whole. Its creator leads it until a group takes it. */
export function createProtocol(
  doc: Y.Doc,
  initial: Partial<ProtocolHeader>,
  createdBy: string | null = null,
  now = new Date(),
): Validated<ProtocolHeader> {
  const result = validate(protocolHeaderSchema, { ...emptyProtocolHeader, ...initial });
  if (!result.ok) return result;
  doc.transact(() => {
    stampMeta(doc, 'protocol', PROTOCOL_LAYOUT_VERSION);
    writeHeader(doc, result.value);
    header(doc).set('createdAt', now.toISOString());
    if (createdBy) header(doc).set('createdBy', createdBy);
  });
  return result;
}

/** Who created the protocol and when (not part of the editable header). */
export function protocolOrigin(doc: Y.Doc): { createdBy: string | null; createdAt: string | null } {
  const createdBy = header(doc).get('createdBy');
  const createdAt = header(doc).get('createdAt');
  return {
    createdBy: typeof createdBy === 'string' ? createdBy : null,
    createdAt: typeof createdAt === 'string' ? createdAt : null,
  };
}

export function readProtocolHeader(doc: Y.Doc): ProtocolHeader {
  const h = header(doc);
  const str = (key: string, fallback: string) => {
    const v = h.get(key);
    return typeof v === 'string' ? v : fallback;
  };
  const reviewDate = h.get('reviewDate');
  const status = protocolHeaderSchema.shape.status.safeParse(h.get('status'));
  return {
    title: str('title', emptyProtocolHeader.title),
    theme: str('theme', emptyProtocolHeader.theme),
    professions: [...professions(doc).keys()]
      .filter((p): p is Profession => professionSchema.safeParse(p).success)
      .sort(),
    status: status.success ? status.data : emptyProtocolHeader.status,
    version: str('version', emptyProtocolHeader.version),
    reviewDate: typeof reviewDate === 'string' ? reviewDate : null,
  };
}

/**
 * Validates then writes a subset of the header in one transaction; on error nothing is written. A review date is
 * for the future: one before `today` (Europe/Paris, YYYY-MM-DD) is refused.
 */
export function updateProtocolHeader(
  doc: Y.Doc,
  patch: ProtocolHeaderPatch | unknown,
  today?: string,
): Validated<ProtocolHeaderPatch> {
  const result = validate(protocolHeaderPatchSchema, patch);
  if (result.ok && today && result.value.reviewDate && result.value.reviewDate < today) {
    return { ok: false, errors: [{ field: 'reviewDate', message: 'errors.reviewDateInPast' }] };
  }
  if (result.ok) doc.transact(() => writeHeader(doc, result.value));
  return result;
}

export function setProfessionConcerned(doc: Y.Doc, profession: Profession, concerned: boolean): void {
  const set = professions(doc);
  if (concerned) set.set(profession, true);
  else set.delete(profession);
}

function writeHeader(doc: Y.Doc, patch: ProtocolHeaderPatch): void {
  const h = header(doc);
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'professions') continue;
    if (h.get(key) !== value) h.set(key, value);
  }
  if (patch.professions) {
    const set = professions(doc);
    const wanted = new Set<string>(patch.professions);
    for (const p of [...set.keys()]) if (!wanted.has(p)) set.delete(p);
    for (const p of wanted) if (!set.has(p)) set.set(p, true);
  }
}

/** The header fields a transaction changed: mirrors report what an edit touched, not fields it did not. */
export function headerFieldsChanged(doc: Y.Doc, transaction: Y.Transaction): (keyof ProtocolHeader)[] {
  const fields: (keyof ProtocolHeader)[] = [];
  transaction.changed.forEach((keys, type) => {
    if (Object.is(type, professions(doc))) fields.push('professions');
    if (!Object.is(type, header(doc))) return;
    for (const key of keys)
      if (typeof key === 'string' && key in emptyProtocolHeader && key !== 'professions')
        fields.push(key as keyof ProtocolHeader);
  });
  return fields;
}

/** Calls back whenever the header or the professions change (local or remote). */
export function observeProtocolHeader(doc: Y.Doc, onChange: (h: ProtocolHeader) => void): () => void {
  const handler = () => onChange(readProtocolHeader(doc));
  header(doc).observe(handler);
  professions(doc).observe(handler);
  return () => {
    header(doc).unobserve(handler);
    professions(doc).unobserve(handler);
  };
}

/** Plain text of the body, for the catalogue's excerpt and search. */
export function protocolPlainText(doc: Y.Doc, maxLength = Infinity): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (length >= maxLength) return;
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert?: unknown }[];
      const text = delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
      parts.push(text);
      length += text.length;
      return;
    }
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    }
    if (node instanceof Y.XmlElement) {
      parts.push('\n');
      length += 1;
    }
  };
  walk(protocolBody(doc));
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .slice(0, maxLength);
}
