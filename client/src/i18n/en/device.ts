// English strings of what this device holds: documents fetched in the background, copies that had to go.
import type { Widen } from '../fr';
import type { frDevice } from '../fr/device';

export const enDevice: Widen<typeof frDevice> = {
  onDevice: {
    fetching_one: '{{onDevice}} / {{total}} document on this device',
    fetching_other: '{{onDevice}} / {{total}} documents on this device',
    storageFull:
      "This device's storage is full: the other documents are no longer downloaded. What is already here stays intact; free some space, then reload the page.",
    dropped_one: 'A document was removed from this device: you are no longer on the team that can see it.',
    dropped_other:
      '{{count}} documents were removed from this device: you are no longer on the teams that can see them.',
    dismiss: 'Close',
  },
};
