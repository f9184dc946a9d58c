// The HAS header block of a protocol on paper: what it is, who wrote and validated it, when, and when it is reviewed.
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  listStatusMoves,
  protocolOrigin,
  readProtocolHeader,
  validatorsOf,
  type ProtocolStatus,
} from '@maillage/shared';
import { formatDate } from '../../../i18n';

interface Props {
  doc: Y.Doc;
  workspaceName: string;
  groupName: string | null;
  leadName: string | null;
}

export function PrintHeader({ doc, workspaceName, groupName, leadName }: Props) {
  const { t } = useTranslation();
  const header = readProtocolHeader(doc);
  const moves = listStatusMoves(doc);
  const lastMoveTo = (status: ProtocolStatus) => moves.filter((m) => m.to === status).at(-1)?.at ?? null;
  const signoffs = validatorsOf(doc);
  const date = (iso: string | null) => (iso ? formatDate(iso, false) : '—');
  const rows: [string, string][] = [
    [t('print.theme'), header.theme || '—'],
    [
      t('print.group'),
      [groupName ?? t('protocol.noGroup'), leadName ? t('print.lead', { name: leadName }) : null]
        .filter(Boolean)
        .join(' — '),
    ],
    [t('print.professions'), header.professions.map((p) => t(`professions.${p}`)).join(', ') || '—'],
    [t('print.versionStatus'), `${header.version} — ${t(`protocol.statuses.${header.status}`)}`],
    [t('print.written'), date(protocolOrigin(doc).createdAt)],
    [t('print.teamValidation'), date(lastMoveTo('valide_equipe'))],
    [t('print.cpamValidation'), date(lastMoveTo('valide_cpam'))],
    [t('print.diffusion'), date(lastMoveTo('diffuse'))],
    [t('print.nextReview'), header.reviewDate ? formatDate(header.reviewDate, false) : '—'],
  ];
  return (
    <header className="print-header">
      <p className="eyebrow">
        {t('print.kind')} · {workspaceName}
      </p>
      <h1>{header.title}</h1>
      <table className="print-fields">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('print.validatedBy')}</th>
            <td>
              {signoffs.length === 0
                ? '—'
                : signoffs
                    .map((s) => `${s.name} (${t(`professions.${s.profession}`)}), ${formatDate(s.at, false)}`)
                    .join(' ; ')}
            </td>
          </tr>
        </tbody>
      </table>
    </header>
  );
}
