// The référents panel as a coordinator's screen renders it: a référent missing from the annuaire is named as such,
// never by a raw member id.
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
  it('names a référent absent from the annuaire as such, not by their id', () => {
    const html = renderToStaticMarkup(
      <WorkspaceContext.Provider value={coordinator}>
        <ReferentsPanel referents={['member-regine', 'member-paul01']} />
      </WorkspaceContext.Provider>,
    );
    expect(html).toContain('Membre absent de l’annuaire');
    expect(html).not.toContain('member-regine');
    expect(html).toContain('Retirer');
    // Nothing is asked before a button is pressed.
    expect(html).not.toContain('alertdialog');
  });
});
