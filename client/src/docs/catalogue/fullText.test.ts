import { describe, expect, it } from 'vitest';
import { FullTextIndex } from './fullText';
import { snippetText } from './snippet';

const index = new FullTextIndex();
index.set({
  docId: 'diabete',
  title: 'Diabète gestationnel',
  theme: 'Parcours',
  text: 'Dépistage du diabète à 24 SA. Suivi par la sage-femme et le médecin traitant.',
});
index.set({
  docId: 'plaies',
  title: 'Plaies chroniques',
  theme: 'Soins infirmiers',
  text: 'Pansement à J+2. Le diabète retarde la cicatrisation des plaies du pied.',
});
index.set({ docId: 'avc', title: 'AVC : repérage', theme: 'Urgences', text: 'Appeler le 15 sans délai.' });

describe('full-text search', () => {
  it('finds every document holding all the words, accents and case ignored, word starts too', () => {
    expect(
      index
        .search('DIABETE')
        .map((h) => h.docId)
        .sort(),
    ).toEqual(['diabete', 'plaies']);
    expect(index.search('diab pied').map((h) => h.docId)).toEqual(['plaies']);
    expect(index.search('délai 15').map((h) => h.docId)).toEqual(['avc']);
    expect(index.search('diabète escarre')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('ranks a word in the title above the same word in the text', () => {
    expect(index.search('diabète').map((h) => h.docId)).toEqual(['diabete', 'plaies']);
    expect(index.search('plaies').map((h) => h.docId)).toEqual(['plaies']);
  });

  it('gives a snippet of the original text around the first word', () => {
    expect(snippetText(index.search('cicatrisation')[0]!.snippet)).toBe(
      'Pansement à J+2. Le diabète retarde la cicatrisation des plaies du pied.',
    );
    const long = new FullTextIndex();
    long.set({
      docId: 'long',
      title: 'Long',
      theme: '',
      text: `${'Introduction. '.repeat(20)}Orienter vers le podologue   en cas de plaie.${' Suite.'.repeat(20)}`,
    });
    const snippet = snippetText(long.search('podologue')[0]!.snippet);
    expect(snippet).toMatch(/^….*Orienter vers le podologue en cas de plaie\..*…$/);
    expect(snippet.length).toBeLessThan(140);
  });

  it('keeps the text’s own accents, case and inclusive dots, and marks every word found', () => {
    const own = new FullTextIndex();
    own.set({
      docId: 'avk',
      title: 'Protocole AVK',
      theme: '',
      // « · » and « ^ » vanish when normalized: offsets after them shift, which once cost the snippet its accents.
      text: 'L’infirmier·ère surveille l’INR^ ; tout saignement Hémorragique est signalé au médecin. Risque hémorragique.',
    });
    const [hit] = own.search('hemorragique INR');
    expect(snippetText(hit!.snippet)).toBe(
      'L’infirmier·ère surveille l’INR^ ; tout saignement Hémorragique est signalé au médecin. Risque hémorragique.',
    );
    expect(hit!.snippet.filter((p) => p.found).map((p) => p.text)).toEqual(['INR', 'Hémorragique', 'hémorragique']);

    // Far into a long text, past many dropped characters: the snippet is still cut from the right place.
    own.set({
      docId: 'long',
      title: 'Long',
      theme: '',
      text: `${'L’infirmier·ère passe. '.repeat(300)}Risque hémorragique sous AVK.${' Fin·s.'.repeat(50)}`,
    });
    const far = own.search('hémorragique').find((h) => h.docId === 'long')!;
    expect(snippetText(far.snippet)).toMatch(/^….*passe\. Risque hémorragique sous AVK\. Fin·s\..*…$/);
    expect(far.snippet.find((p) => p.found)?.text).toBe('hémorragique');
  });

  it('forgets a document removed from the device', () => {
    const own = new FullTextIndex();
    own.set({ docId: 'x', title: 'Canicule', theme: '', text: '' });
    own.delete('x');
    expect(own.search('canicule')).toEqual([]);
  });
});
