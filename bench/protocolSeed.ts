// The protocol the benchmark asks for: 50 pages, 200 comment threads, 100 named versions with edits between
// them (each version a real snapshot of a document that kept its history), and filled tables.
import * as Y from 'yjs';
import {
  addRow,
  createVersion,
  INDICATORS,
  openThread,
  protocolBody,
  protocolPlainText,
  REFERENCES,
  replyToThread,
  setThreadResolved,
  STEPS,
  type CommentAnchor,
} from '@maillage/shared';
import { protocolDoc } from './seed';

const AUTHORS = ['Alice Martin', 'Bruno Lefèvre', 'Claire Dubois', 'David Roux', 'Élise Faure'].map((name, i) => ({
  memberId: `bench-author-${i}`,
  name,
}));

/** A small deterministic generator: the same protocol on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function paragraphs(doc: Y.Doc): Y.XmlText[] {
  return protocolBody(doc)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'paragraph')
    .map((p) => p.get(0) as Y.XmlText);
}

export interface HeavyProtocol {
  doc: Y.Doc;
  title: string;
  lastText: string;
  characters: number;
  openThreads: number;
  versions: number;
}

export function heavyProtocol(): HeavyProtocol {
  const base = protocolDoc(50);
  const { doc } = base;
  const next = random(42);
  const texts = paragraphs(doc);
  const pick = () => texts[Math.floor(next() * texts.length)]!;
  let at = Date.parse('2026-01-05T08:00:00Z');
  const when = () => new Date((at += 3_600_000));

  for (let i = 0; i < 20; i++)
    addRow(doc, STEPS, {
      delai: `J+${i}`,
      qui: 'Infirmier·ère',
      quoi: `Étape ${i + 1} de la prise en charge`,
      ou: 'Domicile',
      comment: 'Selon la fiche',
      pourquoi: 'Sécurité',
      outils: 'Fiche de liaison',
    });
  for (let i = 0; i < 10; i++) addRow(doc, REFERENCES, { source: `Référence ${i + 1}, HAS 2015`, type: 'reco_has' });
  for (let i = 0; i < 5; i++)
    addRow(doc, INDICATORS, { libelle: `Indicateur ${i + 1}`, source: 'Dossiers', cible: '80 %', type: 'processus' });

  // 100 rounds of review: a few words rewritten in a few paragraphs, then a named version.
  for (let v = 1; v <= 100; v++) {
    for (let e = 0; e < 5; e++) {
      const text = pick();
      const offset = Math.floor(next() * (text.length - 20));
      text.delete(offset, 6);
      text.insert(offset, `modif ${v}.${e} `);
    }
    createVersion(doc, { name: `v${v}`, reason: `Relecture n° ${v}` }, AUTHORS[v % AUTHORS.length]!, 'named', when());
  }

  // 200 threads on passages all over the text, one to three messages each; a quarter resolved.
  let open = 0;
  for (let c = 0; c < 200; c++) {
    const text = pick();
    const from = Math.floor(next() * (text.length - 30));
    const anchor = {
      start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from)),
      end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from + 25)),
    } as CommentAnchor;
    const thread = openThread(
      doc,
      anchor,
      text.toString().slice(from, from + 25),
      AUTHORS[c % AUTHORS.length]!,
      { text: `Remarque ${c + 1} : à préciser avec le groupe.` },
      when(),
    );
    if (!thread.ok) throw new Error('thread');
    for (let r = 0; r < c % 3; r++)
      replyToThread(
        doc,
        thread.value.threadId,
        AUTHORS[(c + r + 1) % AUTHORS.length]!,
        { text: `Réponse ${r + 1}.` },
        when(),
      );
    if (c % 4 === 3) setThreadResolved(doc, thread.value.threadId, true, AUTHORS[0]!, when());
    else open++;
  }
  const lastText = paragraphs(doc).at(-1)!.toString().slice(0, 40);
  return {
    doc,
    title: base.title,
    lastText,
    characters: protocolPlainText(doc).length,
    openThreads: open,
    versions: 100,
  };
}
