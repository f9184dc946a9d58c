// The crisis cell's board names everyone the alert reached; someone without a name reads « Membre inconnu ».
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { i18n, i18nReady } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frCrisisScreens } from '../../i18n/fr/crisisScreens';
import { CellBoard } from './CellBoard';

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frCrisisScreens);
  await i18n.changeLanguage('fr');
});

describe('the crisis cell’s board', () => {
  it('says « Membre inconnu » for someone the alert list does not name, and never shows an id', () => {
    const html = renderToStaticMarkup(
      <CellBoard
        acks={[{ memberId: 'member-nameless', answer: 'disponible', at: '2026-07-01T08:00:00.000Z' }]}
        members={[
          { memberId: 'member-nameless', name: '' },
          { memberId: 'member-bruno', name: 'Bruno Lefèvre' },
        ]}
      />,
    );
    expect(html).toMatch(/data-testid="crisis-board-available"><li>Membre inconnu<span/);
    expect(html).toMatch(/data-testid="crisis-board-unanswered"><li>Bruno Lefèvre<\/li>/);
    expect(html).not.toContain('member-');
  });
});
