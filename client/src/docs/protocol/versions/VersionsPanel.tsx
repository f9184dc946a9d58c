// Versions of a protocol: name the current state, compare any two (or one with now), read or print one, restore
// one as a new edit after saying why. Nothing is lost: the state a restore replaces becomes a version too.
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  createVersion,
  observeVersions,
  listVersions,
  protocolAtVersion,
  protocolBlocks,
  restoreVersion,
  type Author,
  type Block,
  type ProtocolVersion,
} from '@maillage/shared';
import { useDocValue } from '../../../sync/useDocValue';
import { Field } from '../../../ui/Field';
import { formatDate } from '../../../i18n';
import { diffBlocks, type BlockChange } from './diffBlocks';
import { DiffView } from './DiffView';

// A comparison opens over the page at its full width (the dialog's code loads when first asked for).
const WideDialog = lazy(() => import('../../../ui/WideDialog'));

const NOW = 'now';

interface Props {
  doc: Y.Doc;
  workspaceId: string;
  docId: string;
  author: Author;
  canWrite: boolean;
  canRestore: boolean;
  /** Colleagues with the protocol open: what they type during a restore lands in the replaced text. */
  othersPresent: number;
  /** Another kind's reading as blocks and status labels (a crisis plan); a protocol's by default. */
  blocksOf?: (doc: Y.Doc) => Block[];
  statusKey?: (status: string) => string;
  /** The label and status a new version records, when the document is not a protocol. */
  stamp?: (doc: Y.Doc) => { label: string; status: string };
  /** The list's accessible name, when the versions are not a protocol's. */
  listLabel?: string;
  /** Whether a version can be opened on the protocol's read screen. */
  readable?: boolean;
}

export function VersionsPanel({
  doc,
  workspaceId,
  docId,
  author,
  canWrite,
  canRestore,
  othersPresent,
  blocksOf: readBlocks = protocolBlocks,
  statusKey = (status) => `protocol.statuses.${status}`,
  readable = true,
  stamp,
  listLabel,
}: Props) {
  const { t } = useTranslation();
  const versions = useDocValue(doc, listVersions, observeVersions);
  const [form, setForm] = useState({ name: '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ from: string; to: string }>({ from: '', to: NOW });
  const [diff, setDiff] = useState<{ title: string; changes: BlockChange[] } | null>(null);
  const [restoring, setRestoring] = useState<ProtocolVersion | null>(null);
  const [reason, setReason] = useState('');
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const nameOf = (id: string) => (id === NOW ? t('versions.current') : (versions.find((v) => v.id === id)?.name ?? ''));

  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = createVersion(doc, form, author, 'named', new Date(), stamp?.(doc));
    if (!result.ok) return setError(result.errors[0]?.message ?? 'errors.invalid');
    setForm({ name: '', reason: '' });
    setError(null);
  };

  const runCompare = (from: string, to: string) => {
    const blocksOf = (id: string) => {
      if (id === NOW) return readBlocks(doc);
      const past = protocolAtVersion(doc, id);
      const blocks = past ? readBlocks(past) : [];
      past?.destroy();
      return blocks;
    };
    setDiff({
      title: t('versions.diffTitle', { from: nameOf(from), to: nameOf(to) }),
      changes: diffBlocks(blocksOf(from), blocksOf(to)),
    });
  };

  const restore = (event: FormEvent) => {
    event.preventDefault();
    if (!restoring) return;
    const result = restoreVersion(doc, restoring.id, author, reason);
    if (!result.ok) return setRestoreError(result.errors[0]?.message ?? 'errors.invalid');
    setRestoring(null);
    setReason('');
    setRestoreError(null);
    setDiff(null);
  };

  return (
    <section className="stack versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('versions.title', { count: versions.length })}</h2>
      {canWrite ? (
        <form className="card stack" onSubmit={save} noValidate aria-labelledby="version-new">
          <h3 id="version-new">{t('versions.new')}</h3>
          <Field id="version-name" label={t('versions.name')} error={error ? t(error) : undefined}>
            <input
              id="version-name"
              value={form.name}
              placeholder={t('versions.namePlaceholder')}
              onChange={(e) => {
                setForm({ ...form, name: e.target.value });
                setError(null);
              }}
            />
          </Field>
          <Field id="version-reason" label={t('versions.reason')}>
            <textarea
              id="version-reason"
              rows={2}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
          </Field>
          <button type="submit" className="small primary">
            {t('versions.save')}
          </button>
        </form>
      ) : null}
      {versions.length === 0 ? <p className="empty">{t('versions.empty')}</p> : null}
      {versions.length > 0 ? (
        <div className="card row compare">
          <label htmlFor="compare-from">{t('versions.from')}</label>
          <select
            id="compare-from"
            value={compare.from}
            onChange={(e) => setCompare({ ...compare, from: e.target.value })}
          >
            <option value="">{t('profile.choose')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <label htmlFor="compare-to">{t('versions.to')}</label>
          <select id="compare-to" value={compare.to} onChange={(e) => setCompare({ ...compare, to: e.target.value })}>
            <option value={NOW}>{t('versions.current')}</option>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="small"
            disabled={!compare.from || compare.from === compare.to}
            onClick={() => runCompare(compare.from, compare.to)}
          >
            {t('versions.compare')}
          </button>
        </div>
      ) : null}
      {diff ? (
        <Suspense fallback={null}>
          <WideDialog title={t('versions.comparison')} onClose={() => setDiff(null)}>
            <DiffView title={diff.title} changes={diff.changes} />
          </WideDialog>
        </Suspense>
      ) : null}
      <ol className="list version-list" aria-label={listLabel ?? t('versions.list')}>
        {[...versions].reverse().map((v) => (
          <li key={v.id} className="stack tight">
            <span className="list-title">
              {v.kind === 'beforeRestore' ? t('versions.beforeRestore', { name: v.name }) : v.name}
            </span>
            <span className="muted small">
              {v.kind === 'published' ? <span className="badge">{t('versions.kinds.published')}</span> : null}{' '}
              {t(statusKey(v.status))} · v{v.label} · {v.byName} · {formatDate(v.at)}
            </span>
            {v.reason ? <span className="small">{t('versions.reasonShown', { reason: v.reason })}</span> : null}
            <span className="row">
              <button type="button" className="ghost small" onClick={() => runCompare(v.id, NOW)}>
                {t('versions.compareNow')}
              </button>
              {readable ? (
                <Link
                  className="small"
                  to="/w/$workspaceId/protocols/$docId/lecture"
                  params={{ workspaceId, docId }}
                  search={{ version: v.id }}
                >
                  {t('versions.read')}
                </Link>
              ) : null}
              {canRestore ? (
                <button type="button" className="ghost small" onClick={() => setRestoring(v)}>
                  {t('versions.restore')}
                </button>
              ) : null}
            </span>
            {restoring?.id === v.id ? (
              <form className="stack" onSubmit={restore}>
                <p>{t('versions.restoreExplain', { name: v.name })}</p>
                {othersPresent > 0 ? (
                  <p className="notice warn" role="note">
                    {t('versions.othersTyping', { count: othersPresent })}
                  </p>
                ) : null}
                <Field
                  id="restore-reason"
                  label={t('versions.restoreReason')}
                  error={restoreError ? t(restoreError) : undefined}
                >
                  <textarea
                    id="restore-reason"
                    rows={2}
                    autoFocus
                    value={reason}
                    onChange={(e) => {
                      setReason(e.target.value);
                      setRestoreError(null);
                    }}
                  />
                </Field>
                <div className="row">
                  <button type="submit" className="small primary">
                    {t('versions.restoreConfirm')}
                  </button>
                  <button type="button" className="small ghost" onClick={() => setRestoring(null)}>
                    {t('comments.cancel')}
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
