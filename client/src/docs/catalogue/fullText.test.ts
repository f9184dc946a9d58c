import { describe, expect, it } from 'vitest';
import { FullTextIndex } from './fullText';

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
    expect(index.search('cicatrisation')[0]!.snippet).toBe(
      'Pansement à J+2. Le diabète retarde la cicatrisation des plaies du pied.',
    );
    const long = new FullTextIndex();
    long.set({
      docId: 'long',
      title: 'Long',
      theme: '',
      text: `${'Introduction. '.repeat(20)}Orienter vers le podologue   en cas de plaie.${' Suite.'.repeat(20)}`,
    });
    const snippet = long.search('podologue')[0]!.snippet;
    expect(snippet).toMatch(/^….*Orienter vers le podologue en cas de plaie\..*…$/);
    expect(snippet.length).toBeLessThan(140);
  });

  it('forgets a document removed from the device', () => {
    const own = new FullTextIndex();
    own.set({ docId: 'x', title: 'Canicule', theme: '', text: '' });
    own.delete('x');
    expect(own.search('canicule')).toEqual([]);
  });
});
