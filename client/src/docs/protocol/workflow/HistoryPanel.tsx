// The protocol's change log: every status move, version and change of working group, newest first, with who, when and why.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  listGroupMoves,
  listStatusMoves,
  listVersions,
  observeVersions,
  observeWorkflow,
  type GroupMove,
} from '@maillage/shared';
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
  const groupMoves = useDocValue(doc, listGroupMoves, observeWorkflow);
  const entries = useMemo<Entry[]>(() => {
    // A group as it was named then; « no group » in the reader's language.
    const groupName = (id: GroupMove['from'], name: string) => (id === null ? t('protocol.noGroup') : name || id);
    return [
      ...moves.map((m) => ({
        at: m.at,
        by: m.byName,
        reason: m.reason,
        what: t('history.moved', { from: t(`protocol.statuses.${m.from}`), to: t(`protocol.statuses.${m.to}`) }),
      })),
      ...versions.map((v) => ({
        at: v.at,
        by: v.byName,
        reason: v.reason,
        what: t(`history.version.${v.kind}`, { name: v.name }),
      })),
      ...groupMoves.map((g) => ({
        at: g.at,
        by: g.byName,
        reason: '',
        what: t('history.group', { from: groupName(g.from, g.fromName), to: groupName(g.to, g.toName) }),
      })),
    ].sort((a, b) => b.at.localeCompare(a.at));
  }, [moves, versions, groupMoves, t]);
  return (
    <section className="stack" aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      {entries.length === 0 ? <p className="empty">{t('history.empty')}</p> : null}
      <ol className="list history">
        {entries.map((e, i) => (
          <li key={i} className="stack tight">
            <span>{e.what}</span>
            <span className="muted small">
              {e.by} · {formatDate(e.at)}
            </span>
            {e.reason ? <span className="small">{t('versions.reasonShown', { reason: e.reason })}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
