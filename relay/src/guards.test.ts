import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorText, guardRequest } from './guards';

const JWT = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';
let server: Server | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = null;
});

async function serve(handler: Parameters<typeof guardRequest>[0]): Promise<string> {
  server = createServer(guardRequest(handler));
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('guardRequest', () => {
  for (const [what, handler] of [
    [
      'throws',
      () => {
        throw new Error(`cannot read ${JWT}`);
      },
    ],
    [
      'rejects',
      async () => {
        throw new TypeError(`Invalid URL: /x?token=${JWT}`);
      },
    ],
  ] as const) {
    it(`answers 500 when a handler ${what}, and logs the path without its query or the token`, async () => {
      const lines: string[] = [];
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
      const base = await serve(handler);
      const response = await fetch(`${base}/journal?token=${JWT}`);
      expect(response.status).toBe(500);
      const logged = lines
        .filter((l) => l.startsWith('{"t"'))
        .map((l) => JSON.parse(l) as { event: string; path: string; error: string })
        .find((l) => l.event === 'request_error');
      expect(logged).toMatchObject({ path: '/journal', error: expect.stringContaining('[token]') });
      expect(lines.join('')).not.toContain('eyJ');
    });
  }

  it('leaves an answer that was already started to end on its own socket', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const base = await serve(async (_req, res) => {
      res.writeHead(200).write('partial');
      throw new Error('late');
    });
    await expect(fetch(`${base}/`).then((r) => r.text())).rejects.toThrow();
  });
});

describe('errorText', () => {
  it('blanks anything shaped like a JWT, and cuts long messages', () => {
    expect(errorText(new Error(`a ${JWT} b`))).toBe('Error: a [token] b');
    expect(errorText('x'.repeat(1000))).toHaveLength(300);
  });
});
