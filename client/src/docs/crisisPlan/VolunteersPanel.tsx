// The crisis directory: members who volunteered on « Ma fiche », by typology, exported as CSV or vCard.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRISIS_TYPOLOGIES, crisisVolunteers, type CrisisTypology, type DirectoryMember } from '@maillage/shared';
import { downloadFile } from '../../ui/download';
import { volunteersCsv, volunteersVCards } from './volunteersExport';

const COLUMNS = ['name', 'profession', 'phone', 'skills', 'availability'] as const;

export function VolunteersPanel({ members }: { members: readonly DirectoryMember[] }) {
  const { t } = useTranslation();
  const [typology, setTypology] = useState<CrisisTypology | ''>('');
  const shown = crisisVolunteers(members, typology || undefined);
  const v = (key: string) => t(`crisisPlan.volunteers.${key}`);
  const profession = (p: string) => t(`professions.${p}`);
  const exportCsv = () =>
    downloadFile(
      'volontaires-crise.csv',
      'text/csv;charset=utf-8',
      volunteersCsv(
        shown,
        Object.fromEntries(
          ['name', 'profession', 'phone', 'mssante', 'commune', 'skills', 'availability', 'typologies'].map((k) => [
            k,
            v(`columns.${k}`),
          ]),
        ),
        profession,
        (ty) => t(`crisisPlan.typologyShort.${ty}`),
        v('all'),
      ),
    );
  const exportVcf = () =>
    downloadFile('volontaires-crise.vcf', 'text/vcard;charset=utf-8', volunteersVCards(shown, profession));
  return (
    <section className="card stack" id="plan-volunteers" aria-labelledby="plan-volunteers-title">
      <h2 id="plan-volunteers-title">{v('title')}</h2>
      <p className="muted small">{v('intro')}</p>
      <div className="row wrap no-print">
        <div className="field">
          <label htmlFor="plan-volunteers-typology">{v('filter')}</label>
          <select
            id="plan-volunteers-typology"
            value={typology}
            onChange={(e) => setTypology(e.target.value as CrisisTypology | '')}
          >
            <option value="">{v('all')}</option>
            {CRISIS_TYPOLOGIES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`crisisPlan.typologyShort.${ty}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="spacer" />
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          {v('exportCsv')}
        </button>
        <button type="button" onClick={exportVcf} disabled={shown.length === 0}>
          {v('exportVcard')}
        </button>
      </div>
      <p role="status" className="small">
        {t('crisisPlan.volunteers.count', { count: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty">{v('empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="plan-table">
            <caption className="visually-hidden">{v('title')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {v(`columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.memberId}>
                  <td>{m.name}</td>
                  <td>{profession(m.profession)}</td>
                  <td>{m.phone}</td>
                  <td>{[...(m.crisis?.skills ?? [])].join(', ')}</td>
                  <td>{m.crisis?.availability}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
