// Builds the documents the client benchmarks open: a catalogue of N entries and a protocol of about N pages.
import * as Y from 'yjs';
import {
  addAction,
  createPatientCase,
  createProtocol,
  protocolBody,
  setDirectoryEntry,
  setWorkspaceName,
  upsertCatalogueEntry,
} from '@maillage/shared';
import { testPatient } from '@maillage/shared/testing';

const SENTENCE =
  'Le médecin traitant réévalue le traitement et l’infirmier·ère surveille la plaie à domicile, en lien avec le pharmacien. ';

export function catalogueDoc(entries: number): Y.Doc {
  const doc = new Y.Doc();
  setWorkspaceName(doc, 'CPTS Banc d’essai');
  const base = Date.parse('2026-01-01T08:00:00Z');
  doc.transact(() => {
    for (let i = 0; i < entries; i++) {
      const at = new Date(base + i * 60_000).toISOString();
      upsertCatalogueEntry(doc, `bench-doc-${String(i).padStart(6, '0')}`, {
        kind: 'protocol',
        title: `Protocole ${i} — parcours ${i % 17}`,
        status: 'brouillon',
        groupId: null,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
      });
    }
  });
  return doc;
}

/** About one page = a heading and 12 paragraphs of ~120 words (~4,500 characters). */
export function protocolDoc(pages: number): { doc: Y.Doc; title: string; lastText: string; characters: number } {
  // As on every device: a per-thing document keeps its history (docs/decisions/0005).
  const doc = new Y.Doc({ gc: false });
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

const FIRST = ['Claire', 'Jean', 'Élodie', 'Marc', 'Hélène', 'Paul', 'Zoé', 'Louis', 'Inès', 'Hugo', 'Léa', 'Noé'];
const LAST = [
  'Martin',
  'Lefèvre',
  'Durand',
  'Abadie',
  'Roux',
  'Faure',
  'Mercier',
  'Chevalier',
  'Besse',
  'Delmas',
  'Vergne',
  'Lacoste',
];
const COMMUNES = [
  'Brive-la-Gaillarde',
  'Tulle',
  'Ussel',
  'Malemort',
  'Objat',
  'Allassac',
  'Terrasson-Lavilledieu',
  'Montignac',
  'Uzerche',
  'Meymac',
];
const KINDS = [
  'medecin_generaliste',
  'infirmier',
  'pharmacien',
  'masseur_kinesitherapeute',
  'sage_femme',
  'orthophoniste',
  'dieteticien',
  'psychologue',
] as const;

/** An annuaire of `count` members spread over ten communes and eight professions. */
export function directoryDoc(count: number): Y.Doc {
  const doc = new Y.Doc();
  const at = new Date('2026-06-01T08:00:00Z');
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const profession = KINDS[i % KINDS.length]!;
      setDirectoryEntry(
        doc,
        `bench-member-${String(i).padStart(6, '0')}`,
        {
          name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`,
          profession,
          commune: COMMUNES[i % COMMUNES.length]!,
          practiceName: `Cabinet ${LAST[i % LAST.length]}`,
          phone: `05 55 ${String(10 + (i % 90))} ${String(10 + ((i * 7) % 90))} ${String(10 + ((i * 13) % 90))}`,
          skills: i % 3 === 0 ? ['ETP diabète', 'Plaies et cicatrisation'] : ['Soins palliatifs'],
          languages: ['français'],
          acceptsNewPatients: profession === 'medecin_generaliste' ? i % 2 === 0 : null,
        },
        at,
      );
    }
  });
  return doc;
}

/** A coordination file whose team is `member` alone, with one open action of theirs due on `due`. */
export function patientCaseDoc(member: string, due: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  const created = createPatientCase(doc, { patient: testPatient, team: [member], patientInformed: true }, member);
  const action = addAction(doc, { text: 'Réévaluer le traitement', owner: member, due }, member);
  if (!created.ok || !action.ok) throw new Error('bench case refused');
  return doc;
}

/** A document's update of about `bytes` bytes of text, in paragraphs as a protocol's body would be. */
export function documentOf(bytes: number): Uint8Array {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const paragraph = 'Surveiller la plaie, noter la douleur et prévenir le médecin traitant si fièvre. ';
  for (let written = 0; written < bytes; written += paragraph.length) text.insert(text.length, paragraph);
  return Y.encodeStateAsUpdate(doc);
}
