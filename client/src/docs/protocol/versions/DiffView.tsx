// Two versions side by side in one column: inserted words underlined in green, deleted ones struck through in red,
// long runs of unchanged blocks folded so the changes stand out.
import { useTranslation } from 'react-i18next';
import type { BlockChange } from './diffBlocks';

/** Unchanged blocks kept around a change, for context. */
const CONTEXT = 1;

function folded(changes: readonly BlockChange[]): (BlockChange | { type: 'fold'; count: number })[] {
  const near = new Set<number>();
  changes.forEach((c, i) => {
    if (c.type !== 'same') for (let j = i - CONTEXT; j <= i + CONTEXT; j++) near.add(j);
  });
  const out: (BlockChange | { type: 'fold'; count: number })[] = [];
  changes.forEach((c, i) => {
    if (near.has(i)) return void out.push(c);
    const last = out.at(-1);
    if (last?.type === 'fold') last.count++;
    else out.push({ type: 'fold', count: 1 });
  });
  return out;
}

/** Inserted or deleted text; screen readers rarely announce <ins>/<del>, so each says what it is. */
function Change({ kind, text }: { kind: 'added' | 'removed'; text: string }) {
  const { t } = useTranslation();
  const Tag = kind === 'added' ? 'ins' : 'del';
  return (
    <Tag>
      <span className="visually-hidden">{t(`versions.${kind}`)} </span>
      {text}
    </Tag>
  );
}

export function DiffView({ changes, title }: { changes: readonly BlockChange[]; title: string }) {
  const { t } = useTranslation();
  const count = changes.filter((c) => c.type !== 'same').length;
  return (
    <section className="card stack diff" aria-label={title}>
      <h3>{title}</h3>
      <p className="muted" role="status">
        {count === 0 ? t('versions.noChange') : t('versions.changeCount', { count })}
      </p>
      <ol className="diff-blocks">
        {folded(changes).map((c, i) => {
          if (c.type === 'fold')
            return (
              <li key={i} className="fold muted">
                {t('versions.unchanged', { count: c.count })}
              </li>
            );
          // An empty field shown only as context says nothing: left out.
          if (c.type === 'same' && !c.block.text.trim()) return null;
          const where =
            c.block.section === 'body'
              ? null
              : c.block.section === 'steps'
                ? t('versions.step', { n: c.block.label })
                : c.block.section === 'header'
                  ? t(`protocol.${c.block.label}`, { defaultValue: t('versions.sections.header') })
                  : t(`versions.sections.${c.block.section}`);
          return (
            <li key={i} className={`diff-${c.type}`}>
              {where ? <span className="badge">{where}</span> : null}{' '}
              {c.type === 'changed' ? (
                c.parts.map((p, j) =>
                  p.change === 'same' ? (
                    <span key={j}>{p.text}</span>
                  ) : (
                    <Change key={j} kind={p.change} text={p.text} />
                  ),
                )
              ) : c.type === 'same' ? (
                <span>{c.block.text}</span>
              ) : (
                <Change kind={c.type} text={c.block.text} />
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
