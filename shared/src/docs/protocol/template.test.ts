import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createProtocol, protocolBody, protocolPlainText } from './layout';
import {
  applyHasTemplate,
  EARLIER_TABLE_HEADINGS,
  EARLIER_TEMPLATE_GUIDANCE,
  HAS_TEMPLATE_SECTIONS,
  templateSectionOf,
} from './template';
import { replaceProtocolContent } from './content';
import { addRow, readRows } from './rows';
import { STEPS } from './tables';

describe('HAS template', () => {
  it('lays the HAS body sections as headings over empty paragraphs: no guidance in the text, no table twice', () => {
    const doc = new Y.Doc();
    createProtocol(doc, { title: 'Plaies chroniques' });
    expect(applyHasTemplate(doc)).toBe(true);
    const headings = protocolBody(doc)
      .toArray()
      .filter((n) => n instanceof Y.XmlElement && n.nodeName === 'heading');
    expect(headings.map((h) => (h as Y.XmlElement).toArray().map(String).join(''))).toEqual(
      HAS_TEMPLATE_SECTIONS.map((s) => s.title),
    );
    const text = protocolPlainText(doc, 10_000);
    for (const guidance of EARLIER_TEMPLATE_GUIDANCE.values()) expect(text).not.toContain(guidance);
    for (const table of EARLIER_TABLE_HEADINGS) expect(text).not.toContain(table);
    expect(applyHasTemplate(doc)).toBe(false);
    expect(protocolBody(doc).length).toBe(2 * HAS_TEMPLATE_SECTIONS.length);
    expect(templateSectionOf(' Population cible ')).toBe('population');
    expect(templateSectionOf('Étapes')).toBeNull();
  });

  it('copies another protocol’s content (body and tables) into a new one, which then lives its own life', () => {
    const from = new Y.Doc();
    applyHasTemplate(from);
    addRow(from, STEPS, { quoi: 'Bilan', qui: 'Infirmier·ère' });
    const to = new Y.Doc();
    createProtocol(to, { title: 'Copie' });
    replaceProtocolContent(from, to, { keepTitle: true });
    expect(protocolPlainText(to, 10_000)).toBe(protocolPlainText(from, 10_000));
    expect(readRows(to, STEPS).map((r) => r.texts)).toEqual(readRows(from, STEPS).map((r) => r.texts));
    (protocolBody(to).get(1) as Y.XmlElement).insert(0, [new Y.XmlText('Ajout. ')]);
    expect(protocolPlainText(from, 10_000)).not.toContain('Ajout.');
  });
});
