import { describe, expect, it } from 'vitest';
import { catalogueItemLink, catalogueStatusKey } from './catalogueItem';

describe('catalogue items', () => {
  it('open each kind on its own screen, with its own status labels', () => {
    expect(catalogueItemLink('ws', { kind: 'patientCase', docId: 'dossier-01' })).toEqual({
      to: '/w/$workspaceId/dossiers/$docId',
      params: { workspaceId: 'ws', docId: 'dossier-01' },
    });
    expect(catalogueItemLink('ws', { kind: 'protocol', docId: 'protocol-1' }).to).toBe(
      '/w/$workspaceId/protocols/$docId',
    );
    expect(catalogueStatusKey({ kind: 'patientCase', status: 'clos' })).toBe('care.statuses.clos');
    expect(catalogueStatusKey({ kind: 'protocol', status: 'diffuse' })).toBe('protocol.statuses.diffuse');
    expect(catalogueItemLink('ws', { kind: 'concertation', docId: 'rcp-00001' }).to).toBe(
      '/w/$workspaceId/concertations/$docId',
    );
    expect(catalogueStatusKey({ kind: 'concertation', status: 'validee' })).toBe('concertationStatuses.validee');
    expect(catalogueItemLink('ws', { kind: 'crisisPlan', docId: 'plan-0001' }).to).toBe(
      '/w/$workspaceId/plan-de-crise/$docId',
    );
    expect(catalogueStatusKey({ kind: 'crisisPlan', status: 'transmis' })).toBe('crisisPlanStatuses.transmis');
    expect(catalogueItemLink('ws', { kind: 'crisisActivation', docId: 'crisis-001' }).to).toBe(
      '/w/$workspaceId/crise/$docId',
    );
    expect(catalogueStatusKey({ kind: 'crisisActivation', status: 'active' })).toBe('crisisStatuses.active');
  });
});
