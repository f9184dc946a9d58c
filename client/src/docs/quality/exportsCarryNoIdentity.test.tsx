// The exports that leave the workspace — every table's CSV and the annual ACI report's print text — carry no reporter,
// no report text and no patient reference, even when the reports and meetings they count hold all three.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import * as Y from 'yjs';
import {
  aciProgress,
  createReport,
  moveReportStatus,
  qualityDashboard,
  readRegister,
  registerRow,
  setAciAnnex,
  setAciManualValue,
  readAciAnnex,
  readAciManualValue,
  writeFeedback,
  writeQualification,
  writeRegisterRow,
  type MeetingRecord,
} from '@maillage/shared';
import { i18n, i18nReady } from '../../i18n';
import { addScreenStrings } from '../../i18n/screenStrings';
import { frAdverseScreens } from '../../i18n/fr/adverseScreens';
import { frQualityScreens } from '../../i18n/fr/qualityScreens';
import { AciReportBody } from './AciReportBody';
import { reportTables } from './reportTables';
import { tableCsv } from './TableFigure';

const REPORTER = 'member-elsa01';
const REFERENT = 'member-regine';
const REPORTER_NAME = 'Elsa Roux';
const STORY = 'Pilulier préparé avec la dose du soir dans la case du matin chez Mme Dupont';
const MEASURES = 'Pilulier refait et pharmacie Lafayette prévenue';
const FEEDBACK = 'Merci : analysé en CREX le mois prochain';
const PORTAL = 'ARS-2026-0042';
const PATIENT_LABEL = 'MD · 1941';
const CASE_ID = 'case-secret01';
const QUESTION = 'Maintien à domicile de Mme Dupont ?';
const NOW = new Date('2026-12-05T10:00:00.000Z');

/** Everything the exports must never hold, as whole strings and as their telling words. */
const FORBIDDEN = [
  REPORTER,
  REPORTER_NAME,
  'Roux',
  STORY,
  'Pilulier',
  'Dupont',
  MEASURES,
  'Lafayette',
  FEEDBACK,
  'CREX',
  PORTAL,
  PATIENT_LABEL,
  '1941',
  CASE_ID,
  QUESTION,
];

function exportsOfAYear(): string[] {
  const governance = new Y.Doc();
  const referents = new Set([REFERENT]);
  for (let i = 0; i < 3; i++) {
    const report = new Y.Doc();
    expect(
      createReport(
        report,
        {
          occurredAt: `2026-0${i + 3}-10T08:30:00.000Z`,
          place: 'domicile',
          description: `${STORY} (${i})`,
          nature: i === 0 ? 'dommage' : 'epr',
          consequences: 'aucune',
          severity: 3,
          professions: ['infirmier'],
          immediateMeasures: MEASURES,
          patientInformed: false,
          reporterName: REPORTER_NAME,
        },
        REPORTER,
        NOW,
      ).ok,
    ).toBe(true);
    if (i === 0) {
      writeQualification(
        report,
        {
          category: 'medicament',
          severity: 4,
          avoidability: 'evitable',
          eigs: true,
          eigsCriteria: ['deficit_permanent_probable'],
          portalReference: PORTAL,
        },
        REFERENT,
        referents,
        NOW,
      );
      moveReportStatus(report, 'a_analyser', REFERENT, referents);
      moveReportStatus(report, 'analyse', REFERENT, referents);
      writeFeedback(report, FEEDBACK, REFERENT, referents, NOW);
    }
    writeRegisterRow(governance, registerRow(`report-00000${i}`, report)!);
  }
  // The meetings as the screen reads them: whole agenda items, with the case's label and question.
  const meetings = [
    {
      docId: 'rcp-0000001',
      meeting: { date: '2026-04-02', status: 'validee', type: 'rcp_patient' },
      agenda: [{ caseId: CASE_ID, label: PATIENT_LABEL, question: QUESTION, criterion: 'age_75', discussed: true }],
      sheet: [{ profession: 'infirmier', name: REPORTER_NAME, memberId: REPORTER }],
    },
  ] as unknown as MeetingRecord[];
  setAciAnnex(
    governance,
    [
      {
        id: 'mission-1',
        label: 'Mission 3 — qualité',
        actions: [
          {
            id: 'action-1',
            label: 'Démarche qualité',
            indicators: [
              {
                id: 'ind-ei',
                label: 'Événements analysés',
                measure: 'evenements_analyses',
                socle: 1,
                intermediaire: 2,
                objectif: 4,
                amount: 2000,
              },
              {
                id: 'ind-tel',
                label: 'Appels de soins non programmés',
                measure: 'manuel',
                socle: 10,
                intermediaire: 20,
                objectif: 40,
                amount: 1000,
              },
            ],
          },
        ],
      },
    ],
    'coordinator',
  );
  setAciManualValue(governance, 2026, 'ind-tel', { value: 25, source: 'Registre du standard' }, 'coordinator');

  const dashboard = qualityDashboard({
    register: readRegister(governance),
    meetings,
    catalogue: [],
    year: 2026,
    today: '2026-12-05',
  });
  expect(dashboard.events.total).toBe(3);
  expect(dashboard.events.eigs).toBe(1);
  const annex = readAciAnnex(governance)!;
  const progress = aciProgress(annex, dashboard, (id) => readAciManualValue(governance, 2026, id));
  const tables = reportTables(dashboard, annex, progress, i18n.t, 'fr');
  const print = renderToStaticMarkup(
    <AciReportBody
      text={{
        title: 'Rapport annuel ACI 2026',
        cpts: 'CPTS Vigilante',
        madeOn: '5 déc. 2026',
        anonymous: '',
        noData: '',
      }}
      tables={tables}
    />,
  );
  return [...tables.map(tableCsv), print];
}

beforeAll(async () => {
  await i18nReady;
  addScreenStrings(frAdverseScreens);
  addScreenStrings(frQualityScreens);
});

describe('quality exports', () => {
  it('count the year’s reports and meetings, and hold no reporter, report text or patient reference', () => {
    const files = exportsOfAYear();
    const all = files.join('\n');
    // They do carry the counts (so this test reads real exports, not empty ones).
    expect(all).toContain('Médicament');
    expect(all).toContain('Registre du standard');
    expect(all).toContain('Infirmier');
    for (const word of FORBIDDEN) expect(all, word).not.toContain(word);
  });

  it('would catch a leak: the same check fails on a table holding a report’s text', () => {
    const leaked = `${exportsOfAYear().join('\n')}${STORY}`;
    expect(FORBIDDEN.some((word) => leaked.includes(word))).toBe(true);
  });
});
