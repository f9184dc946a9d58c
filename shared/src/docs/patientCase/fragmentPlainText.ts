// The plain text of a Tiptap fragment, for the fiche's reading, its compte rendu and its exports.
import * as Y from 'yjs';

/** The text a fragment shows, one line per block. */
export function fragmentPlainText(fragment: Y.XmlFragment): string {
  const parts: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void => {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert?: unknown }[];
      parts.push(delta.map((d) => (typeof d.insert === 'string' ? d.insert : '')).join(''));
      return;
    }
    for (const child of node.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) walk(child);
    if (node instanceof Y.XmlElement) parts.push('\n');
  };
  walk(fragment);
  return parts
    .join('')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
