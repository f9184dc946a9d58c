// The référents panel as a coordinator's screen renders it: a référent is never named by a raw member id (the names'
// rule itself is memberName.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { i18n, i18nReady } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frAdverseScreens } from '../../i18n/fr/adverseScreens';
import type { WorkspaceRow } from '../../store/db';
import { WorkspaceContext } from '../../workspace/WorkspaceContext';
import { ReferentsPanel } from './ReferentsPanel';

const coordinator = { id: 'ws', name: 'CPTS', role: 'coordinator', memberId: 'member-alice1' } as WorkspaceRow;

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frAdverseScreens);
  await i18n.changeLanguage('fr');
});

describe('référents qualité', () => {
  it('never names a référent by their id: « … » while the annuaire is not here', () => {
    const html = renderToStaticMarkup(
      <WorkspaceContext.Provider value={coordinator}>
        <ReferentsPanel referents={['member-regine', 'member-paul01']} />
      </WorkspaceContext.Provider>,
    );
    expect(html).toContain('…');
    expect(html).not.toContain('Membre absent de l’annuaire');
    expect(html).not.toContain('member-regine');
    expect(html).toContain('Retirer');
  });
});
