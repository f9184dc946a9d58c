// A typology sheet as a one-page checklist: what triggers it, what it aims at, then each action with a box to tick,
// who and when; resources, messages and the link with hospitals below.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listSheetActions, readTypologySheet, type CrisisTypology, type SheetField } from '@maillage/shared';

export function PrintSheet({
  doc,
  typology,
  headingLevel = 2,
}: {
  doc: Y.Doc;
  typology: CrisisTypology;
  headingLevel?: 1 | 2;
}) {
  const { t } = useTranslation();
  const sheet = readTypologySheet(doc, typology);
  const actions = listSheetActions(doc, typology);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const s = (key: string) => t(`crisisPlan.sheets.${key}`);
  const field = (f: SheetField) =>
    sheet[f] ? (
      <div key={f} className="sheet-field">
        <h3>{s(`fields.${f}`)}</h3>
        <p className="pre">{sheet[f]}</p>
      </div>
    ) : null;
  return (
    <section className="typology-sheet" aria-label={t(`crisisPlan.typologies.${typology}`)}>
      <Heading>{t(`crisisPlan.typologies.${typology}`)}</Heading>
      {field('triggers')}
      {field('objectives')}
      <h3>{t('crisisPlan.printView.checklist')}</h3>
      {actions.length === 0 ? (
        <p className="empty">{s('empty')}</p>
      ) : (
        <table className="print-table checklist">
          <thead>
            <tr>
              <th scope="col">{s('done')}</th>
              <th scope="col">{s('what')}</th>
              <th scope="col">{s('who')}</th>
              <th scope="col">{s('when')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td className="box" aria-hidden="true">
                  ☐
                </td>
                <td>{a.what}</td>
                <td>{a.who}</td>
                <td>{a.when}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {field('resources')}
      {field('messagesProfessionals')}
      {field('messagesPopulation')}
      {field('hospitalLink')}
    </section>
  );
}
