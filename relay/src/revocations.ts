// Revoked members, devices and delegations per workspace: kept in SQLite, checked in memory, announced to close live sockets.
import { EventEmitter } from 'node:events';
import type Database from 'better-sqlite3';
import type { RevokeRequest, Signer } from '@maillage/shared/sync';

export interface Revocation {
  ws: string;
  kind: RevokeRequest['kind'];
  target: string;
}

/** Where a revocation was made: through this relay, or through another sharing its rooms (docs/decisions/0040). */
export type RevocationSource = 'here' | 'peer';

export class Revocations extends EventEmitter<{ revoked: [Revocation, RevocationSource] }> {
  private readonly set = new Set<string>();
  private readonly insert: Database.Statement<[string, string, string, string]>;
  private readonly selectByWs: Database.Statement<[string], Revocation & { at: string }>;
  private readonly selectAll: Database.Statement<[], Revocation>;

  constructor(db: Database.Database) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS revocations (
      ws TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, at TEXT NOT NULL,
      PRIMARY KEY (ws, kind, target)
    )`);
    for (const row of db.prepare<[], Revocation>('SELECT ws, kind, target FROM revocations').all())
      this.set.add(key(row));
    this.insert = db.prepare('INSERT OR IGNORE INTO revocations (ws, kind, target, at) VALUES (?, ?, ?, ?)');
    this.selectByWs = db.prepare('SELECT ws, kind, target, at FROM revocations WHERE ws = ? ORDER BY at DESC');
    this.selectAll = db.prepare('SELECT ws, kind, target FROM revocations');
  }

  revoke(r: Revocation, source: RevocationSource = 'here'): void {
    this.insert.run(r.ws, r.kind, r.target, new Date().toISOString());
    this.set.add(key(r));
    this.emit('revoked', r, source);
  }

  /** A workspace's revocations, newest first: what a coordinator's screen shows. */
  list(ws: string): (Revocation & { at: string })[] {
    return this.selectByWs.all(ws);
  }

  /** Every revocation this relay holds, whichever workspace: what it announces to relays sharing its rooms. */
  all(): Revocation[] {
    return this.selectAll.all();
  }

  has(r: Revocation): boolean {
    return this.set.has(key(r));
  }

  /**
   * Whether a signature still speaks for the workspace: the root key always (it is the workspace), a delegated key
   * while neither its delegation nor the person it was given to is revoked. Every signed token and request asks this.
   */
  trusts(ws: string, signer: Signer): boolean {
    if (signer.kind === 'root') return true;
    return (
      !this.has({ ws, kind: 'delegation', target: signer.delegation }) &&
      !this.has({ ws, kind: 'member', target: signer.member })
    );
  }
}

const key = (r: Revocation) => `${r.ws}\u0000${r.kind}\u0000${r.target}`;
