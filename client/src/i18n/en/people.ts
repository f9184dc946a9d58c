// English strings, people and access, what the first screen needs: the labels that open the annuaire, the groups,
// the access screen, the invitation and device panels, the key restore. The rest (peopleScreens.ts) loads with them.
import type { Widen } from '../fr';
import type { frPeople } from '../fr/people';

export const enPeople: Widen<typeof frPeople> = {
  invite: {
    open: 'Invite',
  },
  device: {
    open: 'Add a device',
  },
  backup: {
    restoreOpen: 'Restore a workspace from a backup of its key',
  },
  access: {
    open: 'Access',
  },
  directory: {
    open: 'Directory',
  },
  groups: {
    open: 'Working groups',
  },
};
