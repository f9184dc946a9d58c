// The report form's state, given back from this device when the form opens again (reload, crash, back from the list)
// and kept there at each change, until the report is saved or its author starts a blank one.
import { useRef, useState } from 'react';
import { emptyDraft, type ReportDraft } from './reportDraft';
import { dropReportDraft, keepReportDraft, loadReportDraft, type DraftOwner } from './reportDraftStore';

export function useReportDraft(owner: DraftOwner) {
  const [kept] = useState(() => loadReportDraft(owner));
  const [draft, setDraft] = useState<ReportDraft>(() => kept ?? emptyDraft());
  const [restored, setRestored] = useState(kept !== null);
  // Two changes before the next render both count: each builds on the last, not on the render's copy.
  const latest = useRef(draft);
  const replace = (next: ReportDraft) => {
    latest.current = next;
    setDraft(next);
  };
  return {
    draft,
    /** The form opened with what was typed earlier on this device. */
    restored,
    change(patch: Partial<ReportDraft>) {
      const next = { ...latest.current, ...patch };
      replace(next);
      keepReportDraft(owner, next);
    },
    /** Its author starts again from a blank form. */
    discard() {
      dropReportDraft(owner);
      replace(emptyDraft());
      setRestored(false);
    },
    /** The report is saved: nothing left to give back. */
    saved() {
      dropReportDraft(owner);
    },
  };
}
