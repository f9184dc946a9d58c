// The workspace's annuaire, open and synced for as long as the workspace is on screen: members appear in it from
// their first visit (not only when they open the annuaire), and every screen reads the same copy.
import {
  createContext,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type * as Y from 'yjs';
import {
  listDirectory,
  observeDirectory,
  readDirectoryEntry,
  setDirectoryEntry,
  WELL_KNOWN_DOCS,
  type DirectoryMember,
} from '@maillage/shared';
import { docStore } from '../../store/docStore';
import { betweenKeystrokes } from '../../sync/betweenKeystrokes';
import { useSyncedDoc, type SyncedDoc } from '../../sync/useSyncedDoc';
import { useProfile } from '../../workspace/ProfileContext';
import { useWorkspace } from '../../workspace/WorkspaceContext';
import { whenAnnuaireMayOpen } from '../../workspace/home/firstRead';

/** The longest the annuaire waits for « Pour vous » (a screen that shows none). */
const FIRST_SCREEN_MS = 1000;

export interface Directory {
  opened: SyncedDoc | null;
  members: DirectoryMember[];
  /** Member id → name, built once per read of the annuaire (see memberName.ts for what a screen shows without one). */
  names: ReadonlyMap<string, string>;
  /**
   * Who is in the annuaire, read from its copy when asked: what a form checks names against on submit. `members` comes
   * later on a page just opened (after « Pour vous », between keystrokes), and a check against it refused the member
   * themself.
   */
  annuaireNow: () => Promise<ReadonlySet<string>>;
}

const memberIdsOf = (doc: Y.Doc): ReadonlySet<string> => new Set(listDirectory(doc).map((m) => m.memberId));

const DirectoryContext = createContext<Directory>({
  opened: null,
  members: [],
  names: new Map(),
  annuaireNow: () => Promise.resolve(new Set()),
});

export const useDirectory = (): Directory => useContext(DirectoryContext);

export function DirectoryProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const afterForYou = useCallback(() => whenAnnuaireMayOpen(workspaceId, FIRST_SCREEN_MS), [workspaceId]);
  const opened = useSyncedDoc(workspaceId, WELL_KNOWN_DOCS.directory, afterForYou);
  const { memberId, role } = useWorkspace();
  const profile = useProfile();
  const [members, setMembers] = useState<DirectoryMember[]>([]);

  useEffect(() => {
    if (!opened) return;
    // Observers read only (the relay would drop their entry): they are not listed.
    if (role !== 'observer' && !readDirectoryEntry(opened.doc, memberId))
      setDirectoryEntry(opened.doc, memberId, { name: profile.name, profession: profile.profession });
    // A colleague's change, or a new device's whole annuaire, re-renders its screen in a render a keystroke may cut.
    // Read in a gap of its own while the member types: a new device's first read of 300 members takes as long as the
    // update's apply before it, and the two in one task made a keystroke wait.
    let live = true;
    const read = () =>
      void betweenKeystrokes().then(() => {
        if (live) startTransition(() => setMembers(listDirectory(opened.doc)));
      });
    read();
    const stopObserving = observeDirectory(opened.doc, read);
    return () => {
      live = false;
      stopObserving();
    };
  }, [opened, memberId, role, profile]);

  const annuaireNow = useCallback(async () => {
    if (opened) return memberIdsOf(opened.doc);
    const doc = await docStore.acquire(workspaceId, WELL_KNOWN_DOCS.directory);
    try {
      return memberIdsOf(doc);
    } finally {
      await docStore.release(workspaceId, WELL_KNOWN_DOCS.directory);
    }
  }, [opened, workspaceId]);
  const names = useMemo(() => new Map(members.map((m) => [m.memberId, m.name])), [members]);
  const value = useMemo(() => ({ opened, members, names, annuaireNow }), [opened, members, names, annuaireNow]);

  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}
