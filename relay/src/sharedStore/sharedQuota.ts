// MAX_WORKSPACE_MB when several relays share the rooms (docs/decisions/0040): checked against the workspace's total
// counted in Redis, which every relay's writes and compactions keep (workspaceSizes.ts).
import { workspaceOf, type QuotaCheck } from '../workspaceQuota';
import type { WorkspaceSizes } from './workspaceSizes';

export class SharedWorkspaceQuota implements QuotaCheck {
  constructor(
    private readonly sizes: WorkspaceSizes,
    readonly maxBytes: number,
  ) {}

  allows(room: string, bytes: number): boolean {
    return this.sizes.usedBy(workspaceOf(room)) + bytes <= this.maxBytes;
  }

  /** Counted in Redis with the append itself. */
  stored(): void {}

  /** Counted again in Redis by the compaction that wrote the row. */
  compacted(): void {}
}
