// The whole plan as it prints: status and version, the free-text sections, governance and crisis cell, alert chain,
// places, volunteers, then the sheets written so far, each starting on its own page (the empty ones only named).
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  cellMembers,
  CRISIS_TYPOLOGIES,
  crisisPlaces,
  crisisVolunteers,
  readAlertChain,
  readCrisisPlanHeader,
  readGovernance,
  typologySheetIsEmpty,
  type DirectoryMember,
} from '@maillage/shared';
import { formatDate } from '../../../i18n';
import { StaticBody } from '../../protocol/print/StaticBody';
import { PrintSheet } from './PrintSheet';

export function PrintPlan({ doc, members }: { doc: Y.Doc; members: readonly DirectoryMember[] }) {
  const { t } = useTranslation();
  const header = readCrisisPlanHeader(doc);
  const g = readGovernance(doc);
  const a = readAlertChain(doc);
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.memberId === id)?.name ?? '—') : '');
  const none = (text: string) => <p className="empty">{text}</p>;
  /** Label/value rows, the empty ones left out; a sentence when none is written yet. */
  const fields = (pairs: [string, string][]) =>
    pairs.some(([, value]) => value) ? (
      <table className="print-fields">
        <tbody>
          {pairs.map(([label, value]) =>
            value ? (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td className="pre">{value}</td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
    ) : (
      none(t('crisisPlan.printView.nothingYet'))
    );
  const volunteers = crisisVolunteers(members);
  const cell = cellMembers.list(doc);
  const places = crisisPlaces.list(doc);
  const emptySheets = CRISIS_TYPOLOGIES.filter((ty) => typologySheetIsEmpty(doc, ty));
  const writtenSheets = CRISIS_TYPOLOGIES.filter((ty) => !emptySheets.includes(ty));
  return (
    <article className="print-sheet plan-print">
      <h1>{header.title}</h1>
      <p className="muted">
        {t('crisisPlan.printView.status', {
          status: t(`crisisPlanStatuses.${header.status}`),
          version: header.version,
          date: formatDate(new Date().toISOString(), false),
        })}
      </p>
      <StaticBody doc={doc} />
      <section className="print-section">
        <h2>{t('crisisPlan.governance.title')}</h2>
        {fields([
          [t('crisisPlan.governance.referentTitulaire'), nameOf(g.referentTitulaire)],
          [t('crisisPlan.governance.referentSuppleant'), nameOf(g.referentSuppleant)],
          [t('crisisPlan.governance.mainPlace'), g.mainPlace],
          [t('crisisPlan.governance.fallbackPlace'), g.fallbackPlace],
          [t('crisisPlan.governance.videoLink'), g.videoLink],
          [t('crisisPlan.governance.communication'), g.communication],
        ])}
        <h3>{t('crisisPlan.cell.title')}</h3>
        {cell.length === 0 ? (
          none(t('crisisPlan.cell.empty'))
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                {['name', 'organisation', 'role', 'phone'].map((k) => (
                  <th key={k} scope="col">
                    {t(`crisisPlan.cell.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cell.map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.organisation}</td>
                  <td>{m.role}</td>
                  <td>{m.phone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="print-section">
        <h2>{t('crisisPlan.alert.title')}</h2>
        {fields([
          [t('crisisPlan.alert.issuers'), a.issuers.map((i) => t(`crisisPlan.authority.${i}`)).join(', ')],
          [t('crisisPlan.alert.channel'), a.channel],
          [t('crisisPlan.alert.onCallNumber'), a.onCallNumber],
          [t('crisisPlan.alert.cascade'), a.cascade],
          [t('crisisPlan.alert.acknowledgement'), a.acknowledgement],
          [t('crisisPlan.alert.escalationMinutes'), a.escalationMinutes === null ? '' : String(a.escalationMinutes)],
        ])}
      </section>
      <section className="print-section">
        <h2>{t('crisisPlan.places.title')}</h2>
        {places.length === 0 ? (
          none(t('crisisPlan.places.empty'))
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                {['name', 'address', 'capacity', 'typologies'].map((k) => (
                  <th key={k} scope="col">
                    {t(`crisisPlan.places.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {places.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.address}</td>
                  <td>{p.capacity ?? ''}</td>
                  <td>{p.typologies.map((ty) => t(`crisisPlan.typologyShort.${ty}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('crisisPlan.volunteers.title')}</h3>
        {volunteers.length === 0 ? (
          none(t('crisisPlan.printView.noVolunteers'))
        ) : (
          <ul>
            {volunteers.map((m) => (
              <li key={m.memberId}>
                {m.name} · {t(`professions.${m.profession}`)} · {m.phone}
                {m.crisis?.availability ? ` · ${m.crisis.availability}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {emptySheets.length > 0 ? (
        <section className="print-section">
          <h2>{t('crisisPlan.printView.emptySheetsTitle')}</h2>
          <p>
            {t('crisisPlan.printView.emptySheets', {
              count: emptySheets.length,
              names: emptySheets.map((ty) => t(`crisisPlan.typologyShort.${ty}`)).join(', '),
            })}
          </p>
        </section>
      ) : null}
      {writtenSheets.map((typology) => (
        <div key={typology} className="page-break">
          <PrintSheet doc={doc} typology={typology} />
        </div>
      ))}
    </article>
  );
}
