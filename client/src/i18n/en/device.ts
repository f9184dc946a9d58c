// English strings of what this device holds (keys mirror fr/device.ts).
import type { Messages } from '../fr';

export const enDevice: Pick<Messages, 'onDevice'> = {
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
