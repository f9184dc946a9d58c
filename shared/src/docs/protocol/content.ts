// What a protocol *says* (title, theme, professions, body, tables), as opposed to where it is in its life (status,
// version label, review date, group): copied whole when a version is restored or a protocol duplicated.
import type * as Y from 'yjs';
import { protocolBody } from './layout';
import { PROTOCOL_TABLES } from './tables';
import { replaceRows } from './rows';

const CONTENT_HEADER_KEYS = ['title', 'theme'] as const;

/** Replaces `to`'s content by `from`'s, in one transaction; `to` keeps its own status, version and dates. */
export function replaceProtocolContent(from: Y.Doc, to: Y.Doc, options: { keepTitle?: boolean } = {}): void {
  to.transact(() => {
    const fromHeader = from.getMap<unknown>('header');
    const toHeader = to.getMap<unknown>('header');
    for (const key of CONTENT_HEADER_KEYS) {
      if (key === 'title' && options.keepTitle) continue;
      const value = fromHeader.get(key);
      if (typeof value === 'string' && toHeader.get(key) !== value) toHeader.set(key, value);
    }
    const fromProfessions = from.getMap<true>('professions');
    const toProfessions = to.getMap<true>('professions');
    for (const p of [...toProfessions.keys()]) if (!fromProfessions.has(p)) toProfessions.delete(p);
    for (const p of fromProfessions.keys()) if (!toProfessions.has(p)) toProfessions.set(p, true);
    const body = protocolBody(to);
    if (body.length > 0) body.delete(0, body.length);
    const nodes = protocolBody(from)
      .toArray()
      .map((node) => node.clone()) as (Y.XmlElement | Y.XmlText)[];
    if (nodes.length > 0) body.insert(0, nodes);
    for (const table of PROTOCOL_TABLES) replaceRows(from, to, table);
  });
}
