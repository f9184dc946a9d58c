// Beside the protocol: its discussion, its versions and its change log, one tab at a time (arrow keys move along).
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const SIDE_TABS = ['comments', 'versions', 'history'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

interface Props {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  counts: Partial<Record<SideTab, number>>;
  children: ReactNode;
}

export function SidePanel({ tab, onTab, counts, children }: Props) {
  const { t } = useTranslation();
  const refs = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = SIDE_TABS[(SIDE_TABS.indexOf(tab) + step + SIDE_TABS.length) % SIDE_TABS.length]!;
    onTab(next);
    refs.current[next]?.focus();
  };
  return (
    <aside className="protocol-side no-print" aria-label={t('side.label')}>
      <div role="tablist" aria-label={t('side.label')} className="tabs" onKeyDown={onKeyDown}>
        {SIDE_TABS.map((key) => (
          <button key={key} ref={(el) => void (refs.current[key] = el)} type="button" role="tab" id={`tab-${key}`} aria-selected={tab === key} aria-controls={`panel-${key}`} tabIndex={tab === key ? 0 : -1} onClick={() => onTab(key)}>
            {t(`side.${key}`)}{counts[key] ? ` (${counts[key]})` : ''}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {children}
      </div>
    </aside>
  );
}
