import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, newDocId, type CloseCodeName } from '@maillage/shared';
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
