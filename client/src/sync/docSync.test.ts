import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  encodeEpochNotice,
  newDocId,
  WELL_KNOWN_DOCS,
  type CloseCodeName,
  type EpochNotice,
} from '@maillage/shared';
import { fr } from '../i18n/fr';
import { DocSync, isFatalClose, shouldReconnect } from './docSync';

const names = Object.keys(CloseCode) as CloseCodeName[];
const WORKSPACE = 'a'.repeat(52);

/** A browser WebSocket the test opens and closes by hand; every one the provider builds is kept. */
class FakeWebSocket {
  static readonly OPEN = 1;
  static built: FakeWebSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeWebSocket.built.push(this);
  }
  send() {}
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  closeFromRelay(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

describe('reconnection after the relay closes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.built = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'relais.test' });
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('retries every close but the fatal ones, whatever their number', () => {
    for (const name of names)
      expect([name, shouldReconnect({ code: CloseCode[name] })]).toEqual([name, !isFatalClose(name)]);
    expect(names.filter((name) => !isFatalClose(name))).toEqual(
      expect.arrayContaining(['slowReader', 'tooManyConnections', 'storeUnavailable', 'shuttingDown']),
    );
    expect(names.filter(isFatalClose)).toEqual(
      expect.arrayContaining(['unauthorized', 'forbidden', 'revoked', 'tokenExpired', 'protocolVersion']),
    );
    // Codes that are not the relay's (a proxy, an abnormal end) are retried.
    for (const code of [1006, 1011, 4000, 4499, 4999]) expect(shouldReconnect({ code })).toBe(true);
  });

  it.each(names.filter((name) => name !== 'shuttingDown'))(
    'after %s, says why and retries exactly when it is not fatal',
    async (name) => {
      const sync = new DocSync(
        WORKSPACE,
        newDocId(),
        new Y.Doc(),
        { name: 'Camille', profession: 'infirmier' },
        'jeton',
      );
      expect(FakeWebSocket.built).toHaveLength(1);
      FakeWebSocket.built[0]!.open();
      FakeWebSocket.built[0]!.closeFromRelay(CloseCode[name]);
      expect(sync.current).toEqual({ state: 'error', reason: name });
      expect(fr.close[name]).toMatch(/\S/);
      // Past the provider's longest backoff.
      await vi.advanceTimersByTimeAsync(3_000);
      if (isFatalClose(name)) {
        expect(FakeWebSocket.built).toHaveLength(1);
        expect(sync.current).toEqual({ state: 'error', reason: name });
      } else {
        expect(FakeWebSocket.built).toHaveLength(2);
        // The reason stays on screen until the retry is connected.
        expect(sync.current).toEqual({ state: 'error', reason: name });
        FakeWebSocket.built[1]!.open();
        expect(sync.current).toEqual({ state: 'connecting', reason: null });
      }
      sync.destroy();
    },
  );
});

describe('epochs of a well-known document', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeWebSocket.built = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    vi.stubGlobal('location', { protocol: 'http:', host: 'relais.test' });
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('window', { addEventListener: () => {}, removeEventListener: () => {} });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const profile = { name: 'Camille', profession: 'infirmier' } as const;
  const receive = (ws: FakeWebSocket, message: Uint8Array) =>
    ws.onmessage?.({ data: message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength) });

  it('names its copy’s epoch, follows the epoch it is served in, and stops for a migration', async () => {
    const sync = new DocSync(WORKSPACE, WELL_KNOWN_DOCS.catalogue, new Y.Doc(), profile, 'jeton', 2);
    const heard: EpochNotice[] = [];
    sync.onEpoch = (notice) => heard.push(notice);
    expect(new URL(FakeWebSocket.built[0]!.url).searchParams.get('epoch')).toBe('2');
    expect(sync.provider.disableBc).toBe(true);
    FakeWebSocket.built[0]!.open();

    receive(FakeWebSocket.built[0]!, encodeEpochNotice({ kind: 'current', epoch: 3, rewriter: 42 }));
    expect(sync.provider.params.epoch).toBe('3');
    receive(FakeWebSocket.built[0]!, encodeEpochNotice({ kind: 'migrate', epoch: 4, rewriter: 43, closing: null }));
    expect(heard.map((n) => [n.kind, n.epoch])).toEqual([
      ['current', 3],
      ['migrate', 4],
    ]);
    // This provider is done: no reconnection, and the screen says it is connecting, not offline or refused.
    FakeWebSocket.built[0]!.closeFromRelay(CloseCode.epochChanged);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(FakeWebSocket.built).toHaveLength(1);
    expect(sync.current).toEqual({ state: 'connecting', reason: null });
    sync.retry();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(FakeWebSocket.built).toHaveLength(2);
    sync.destroy();
  });

  it('names no epoch for a document with versions, and keeps its tabs in step', () => {
    const sync = new DocSync(WORKSPACE, newDocId(), new Y.Doc(), profile, 'jeton', 0);
    expect(new URL(FakeWebSocket.built[0]!.url).searchParams.has('epoch')).toBe(false);
    expect(sync.provider.disableBc).toBe(false);
    sync.destroy();
  });
});
