// The origins of updates that came from elsewhere (a relay's provider): the DocStore need not keep them in the unload
// journal, since a copy that loses them on a sudden unload gets them again at its next sync.
const remote = new WeakSet<object>();

export function markRemoteOrigin(origin: object): void {
  remote.add(origin);
}

export const isRemoteOrigin = (origin: unknown): boolean =>
  typeof origin === 'object' && origin !== null && remote.has(origin);
