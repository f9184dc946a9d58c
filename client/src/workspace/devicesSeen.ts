// The devices a person used, as the relay's journal saw them: one per device id, the most recently used first.
import type { JournalEntryView } from '@maillage/shared';

export interface DeviceSeen {
  device: string;
  /** ISO time of the device's latest entry in the journal. */
  lastSeen: string;
}

export interface PersonSeen {
  devices: DeviceSeen[];
  /** Whether the journal saw this person with a coordinator's access. */
  coordinator: boolean;
}

export function personSeen(entries: JournalEntryView[]): PersonSeen {
  const last = new Map<string, string>();
  let coordinator = false;
  for (const e of entries) {
    if (e.role === 'coordinator') coordinator = true;
    if (e.device === null) continue;
    const seen = last.get(e.device);
    if (!seen || seen < e.t) last.set(e.device, e.t);
  }
  const devices = [...last]
    .map(([device, lastSeen]) => ({ device, lastSeen }))
    .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  return { devices, coordinator };
}
