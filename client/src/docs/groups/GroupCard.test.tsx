// A working group's card names its members from the annuaire, and never shows a member's id in its place.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Group } from '@maillage/shared';
import { i18n, i18nReady } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frPeopleScreens } from '../../i18n/fr/peopleScreens';
import { GroupCard } from './GroupCard';

const group: Group = {
  groupId: 'group-plaies',
  name: 'Plaies chroniques',
  theme: 'Parcours',
  lead: 'member-alice',
  members: ['member-alice', 'member-gone'],
  createdAt: '2026-01-01T00:00:00.000Z',
};
const noop = () => undefined;
const render = (names: Map<string, string>) =>
  renderToStaticMarkup(
    <GroupCard
      group={group}
      workspaceId="ws"
      names={names}
      members={[]}
      documents={[]}
      canWrite
      canAttach={false}
      onMember={noop}
      onAttach={noop}
    />,
  ).replaceAll('&#x27;', "'");

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frPeopleScreens);
  await i18n.changeLanguage('fr');
});

describe('a working group’s card', () => {
  it('names a member the annuaire does not hold as such, not by their id', () => {
    const html = render(new Map([['member-alice', 'Alice Martin']]));
    expect(html).toContain('piloté par Alice Martin');
    expect(html).toContain('<span class="list-title">Membre absent de l’annuaire</span>');
    expect(html).toContain('aria-label="Retirer Membre absent de l’annuaire de Plaies chroniques"');
    expect(html).not.toContain('member-gone');
  });

  it('waits for the annuaire before saying a member is absent from it', () => {
    const html = render(new Map());
    expect(html).not.toContain('absent');
    expect(html).not.toContain('member-');
    expect(html).toContain('piloté par …');
  });
});
