// « Pour vous » is read before the annuaire opens: decoding a large annuaire on the main thread would otherwise land
// between the catalogue's load and the home's list. A screen without « Pour vous » waits `fallbackMs` at most.
const read = new Set<string>();
const waiting = new Map<string, Set<() => void>>();

/** The annuaire may open now: « Pour vous » has been read once (after the catalogue), or a screen shows the annuaire. */
export function openAnnuaireNow(workspaceId: string): void {
  if (read.has(workspaceId)) return;
  read.add(workspaceId);
  for (const done of waiting.get(workspaceId) ?? []) done();
  waiting.delete(workspaceId);
}

/** Runs `then` once the frame being prepared is painted: what opens next does not hold back what was just shown. */
export function afterPaint(then: () => void): void {
  requestAnimationFrame(() => setTimeout(then, 0));
}

/** Resolves once « Pour vous » was read for this workspace, or after `fallbackMs`, whichever comes first. */
export function whenAnnuaireMayOpen(workspaceId: string, fallbackMs: number): Promise<void> {
  if (read.has(workspaceId)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.get(workspaceId)?.delete(done);
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    waiting.set(workspaceId, (waiting.get(workspaceId) ?? new Set()).add(done));
  });
}
