// English strings, the frame of the app: sync states, close reasons, profile, home, joining.
import type { Widen } from '../fr';
import type { frShell } from '../fr/shell';

export const enShell: Widen<typeof frShell> = {
  app: {
    name: 'Maillage',
    tagline: "Your CPTS's workspace",
    skip: 'Skip to content',
  },
  nav: {
    home: 'Home',
    catalogue: 'Catalogue',
    language: 'Language',
    switchTo: 'Français',
  },
  presence: {
    you: '(you)',
  },
  sync: {
    synced: 'synced',
    connecting: 'connecting…',
    offline: 'offline — saved on this device',
    error: 'sync refused: {{reason}}',
    label: 'Sync status',
  },
  close: {
    malformedMessage: 'unreadable message sent to the server',
    unauthorized: 'missing or invalid invitation — ask the coordinator for a new link',
    forbidden: 'you do not have access to this document',
    unknownRoom: 'document unknown to the server',
    tokenExpired: 'invitation expired — ask the coordinator for a new link',
    revoked: 'access revoked by the coordinator',
    workspaceNotServed: 'this server does not host this workspace — ask the coordinator for the right address',
    protocolVersion: 'this Maillage is too old — reload the page',
    messageTooLarge: 'change too large for the server',
    epochChanged: 'document rewritten by the server — updating your copy…',
    slowReader: 'connection too slow — retrying soon',
    tooManyConnections: 'too many documents open at once on your devices — retrying soon',
    storeUnavailable: 'the server cannot save — your changes stay on this device',
    roomUnavailable:
      'this document cannot be opened for now — the technical team has been told; your changes stay on this device',
    quotaExceeded:
      'the server has no more room for this workspace — your changes stay on this device; tell the coordinator',
    shuttingDown: 'the server is restarting — reconnecting…',
  },
  profile: {
    title: 'Who are you?',
    intro: 'Introduce yourself to your colleagues: your name and profession travel with your cursor.',
    name: 'Your name',
    profession: 'Profession',
    choose: 'Choose…',
    submit: 'Continue',
    nameRequired: 'Enter your name.',
    professionRequired: 'Choose your profession.',
  },
  home: {
    territory: 'Territory: towns covered (optional)',
    territoryPlaceholder: 'Brive-la-Gaillarde, Malemort, Ussel…',
    territoryHint: 'Comma-separated or one per line; the directory will suggest them.',
    title: 'Your workspaces',
    unnamed: 'Workspace (name not received yet)',
    empty: 'No workspace on this device. Create your CPTS’s, or open the link a colleague sent you.',
    create: 'Create a workspace',
    hostedAlready:
      'This server already hosts its CPTS’s workspace and takes no other. To join a workspace, open the invitation link you received.',
    name: 'Workspace name',
    namePlaceholder: 'CPTS du Val de Loire',
    submit: 'Create the workspace',
    creating: 'Creating…',
    search: 'Search workspaces',
    joinedAt: 'joined on {{date}}',
  },
  join: {
    title: 'Join a workspace',
    notOnDevice: 'This workspace is not on this device. Open the invitation link your coordinator sent you.',
    checking: 'Checking the invitation…',
    expired: 'This invitation has expired. Ask your CPTS coordinator for a new link.',
    invalid: 'This invitation link is not valid (incomplete or forged). Ask your CPTS coordinator for a new link.',
  },
  roles: {
    coordinator: 'Coordinator',
    member: 'Member',
    observer: 'Observer (read only)',
    readOnly: 'You are an observer: you can read, not edit.',
  },
  screenError: {
    title: 'This screen could not open',
    offline:
      'Its code is not on this device yet and the network is down. Reconnect and retry: screens already visited stay available offline.',
    failed: 'An unexpected error occurred while showing this screen.',
    nothingLost: 'Nothing you typed is lost: everything is saved on this device.',
    retry: 'Retry',
    home: 'Back home',
  },
};
