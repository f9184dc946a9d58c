// Beside the protocol: its discussion, its versions and its change log, one tab shown at a time (arrow keys, Home and
// End move along). Every panel stays mounted, hidden when not shown: a comment being written survives a look at the
// versions.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const SIDE_TABS = ['comments', 'versions', 'history'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  counts: Partial<Record<SideTab, number>>;
  panels: Record<SideTab, ReactNode>;
}

export function SidePanel({ tab, onTab, counts, panels }: Props) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const at = SIDE_TABS.indexOf(tab);
    const last = SIDE_TABS.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[
      event.key
    ];
    if (to === undefined) return;
    event.preventDefault();
    const next = SIDE_TABS[to]!;
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <aside className="protocol-side no-print" aria-label={t('side.label')}>
      <div role="tablist" aria-label={t('side.label')} className="tabs" onKeyDown={onKeyDown}>
        {SIDE_TABS.map((key) => (
          <button
            key={key}
            ref={(el) => void (refs.current[key] = el)}
            type="button"
            role="tab"
            id={`tab-${key}`}
            aria-selected={tab === key}
            aria-controls={`panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => onTab(key)}
          >
            {t(`side.${key}`)}
            {counts[key] ? ` (${counts[key]})` : ''}
          </button>
        ))}
      </div>
      {SIDE_TABS.map((key) => (
        <div
          key={key}
          role="tabpanel"
          id={`panel-${key}`}
          aria-labelledby={`tab-${key}`}
          className="tab-panel"
          hidden={tab !== key}
        >
          {panels[key]}
        </div>
      ))}
    </aside>
  );
}
