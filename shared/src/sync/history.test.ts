// The one rule both sides use to decide whether a document keeps its deleted content.
import { describe, expect, it } from 'vitest';
import { keepsHistory, roomKeepsHistory } from './history';
import { WELL_KNOWN_DOCS, roomName } from './rooms';

const workspaceId = 'a'.repeat(52);

describe('keepsHistory', () => {
  it('collects the well-known documents and keeps every other one', () => {
    for (const docId of Object.values(WELL_KNOWN_DOCS)) {
      expect(keepsHistory(docId)).toBe(false);
      expect(roomKeepsHistory(roomName({ workspaceId, docId }))).toBe(false);
    }
    expect(keepsHistory('V1StGXR8_Z5jdHi6B-myT')).toBe(true);
    expect(roomKeepsHistory(roomName({ workspaceId, docId: 'V1StGXR8_Z5jdHi6B-myT' }))).toBe(true);
  });

  it('keeps everything in a room whose name is not one of ours', () => {
    expect(roomKeepsHistory('catalogue')).toBe(true);
    expect(roomKeepsHistory('ws/catalogue')).toBe(true);
    expect(roomKeepsHistory(`${workspaceId}/catalogue/x`)).toBe(true);
  });
});
