// English strings of the workspace's shell and home: sections, menu, « Pour vous », confirmations, revocation.
import type { Widen } from '../fr';
import type { frNavigation } from '../fr/navigation';

export const enNavigation: Widen<typeof frNavigation> = {
  shell: {
    nav: 'Workspace sections',
    menu: 'Menu',
    workspaces: 'Your workspaces',
    device: 'My device',
    report: 'Report an event',
    reportShort: 'Report',
    waiting_one: '{{count}} item for you',
    waiting_other: '{{count}} items for you',
    sections: {
      home: 'Home',
      protocols: 'Protocols',
      cases: 'Case files',
      concertations: 'Concertations',
      events: 'Adverse events',
      quality: 'Quality',
      crisis: 'Crisis plan',
      directory: 'Directory',
      groups: 'Groups',
      access: 'Access',
    },
  },
  revoked: {
    title: 'Your access to this workspace was removed',
    explain:
      'A coordinator of {{name}} removed the access of this device. You can no longer open, create or edit any document of this workspace.',
    nothingMore: "This workspace's documents stay closed on this device.",
    ask: "If this is a mistake, ask your CPTS's coordination for a new invitation link.",
    thisWorkspace: 'this workspace',
  },
  workspaceHome: {
    title: 'Home',
    nothingForYou: 'Nothing is waiting for you right now.',
    actionOverdue: 'Overdue',
    actionForYou: 'To do: {{text}} —',
    dueOn: 'by {{date}}',
    signoffAsked: 'Your sign-off is awaited',
    recent: 'Recently changed',
    recentEmpty: 'No document yet.',
    allProtocols: 'All protocols',
    online: 'Online',
  },
  cases: {
    title: 'Coordination files',
    who: 'The files whose care team you are on. A file is visible to its team only.',
    empty: 'No file yet. Create one to follow a patient with their other carers.',
    emptyReader: 'No file is open to you.',
  },
  notify: {
    mention: '{{name}} mentioned you in a protocol.',
    action: 'An action is assigned to you in a coordination file.',
    planAction: 'A quality-plan action has been given to you.',
    meeting_one: 'Meeting within 24 hours, at {{start}}: {{count}} case on the agenda.',
    meeting_other: 'Meeting within 24 hours, at {{start}}: {{count}} cases on the agenda.',
    ask: 'Tell me when I am mentioned',
    on: 'You will be told while Maillage is open.',
  },
};
