// The workspace's sections, in the order the navigation shows them: the one list later screens add a line to.
import {
  BookUser,
  CalendarClock,
  ChartColumn,
  FileText,
  FolderHeart,
  House,
  KeyRound,
  ShieldAlert,
  Siren,
  Users,
  type LucideIcon,
} from 'lucide-react';
import type { WorkspaceRow } from '../../store/db';

export interface Section {
  key:
    | 'home'
    | 'protocols'
    | 'cases'
    | 'concertations'
    | 'events'
    | 'crisis'
    | 'quality'
    | 'directory'
    | 'groups'
    | 'access';
  /** The section's screen, under /w/$workspaceId. */
  to:
    | '/w/$workspaceId'
    | '/w/$workspaceId/protocoles'
    | '/w/$workspaceId/dossiers'
    | '/w/$workspaceId/concertations'
    | '/w/$workspaceId/evenements'
    | '/w/$workspaceId/plan-de-crise'
    | '/w/$workspaceId/qualite'
    | '/w/$workspaceId/annuaire'
    | '/w/$workspaceId/groupes'
    | '/w/$workspaceId/acces';
  /** The path segments (after the workspace) whose screens belong to the section: a protocol is under Protocoles. */
  owns: readonly string[];
  icon: LucideIcon;
  /** Shown only to the roles that may use it. */
  forRoles?: readonly WorkspaceRow['role'][];
  /** Also shown to the quality référents, whatever their role. */
  forQualityReferents?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { key: 'home', to: '/w/$workspaceId', owns: [''], icon: House },
  { key: 'protocols', to: '/w/$workspaceId/protocoles', owns: ['protocoles', 'protocols'], icon: FileText },
  { key: 'cases', to: '/w/$workspaceId/dossiers', owns: ['dossiers'], icon: FolderHeart },
  { key: 'concertations', to: '/w/$workspaceId/concertations', owns: ['concertations'], icon: CalendarClock },
  { key: 'events', to: '/w/$workspaceId/evenements', owns: ['evenements'], icon: ShieldAlert },
  { key: 'crisis', to: '/w/$workspaceId/plan-de-crise', owns: ['plan-de-crise', 'crise'], icon: Siren },
  {
    key: 'quality',
    to: '/w/$workspaceId/qualite',
    owns: ['qualite'],
    icon: ChartColumn,
    forRoles: ['coordinator'],
    forQualityReferents: true,
  },
  { key: 'directory', to: '/w/$workspaceId/annuaire', owns: ['annuaire'], icon: BookUser },
  { key: 'groups', to: '/w/$workspaceId/groupes', owns: ['groupes'], icon: Users },
  { key: 'access', to: '/w/$workspaceId/acces', owns: ['acces'], icon: KeyRound, forRoles: ['coordinator'] },
];

export const sectionsFor = (role: WorkspaceRow['role'], qualityReferent = false): Section[] =>
  SECTIONS.filter((s) => !s.forRoles || s.forRoles.includes(role) || (qualityReferent && s.forQualityReferents));

/**
 * Where a path sits: the section that owns it, and whether it is the section's own screen (aria-current="page") or
 * a screen inside it (a protocol, a case: aria-current="true").
 */
export function sectionOf(pathname: string, workspaceId: string): { key: Section['key']; own: boolean } | null {
  const prefix = `/w/${workspaceId}`;
  if (!pathname.startsWith(prefix)) return null;
  const rest = pathname.slice(prefix.length).replace(/^\/+|\/+$/g, '');
  const [first = ''] = rest.split('/');
  const section = SECTIONS.find((s) => s.owns.includes(first));
  return section ? { key: section.key, own: rest === first } : null;
}
