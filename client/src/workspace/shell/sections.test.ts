import { describe, expect, it } from 'vitest';
import { sectionOf, sectionsFor } from './sections';

const ws = 'a'.repeat(52);

describe('sections', () => {
  it('marks the section of a screen, and whether it is the section itself', () => {
    expect(sectionOf(`/w/${ws}`, ws)).toEqual({ key: 'home', own: true });
    expect(sectionOf(`/w/${ws}/`, ws)).toEqual({ key: 'home', own: true });
    expect(sectionOf(`/w/${ws}/protocoles`, ws)).toEqual({ key: 'protocols', own: true });
    expect(sectionOf(`/w/${ws}/protocols/abc`, ws)).toEqual({ key: 'protocols', own: false });
    expect(sectionOf(`/w/${ws}/protocols/abc/lecture`, ws)).toEqual({ key: 'protocols', own: false });
    expect(sectionOf(`/w/${ws}/dossiers/nouveau`, ws)).toEqual({ key: 'cases', own: false });
    expect(sectionOf(`/w/${ws}/acces`, ws)).toEqual({ key: 'access', own: true });
    expect(sectionOf(`/w/${ws}/evenements/signaler`, ws)).toEqual({ key: 'events', own: false });
    expect(sectionOf(`/w/${ws}/plan-de-crise/abc/impression`, ws)).toEqual({ key: 'crisis', own: false });
    expect(sectionOf(`/w/${ws}/crise/abc`, ws)).toEqual({ key: 'crisis', own: false });
    expect(sectionOf(`/w/${ws}/inconnu`, ws)).toBeNull();
    expect(sectionOf('/', ws)).toBeNull();
  });

  it('offers « Qualité » to coordinators and quality référents only', () => {
    expect(sectionsFor('coordinator').map((s) => s.key)).toContain('quality');
    expect(sectionsFor('member').map((s) => s.key)).not.toContain('quality');
    expect(sectionsFor('member', true).map((s) => s.key)).toContain('quality');
    expect(sectionsFor('member', true).map((s) => s.key)).not.toContain('access');
    expect(sectionOf(`/w/${ws}/qualite/rapport`, ws)).toEqual({ key: 'quality', own: false });
  });

  it('offers « Accès » to coordinators only', () => {
    expect(sectionsFor('coordinator').map((s) => s.key)).toContain('access');
    expect(sectionsFor('member').map((s) => s.key)).not.toContain('access');
    expect(sectionsFor('observer').map((s) => s.key)).toEqual([
      'home',
      'protocols',
      'cases',
      'concertations',
      'events',
      'crisis',
      'directory',
      'groups',
    ]);
  });
});
