import { describe, expect, it } from 'vitest';
import { withoutTemplateGuidance, type PmJson } from './withoutGuidance';

const heading = (text: string): PmJson => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const paragraph = (text = ''): PmJson => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });

describe('the print view of a protocol made from the first template', () => {
  it('leaves out the guidance and the headings the tables repeat, and keeps what was written', () => {
    const doc: PmJson = {
      type: 'doc',
      content: [
        heading('Population cible'),
        paragraph('Critères d’inclusion, critères d’exclusion.'),
        paragraph('Patients sous AVK de plus de 75 ans.'),
        heading('Étapes'),
        paragraph('Ordre, délai, qui, quoi, où, comment, pourquoi, outils.'),
        paragraph(),
        heading('Références'),
        paragraph('Recommandations HAS, littérature, consensus d’experts.'),
        paragraph('Voir aussi la fiche ANSM.'),
        heading('Objectifs'),
        paragraph('Ce que le protocole doit améliorer, pour les patients et pour l’équipe.'),
      ],
    };
    const texts = (withoutTemplateGuidance(doc).content ?? []).map((n) =>
      (n.content ?? []).map((c) => c.text).join(''),
    );
    expect(texts).toEqual([
      'Population cible',
      'Patients sous AVK de plus de 75 ans.',
      'Références',
      'Voir aussi la fiche ANSM.',
      'Objectifs',
    ]);
  });

  it('keeps a guidance sentence written under another heading, as the group wrote it', () => {
    const doc: PmJson = {
      type: 'doc',
      content: [heading('Contexte'), paragraph('Critères d’inclusion, critères d’exclusion.')],
    };
    expect(withoutTemplateGuidance(doc)).toEqual(doc);
  });
});
