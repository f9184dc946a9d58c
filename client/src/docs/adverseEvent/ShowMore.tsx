// A long list (a register of a thousand events) shows its first rows at once; the rest on request, so the screen
// opens at the speed of a short list (decision 0032's figures).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const FIRST_ROWS = 50;

/** How many rows to show, and the button that shows them all (null when all are shown). */
export function useShowMore(total: number, label: string): { shown: number; more: React.ReactNode } {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? total : Math.min(total, FIRST_ROWS);
  const more =
    shown < total ? (
      <div className="row">
        <button type="button" className="ghost" onClick={() => setAll(true)}>
          {t('adverse.showAll', { what: label, count: total })}
        </button>
      </div>
    ) : null;
  return { shown, more };
}
