// « En séance » as each participant's screen renders it: the case the meeting is on, its timer against the time
// planned, the bureau's controls, and nothing of a case whose team this member is not on.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AgendaItem, Meeting } from '@maillage/shared';
import { i18n, i18nReady } from '../../../i18n';
import { addScreenStrings } from '../../../i18n/screenStrings';
import { frRcpScreens } from '../../../i18n/fr/rcpScreens';
import { frConcertationScreens } from '../../../i18n/fr/concertationScreens';
import { SessionView } from './SessionView';

const meeting = {
  type: 'rcp_patient',
  date: '2027-01-05',
  start: '12:30',
  end: '14:00',
  status: 'tenue',
  coordonnateur: 'member-claire',
  animateur: 'member-claire',
  secretaire: 'member-elsa01',
  participants: ['member-claire', 'member-elsa01', 'member-denis1'],
} as unknown as Meeting;
const item = (id: string, label: string): AgendaItem => ({
  id,
  caseId: `case-${id}`,
  label,
  presenter: 'member-denis1',
  question: `Question ${label}`,
  criterion: 'ald',
  minutes: 10,
  discussed: false,
});
const agenda = [item('item-a', 'réf. AAA111'), item('item-b', 'réf. BBB222')];
const noop = () => undefined;

const render = (leads: boolean, since: Date) =>
  renderToStaticMarkup(
    <SessionView
      workspaceId="ws"
      meetingId="meeting-0001"
      meeting={meeting}
      agenda={agenda}
      current={{ itemId: 'item-b', since: since.toISOString(), by: 'member-elsa01' }}
      cases={[]}
      members={[]}
      sheet={[]}
      me="member-denis1"
      canWrite
      leads={leads}
      onSetCase={noop}
      onDiscussed={noop}
      onDecisionRecorded={noop}
      onConsentRecorded={noop}
      onLeave={noop}
    />,
  );

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frConcertationScreens);
  addScreenStrings(frRcpScreens);
  await i18n.changeLanguage('fr');
});

describe('en séance', () => {
  it('shows the meeting’s current case and its timer past the time planned', () => {
    const html = render(true, new Date(Date.now() - 11 * 60_000));
    expect(html).toContain('Dossier 2 sur 2');
    expect(html).toContain('réf. BBB222');
    expect(html).toMatch(/role="timer"[^>]*>11:0\d \/ 10:00/);
    expect(html).toContain('Temps prévu dépassé');
    expect(html).toContain('Dossier précédent');
    // The last case: no next one.
    expect(html).toMatch(/<button type="button" class="primary" disabled="">Dossier suivant/);
    // Not on the case's team: the fiche is reserved, nothing of the case is asked for.
    expect(html).toContain('data-testid="rcp-reserved"');
  });

  it('lets only the bureau move the meeting on', () => {
    const html = render(false, new Date());
    expect(html).not.toContain('Dossier précédent');
    expect(html).toContain('Le bureau choisit le dossier en cours');
    expect(html).not.toContain('Temps prévu dépassé');
  });
});
