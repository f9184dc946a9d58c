// English strings of « Mon appareil »: what this device holds, the space it takes, and what it keeps.
import type { Widen } from '../fr';
import type { frDeviceScreen } from '../fr/deviceScreen';

export const enDeviceScreen: Widen<typeof frDeviceScreen> = {
  deviceScreen: {
    title: 'My device',
    intro:
      'Everything you may read is stored on this device, so you can work with no network. These settings apply to this device only.',
    docsTitle: 'Documents',
    allHere_one: 'The document you may read is on this device.',
    allHere_other: 'All {{count}} documents you may read are on this device.',
    arriving_one: '{{onDevice}} / {{total}} document on this device; the rest arrives in the background.',
    arriving_other: '{{onDevice}} / {{total}} documents on this device; the rest arrives in the background.',
    offline: 'Offline: documents will arrive when the network is back.',
    notYet: 'The list of documents has not reached this device yet.',
    unsentOffline_one:
      'One document changed on this device has not reached your colleagues yet: it will be sent when the network is back.',
    unsentOffline_other:
      '{{count}} documents changed on this device have not reached your colleagues yet: they will be sent when the network is back.',
    unsentWaiting_one: 'One document changed on this device has not reached your colleagues yet.',
    unsentWaiting_other: '{{count}} documents changed on this device have not reached your colleagues yet.',
    unsentOnline_one: 'One document changed on this device is being sent to your colleagues.',
    unsentOnline_other: '{{count}} documents changed on this device are being sent to your colleagues.',
    unsentRefused_one:
      'A change made on this device could not be sent: this document no longer accepts your changes (it was validated or closed meanwhile, or your rights changed). It stays on this device; open the document to read it and, if needed, tell whoever is in charge of it.',
    unsentRefused_other:
      'Changes made on this device could not be sent: these {{count}} documents no longer accept your changes (validated or closed meanwhile, or your rights changed). They stay on this device; open each document to read them and, if needed, tell whoever is in charge of it.',
    unsentRefusedUnlisted: 'An untitled document on this device',
    spaceTitle: 'Space used',
    space: '{{used}} used, out of {{available}} the browser grants Maillage.',
    spaceUnknown: 'This browser does not tell the space used.',
    persisted: 'The browser keeps this data even when space runs low.',
    notPersisted: 'When space runs low, the browser may erase this data (anything not yet sent would be lost).',
    persist: 'Ask the browser to keep it',
    persistRefused: 'The browser refused. Installing Maillage as an app, or bookmarking it, often helps.',
    closedTitle: 'Closed coordination files',
    closedHint:
      "On a small phone, keep only recent closed files. The others stay on your colleagues' devices and open when you are online.",
    closedLabel: 'Closed files to keep on this device',
    keepAll: 'All',
    keepMonths: 'Those changed in the last {{count}} months',
    setAside_one: 'One older closed file is not kept on this device.',
    setAside_other: '{{count}} older closed files are not kept on this device.',
    confirmTitle: 'Remove closed files from this device?',
    confirmBody_one:
      "One closed file will leave this device. It stays on your colleagues' devices; you can open it again online, or go back to « All » to have it here again.",
    confirmBody_other:
      "{{count}} closed files will leave this device. They stay on your colleagues' devices; you can open them again online, or go back to « All » to have them here again.",
    confirm: 'Remove from this device',
    unsent: 'A change made here with no network is sent first: a file leaves the device only once everything is sent.',
    saved: 'Setting saved.',
  },
};
