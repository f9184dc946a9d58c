// The whole plan as it prints: status and version, the free-text sections, governance and crisis cell, alert chain,
// places, volunteers, then the five sheets, each starting on its own page.
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
  type DirectoryMember,
} from '@maillage/shared';
import { StaticBody } from '../../protocol/print/StaticBody';
import { PrintSheet } from './PrintSheet';

export function PrintPlan({ doc, members }: { doc: Y.Doc; members: readonly DirectoryMember[] }) {
  const { t } = useTranslation();
  const header = readCrisisPlanHeader(doc);
  const g = readGovernance(doc);
  const a = readAlertChain(doc);
  const nameOf = (id: string | null) => (id ? (members.find((m) => m.memberId === id)?.name ?? '—') : '—');
  const row = (label: string, value: string) =>
    value ? (
      <tr>
        <th scope="row">{label}</th>
        <td className="pre">{value}</td>
      </tr>
    ) : null;
  const volunteers = crisisVolunteers(members);
  return (
    <article className="print-sheet plan-print">
      <h1>{header.title}</h1>
      <p className="muted">
        {t('crisisPlan.printView.status', {
          status: t(`crisisPlanStatuses.${header.status}`),
          version: header.version,
        })}
      </p>
      <StaticBody doc={doc} />
      <section className="print-section">
        <h2>{t('crisisPlan.governance.title')}</h2>
        <table className="print-fields">
          <tbody>
            {row(t('crisisPlan.governance.referentTitulaire'), nameOf(g.referentTitulaire))}
            {row(t('crisisPlan.governance.referentSuppleant'), nameOf(g.referentSuppleant))}
            {row(t('crisisPlan.governance.mainPlace'), g.mainPlace)}
            {row(t('crisisPlan.governance.fallbackPlace'), g.fallbackPlace)}
            {row(t('crisisPlan.governance.videoLink'), g.videoLink)}
            {row(t('crisisPlan.governance.communication'), g.communication)}
          </tbody>
        </table>
        <h3>{t('crisisPlan.cell.title')}</h3>
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
            {cellMembers.list(doc).map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.organisation}</td>
                <td>{m.role}</td>
                <td>{m.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="print-section">
        <h2>{t('crisisPlan.alert.title')}</h2>
        <table className="print-fields">
          <tbody>
            {row(t('crisisPlan.alert.issuers'), a.issuers.map((i) => t(`crisisPlan.authority.${i}`)).join(', '))}
            {row(t('crisisPlan.alert.channel'), a.channel)}
            {row(t('crisisPlan.alert.onCallNumber'), a.onCallNumber)}
            {row(t('crisisPlan.alert.cascade'), a.cascade)}
            {row(t('crisisPlan.alert.acknowledgement'), a.acknowledgement)}
            {row(
              t('crisisPlan.alert.escalationMinutes'),
              a.escalationMinutes === null ? '' : String(a.escalationMinutes),
            )}
          </tbody>
        </table>
      </section>
      <section className="print-section">
        <h2>{t('crisisPlan.places.title')}</h2>
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
            {crisisPlaces.list(doc).map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.address}</td>
                <td>{p.capacity ?? ''}</td>
                <td>{p.typologies.map((ty) => t(`crisisPlan.typologyShort.${ty}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('crisisPlan.volunteers.title')}</h3>
        <ul>
          {volunteers.map((m) => (
            <li key={m.memberId}>
              {m.name} · {t(`professions.${m.profession}`)} · {m.phone}
              {m.crisis?.availability ? ` · ${m.crisis.availability}` : ''}
            </li>
          ))}
        </ul>
      </section>
      {CRISIS_TYPOLOGIES.map((typology) => (
        <div key={typology} className="page-break">
          <PrintSheet doc={doc} typology={typology} />
        </div>
      ))}
    </article>
  );
}
