// English strings of the first screen of a new device and of the invitation page: they join i18next when those
// screens' code loads (FirstContact, JoinScreen), so a returning member's first screen never carries them.
import type { Widen } from '../fr';
import type { frJoinScreens } from '../fr/joinScreens';

export const enJoinScreens: Widen<typeof frJoinScreens> = {
  welcome: {
    title: 'Welcome to Maillage',
    what: 'Maillage is your CPTS’s shared workspace: multi-professional protocols, coordination files, the members’ directory, working groups.',
    offline:
      'What you write is saved on this device, even with no network, and reaches your colleagues as soon as the connection is back.',
    choose: 'To begin',
    create: 'Create the CPTS’s workspace',
    createHint: 'You coordinate the CPTS: create its workspace, then invite the members.',
    hostedAlready:
      'This server already hosts its CPTS’s workspace. To enter it, open the invitation link its coordinator sent you; if you are that coordinator on a new device, restore your backup.',
    join: 'Join with a link',
    joinHint: 'A coordinator sent you an invitation link.',
    restore: 'Restore from a backup',
    restoreHint:
      'This computer replaces the one that created the workspace: have the backup file and its passphrase at hand.',
    back: 'Back',
    linkLabel: 'Invitation link',
    linkHint: 'Paste the link you received by e-mail or secure messaging. You can also just open it on this device.',
    linkOpen: 'Open the invitation',
    linkInvalid: 'This text is not a Maillage invitation link (it contains “/join#”).',
  },
  join: {
    titleOf: 'Join {{cpts}}',
    invitedBy: '{{by}} invites you to join {{cpts}}’s workspace as {{role}}.',
    invitedByProfession: '{{by}} ({{profession}}) invites you to join {{cpts}}’s workspace as {{role}}.',
    invitedTo: 'You are invited to join {{cpts}}’s workspace as {{role}}.',
    invitedUnnamed: 'You are invited to join a Maillage workspace as {{role}}.',
    forWhom: 'Invitation in the name of {{name}}.',
    validUntil: 'Valid until {{date}}.',
    roleNames: {
      coordinator: 'coordinator',
      member: 'member',
      observer: 'observer',
    },
    roleMeans: {
      coordinator: 'You will be able to invite colleagues and manage access.',
      member: 'You will be able to read and write the documents shared with members.',
      observer: 'You will be able to read what the CPTS shares, without changing anything.',
    },
    ownTitle: 'Add this device',
    ownText: 'This device joins {{cpts}} with your access: {{name}} ({{profession}}).',
    ownShared:
      'This device shares the access of the one that made this link: removing one removes the other. A new invitation gives each its own.',
    withdrawn: 'This invitation was withdrawn by the CPTS’s coordination. Ask for a new link if needed.',
    notChecked:
      'No network: the invitation could not be checked. You can join the workspace; it will be checked once online.',
    whoAreYou: 'Who are you?',
    whoAreYouHint: 'Your name and profession go with what you write, for your colleagues.',
    submit: 'Join the workspace',
    submitOwn: 'Add this device',
    home: 'Back to the home screen',
  },
};
