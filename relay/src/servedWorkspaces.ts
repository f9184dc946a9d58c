// Which workspaces this relay hosts (setting WORKSPACES): all, the first to claim it (kept in SQLite), or a list.
import type Database from 'better-sqlite3';
import { workspaceIdSchema } from '@maillage/shared/sync';

export type WorkspacesSetting = { kind: 'all' } | { kind: 'first' } | { kind: 'list'; ids: ReadonlySet<string> };

/** `all`, `first`, or workspace ids separated by commas; null when it is none of these. */
export function parseWorkspacesSetting(text: string): WorkspacesSetting | null {
  const value = text.trim();
  if (value === 'all' || value === 'first') return { kind: value };
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0 || !ids.every((id) => workspaceIdSchema.safeParse(id).success)) return null;
  return { kind: 'list', ids: new Set(ids) };
}

export class ServedWorkspaces {
  /** In `first` mode, the workspaces claimed so far (one, unless the store already held several). */
  private readonly claimed = new Set<string>();
  private readonly insert: Database.Statement<[string, string]> | null = null;

  private readonly setting: WorkspacesSetting;

  constructor(db: Database.Database, text: string) {
    const setting = parseWorkspacesSetting(text);
    if (!setting) throw new Error(`WORKSPACES: all, first, or workspace ids separated by commas, not "${text}"`);
    this.setting = setting;
    if (setting.kind !== 'first') return;
    db.exec(
      'CREATE TABLE IF NOT EXISTS served_workspaces (ws TEXT PRIMARY KEY, claimed_at TEXT NOT NULL) WITHOUT ROWID',
    );
    this.insert = db.prepare('INSERT OR IGNORE INTO served_workspaces (ws, claimed_at) VALUES (?, ?)');
    let rows = db.prepare<[], { ws: string }>('SELECT ws FROM served_workspaces').all();
    if (rows.length === 0) {
      // A relay that already holds rooms is not fresh: what it holds was served before the setting, and still is.
      // By room, the table's own order (an expression would sort every row): a few thousand names at most.
      const rooms = db.prepare<[], { room: string }>('SELECT DISTINCT room FROM room_updates').all();
      rows = [...new Set(rooms.map(({ room }) => room.slice(0, room.indexOf('/'))))].map((ws) => ({ ws }));
      for (const { ws } of rows) this.insert.run(ws, new Date().toISOString());
    }
    for (const { ws } of rows) this.claimed.add(ws);
  }

  /** For a socket admitted with a valid token: on a fresh relay in `first` mode, its workspace claims the relay. */
  admits(ws: string): boolean {
    if (this.setting.kind === 'first' && this.claimed.size === 0 && this.insert) {
      this.insert.run(ws, new Date().toISOString());
      this.claimed.add(ws);
    }
    return this.serves(ws);
  }

  /** Whether a workspace never seen before would be served: what GET /hosting tells a device about to create one. */
  takesNew(): boolean {
    return this.setting.kind === 'all' || (this.setting.kind === 'first' && this.claimed.size === 0);
  }

  /** For HTTP requests: they never claim a relay. */
  serves(ws: string): boolean {
    switch (this.setting.kind) {
      case 'all':
        return true;
      case 'first':
        return this.claimed.has(ws);
      case 'list':
        return this.setting.ids.has(ws);
    }
  }
}
