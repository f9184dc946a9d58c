// The protocol's change log: every status move and every version, newest first, with who, when and why.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { listStatusMoves, listVersions, observeVersions, observeWorkflow } from '@maillage/shared';
import { useDocValue } from '../../../sync/useDocValue';
import { formatDate } from '../../../i18n';

interface Entry {
  at: string;
  by: string;
  what: string;
  reason: string;
}

export function HistoryPanel({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const moves = useDocValue(doc, listStatusMoves, observeWorkflow);
  const versions = useDocValue(doc, listVersions, observeVersions);
  const entries = useMemo<Entry[]>(
    () =>
      [
        ...moves.map((m) => ({ at: m.at, by: m.byName, reason: m.reason, what: t('history.moved', { from: t(`protocol.statuses.${m.from}`), to: t(`protocol.statuses.${m.to}`) }) })),
        ...versions.map((v) => ({ at: v.at, by: v.byName, reason: v.reason, what: t(`history.version.${v.kind}`, { name: v.name }) })),
      ].sort((a, b) => b.at.localeCompare(a.at)),
    [moves, versions, t],
  );
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {entries.length === 0 ? <p className="empty">{t('history.empty')}</p> : null}
      <ol className="list history">
        {entries.map((e, i) => (
          <li key={i} className="stack tight">
            <span>{e.what}</span>
            <span className="muted small">{e.by} · {formatDate(e.at)}</span>
            {e.reason ? <span className="small">{t('versions.reasonShown', { reason: e.reason })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
