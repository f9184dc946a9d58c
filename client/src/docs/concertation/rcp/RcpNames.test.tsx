// A fiche names people, never shows their member id: someone no longer in the annuaire is « Membre inconnu » in the
// actions' « Qui » and in the case's compte rendu.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { RcpFiche } from '@maillage/shared';
import { i18n, i18nReady } from '../../../i18n';
import { addScreenStrings } from '../../../i18n/screenStrings';
import { frRcpScreens } from '../../../i18n/fr/rcpScreens';
import { frConcertationScreens } from '../../../i18n/fr/concertationScreens';
import { RcpActions } from './RcpActions';
import { CaseMinutes } from './CaseMinutes';

const GONE = 'member-gone01';
const ELSA = 'member-elsa01';
const names = new Map([[ELSA, 'Elsa Roux']]);
const action = { id: 'action-1', text: 'Passage IDE', owner: GONE, due: null, createdAt: '2027-01-05T12:40:00.000Z' };
const fiche: RcpFiche = {
  meetingId: 'meeting-0001',
  date: '2027-01-05',
  question: 'Maintien à domicile ?',
  held: null,
  criterion: 'age_75',
  discussion: '',
  proposition: '',
  decision: 'Passage IDE matin et soir',
  actions: [action],
  decided: {
    decidedAt: '2027-01-05T13:00:00.000Z',
    decidedBy: GONE,
    timelineEntryId: 'entry-1',
    actionIds: ['case-action-1'],
    texts: { discussion: '', proposition: '', decision: 'Passage IDE matin et soir' },
  },
  reevaluation: null,
  unkept: false,
};

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frConcertationScreens);
  addScreenStrings(frRcpScreens);
  await i18n.changeLanguage('fr');
});

describe('names in a fiche', () => {
  it('offers a team member missing from the annuaire as « Membre inconnu »', () => {
    const html = renderToStaticMarkup(
      <RcpActions
        actions={[action]}
        team={[ELSA, GONE]}
        names={names}
        readOnly={false}
        refusals={{}}
        onAdd={() => null}
        onUpdate={() => undefined}
        onRemove={() => null}
      />,
    );
    expect(html).toContain('>Elsa Roux</option>');
    expect(html).toContain(`<option value="${GONE}" selected="">Membre inconnu</option>`);
    expect(html).not.toContain(`>${GONE}<`);
  });

  it('prints an owner and a recorder missing from the annuaire as « Membre inconnu »', () => {
    const html = renderToStaticMarkup(
      <CaseMinutes
        reference="réf. AAA111"
        meeting={null}
        question={fiche.question}
        criterion="age_75"
        patient={null}
        fiche={fiche}
        sheet={null}
        names={names}
        headingId="cr"
      />,
    );
    expect(html).toContain('Passage IDE — Membre inconnu, échéance');
    expect(html).toMatch(/par Membre inconnu\./);
    expect(html).not.toContain(GONE);
  });
});
