// Builds the documents the client benchmarks open: a catalogue of N entries and a protocol of about N pages.
import * as Y from 'yjs';
import { createProtocol, protocolBody, setWorkspaceName, upsertCatalogueEntry } from '@maillage/shared';

const SENTENCE = 'Le médecin traitant réévalue le traitement et l’infirmier·ère surveille la plaie à domicile, en lien avec le pharmacien. ';

export function catalogueDoc(entries: number): Y.Doc {
  const doc = new Y.Doc();
  setWorkspaceName(doc, 'CPTS Banc d’essai');
  const base = Date.parse('2026-01-01T08:00:00Z');
  doc.transact(() => {
    for (let i = 0; i < entries; i++) {
      const at = new Date(base + i * 60_000).toISOString();
      upsertCatalogueEntry(doc, `bench-doc-${String(i).padStart(6, '0')}`, { kind: 'protocol', title: `Protocole ${i} — parcours ${i % 17}`, status: 'brouillon', groupId: null, createdAt: at, updatedAt: at, deletedAt: null });
    }
  });
  return doc;
}

/** About one page = a heading and 12 paragraphs of ~120 words (~4,500 characters). */
export function protocolDoc(pages: number): { doc: Y.Doc; title: string; lastText: string; characters: number } {
  const doc = new Y.Doc();
  createProtocol(doc, { title: `Protocole de ${pages} pages` });
  const nodes: Y.XmlElement[] = [];
  let characters = 0;
  let lastText = '';
  for (let p = 0; p < pages; p++) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.insert(0, [new Y.XmlText(`Section ${p + 1}`)]);
    nodes.push(heading);
    for (let i = 0; i < 12; i++) {
      const para = new Y.XmlElement('paragraph');
      lastText = `Étape ${p + 1}.${i + 1} — ${SENTENCE.repeat(3)}`;
      para.insert(0, [new Y.XmlText(lastText)]);
      characters += lastText.length;
      nodes.push(para);
    }
  }
  protocolBody(doc).insert(0, nodes);
  return { doc, title: `Protocole de ${pages} pages`, lastText: lastText.slice(0, 40), characters };
}
