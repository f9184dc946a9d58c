// « Pour vous », computed once per open workspace: the home screen lists it, the navigation counts it. Mentions and
// reviews come from the catalogue; actions and sign-offs from the device's copies, read a moment after each change.
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  mentionsFor,
  observeMentions,
  parisToday,
  type CatalogueItem,
  type Mention,
  type PlanAction,
} from '@maillage/shared';
import type { ForYouRow } from '../../store/db';
import { useCatalogue } from '../../docs/catalogue/useCatalogue';
import { reviewState } from '../../docs/catalogue/catalogueFilters';
import { useGroups } from '../../docs/groups/GroupsContext';
import { useWorkspace } from '../WorkspaceContext';
import { byDue, docsToRead, type ActionForMe } from './needsMe';
import { readForYou } from './forYouRows';
import { notify } from './notify';
import {
  currentDeviceRevision,
  docsChangedSince,
  useDeviceRevision,
  withChanged,
} from '../../sync/background/deviceRevision';
import { useQualityForMe } from './useQualityForMe';
import { afterPaint, openAnnuaireNow } from './firstRead';
import type { EigsForMe } from '../../docs/adverseEvent/eigsOnDevice';
import type { MeetingForMe } from '../../docs/concertation/meetingsForMe';

export interface NeedsMe {
  mentions: Mention[];
  actions: ActionForMe[];
  signoffs: CatalogueItem[];
  reviews: CatalogueItem[];
  /** A quality référent's EIGS deadlines. */
  eigs: EigsForMe[];
  /** My actions of the quality plan not done yet. */
  planActions: PlanAction[];
  /** Meetings I am invited to that start within 24 hours. */
  meetings: MeetingForMe[];
  count: number;
}

const EMPTY: NeedsMe = {
  mentions: [],
  actions: [],
  signoffs: [],
  reviews: [],
  eigs: [],
  planActions: [],
  meetings: [],
  count: 0,
};
const NeedsMeContext = createContext<NeedsMe>(EMPTY);
export const useNeedsMe = (): NeedsMe => useContext(NeedsMeContext);

/** The 24-hour window moves with the clock: meetings are looked at again this often, as well as on every change. */
const MEETINGS_EVERY_MS = 5 * 60_000;

/** Meetings I am invited to that start within 24 hours, read from their copies (a lazy module: not on the first screen). */
function useMeetingsForMe(workspaceId: string, items: readonly CatalogueItem[], memberId: string, revision: number) {
  const [meetings, setMeetings] = useState<MeetingForMe[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), MEETINGS_EVERY_MS);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    let stopped = false;
    void import('../../docs/concertation/meetingsForMe')
      .then(({ meetingsForMe }) => meetingsForMe(workspaceId, items, memberId, new Date()))
      .then((found) => {
        if (!stopped) setMeetings(found);
      });
    return () => {
      stopped = true;
    };
  }, [workspaceId, items, memberId, revision, tick]);
  return meetings;
}

/** Edits arrive in bursts (a colleague typing updates the catalogue's dates): read the copies once it settles. */
const SETTLE_MS = 400;

export function NeedsMeProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const { opened, items, loaded } = useCatalogue(workspaceId);
  const { memberId } = useWorkspace();
  const { groups } = useGroups();
  const [mentions, setMentions] = useState<Mention[]>([]);
  const deviceRevision = useDeviceRevision();
  const { eigs, planActions } = useQualityForMe(workspaceId, items);
  const meetings = useMeetingsForMe(workspaceId, items, memberId, deviceRevision);

  useEffect(() => {
    if (!opened) return;
    const read = () => setMentions(mentionsFor(opened.doc, memberId).filter((m) => !m.readAt));
    read();
    return observeMentions(opened.doc, read);
  }, [opened, memberId]);

  const toRead = useMemo(() => docsToRead(items, groups, memberId), [items, groups, memberId]);
  // The catalogue is read again as colleagues type (its dates) and once the groups arrive: only a change of the
  // documents to read starts a new read (a read restarted before it ends would keep « Pour vous » waiting).
  const readKey = JSON.stringify(toRead.map((i) => [i.docId, i.kind]));
  const readList = useMemo(
    () => (JSON.parse(readKey) as [string, CatalogueItem['kind']][]).map(([docId, kind]) => ({ docId, kind })),
    [readKey],
  );
  const [reads, setReads] = useState<ReadonlyMap<string, ForYouRow>>(new Map());
  const readOnce = useRef(false);
  // What the last read covered: when only documents on the device moved since, those alone are read again (a first
  // fetch signals a thousand documents, a few dozen at a time).
  const lastRead = useRef<{ list: typeof readList; memberId: string; revision: number } | null>(null);
  useEffect(() => {
    let stopped = false;
    // The first read is at once (the home waits for it); later ones once a burst of edits settles.
    const timer = setTimeout(
      () => {
        const previous = lastRead.current;
        const revision = currentDeviceRevision();
        const changed =
          previous?.list === readList && previous.memberId === memberId ? docsChangedSince(previous.revision) : null;
        const list = changed ? readList.filter((item) => changed.has(item.docId)) : readList;
        void readForYou(workspaceId, list, memberId).then((found) => {
          // A read before the catalogue arrives (nothing to read) does not count as the first.
          readOnce.current ||= readList.length > 0;
          if (stopped) return;
          lastRead.current = { list: readList, memberId, revision };
          setReads((current) =>
            changed
              ? withChanged(
                  current,
                  list.map((item) => item.docId),
                  found,
                )
              : found,
          );
          if (loaded) afterPaint(() => openAnnuaireNow(workspaceId));
        });
      },
      readOnce.current ? SETTLE_MS : 0,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [readList, workspaceId, memberId, deviceRevision, loaded]);

  const value = useMemo<NeedsMe>(() => {
    const today = parisToday();
    const live = new Set(toRead.map((i) => i.docId));
    const kept = [...reads.entries()].filter(([docId]) => live.has(docId));
    const actions = kept.flatMap(([docId, r]) => r.actions.map((action) => ({ docId, action }))).sort(byDue);
    const signoffs = toRead.filter((i) => reads.get(i.docId)?.signoff);
    const reviews = items
      .filter((i) => !i.deletedAt && reviewState(i, today) !== null)
      .sort((a, b) => (a.reviewDate ?? '').localeCompare(b.reviewDate ?? ''));
    return {
      mentions,
      actions,
      signoffs,
      reviews,
      eigs,
      planActions,
      meetings,
      count:
        mentions.length +
        actions.length +
        signoffs.length +
        reviews.length +
        eigs.length +
        planActions.length +
        meetings.length,
    };
  }, [mentions, reads, toRead, items, eigs, planActions, meetings]);

  useNotifyNew(value);
  return <NeedsMeContext.Provider value={value}>{children}</NeedsMeContext.Provider>;
}

/** Notifies mentions and actions that arrive while the workspace is open (not those already there when it opened). */
function useNotifyNew({ mentions, actions, planActions, meetings }: NeedsMe): void {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = [
      ...mentions.map((m) => m.id),
      ...actions.map((a) => a.action.id),
      ...planActions.map((a) => a.id),
      ...meetings.map((m) => `meeting-${m.docId}`),
    ];
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    for (const m of mentions)
      if (!seen.current.has(m.id)) notify(t('notify.mention', { name: m.fromName }), `mention-${m.id}`);
    for (const a of actions) if (!seen.current.has(a.action.id)) notify(t('notify.action'), `action-${a.action.id}`);
    for (const a of planActions) if (!seen.current.has(a.id)) notify(t('notify.planAction'), `plan-${a.id}`);
    // When and how many cases, never which: a notification shows on a locked screen.
    for (const m of meetings)
      if (!seen.current.has(`meeting-${m.docId}`))
        notify(t('notify.meeting', { start: m.start, count: m.cases.length }), `meeting-${m.docId}`);
    for (const id of ids) seen.current.add(id);
  }, [mentions, actions, planActions, meetings, t]);
}
