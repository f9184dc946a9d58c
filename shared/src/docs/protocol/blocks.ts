// A protocol read as a list of blocks of plain text (header fields, paragraphs, list items, table rows, steps,
// references, indicators), in reading order: what two versions are compared on, block by block then word by word.
import * as Y from 'yjs';
import { readProtocolHeader, protocolBody } from './layout';
import { readRows } from './rows';
import { INDICATORS, REFERENCES, STEP_FIELDS, STEPS } from './tables';

export type BlockSection = 'header' | 'body' | 'steps' | 'references' | 'indicators';
export interface Block {
  section: BlockSection;
  /** For header fields: which one (title, theme…); for body blocks: the node (heading, paragraph, listItem…). */
  label: string;
  text: string;
}

function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText)
    return (node.toDelta() as { insert?: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('');
  return node
    .toArray()
    .map((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? textOf(child) : ''))
    .join(' ');
}

const CONTAINERS = new Set(['bulletList', 'orderedList', 'blockquote', 'table']);

function bodyBlocks(node: Y.XmlElement | Y.XmlText, out: Block[]): void {
  if (node instanceof Y.XmlText) {
    if (node.length > 0) out.push({ section: 'body', label: 'paragraph', text: textOf(node) });
    return;
  }
  if (CONTAINERS.has(node.nodeName)) {
    for (const child of node.toArray())
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) bodyBlocks(child, out);
  } else if (node.nodeName === 'tableRow') {
    out.push({
      section: 'body',
      label: 'tableRow',
      text: node
        .toArray()
        .map((cell) => (cell instanceof Y.XmlElement ? textOf(cell).trim() : ''))
        .join(' | '),
    });
  } else {
    out.push({ section: 'body', label: node.nodeName, text: textOf(node) });
  }
}

/** A rich-text fragment's blocks, in reading order (a crisis plan's sections read the same way). */
export function fragmentBlocks(fragment: Y.XmlFragment): Block[] {
  const blocks: Block[] = [];
  for (const node of fragment.toArray())
    if (node instanceof Y.XmlElement || node instanceof Y.XmlText) bodyBlocks(node, blocks);
  return blocks;
}

export function protocolBlocks(doc: Y.Doc): Block[] {
  const header = readProtocolHeader(doc);
  const blocks: Block[] = [
    { section: 'header', label: 'title', text: header.title },
    { section: 'header', label: 'theme', text: header.theme },
    { section: 'header', label: 'professions', text: header.professions.join(', ') },
  ];
  for (const node of protocolBody(doc).toArray())
    if (node instanceof Y.XmlElement || node instanceof Y.XmlText) bodyBlocks(node, blocks);
  // Empty cells say nothing: a row reads as its filled cells, in column order.
  const cells = (values: string[]) =>
    values
      .map((v) => v.trim())
      .filter(Boolean)
      .join(' · ');
  readRows(doc, STEPS).forEach((row, i) =>
    blocks.push({ section: 'steps', label: String(i + 1), text: cells(STEP_FIELDS.map((f) => row.texts[f])) }),
  );
  for (const row of readRows(doc, REFERENCES))
    blocks.push({ section: 'references', label: row.choices.type, text: row.texts.source });
  for (const row of readRows(doc, INDICATORS))
    blocks.push({
      section: 'indicators',
      label: row.choices.type,
      text: cells([row.texts.libelle, row.texts.source, row.texts.cible]),
    });
  return blocks;
}

/** Everything a protocol says, as one text (body, then the tables' filled cells): what full-text search reads. */
export function protocolSearchText(doc: Y.Doc): string {
  return protocolBlocks(doc)
    .filter((b) => b.section !== 'header')
    .map((b) => b.text)
    .join('\n');
}
