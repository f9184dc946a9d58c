// Serves the built client: immutable hashed assets, index.html for every app route, gzip cached in memory.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.webmanifest', '.txt']);

interface Cached {
  raw: Buffer;
  gzip: Buffer | null;
}

export function createStaticHandler(root: string) {
  const cache = new Map<string, Cached>();
  const read = (file: string): Cached => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      entry = { raw, gzip: COMPRESSIBLE.has(extname(file)) && raw.length > 1024 ? gzipSync(raw) : null };
      cache.set(file, entry);
    }
    return entry;
  };
  const indexFile = join(root, 'index.html');

  /** `path` is the request's decoded path, from the one parser of request targets (requestTarget.ts). */
  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return end(res, 404, 'not found');
    const isFile = existsSync(file) && statSync(file).isFile();
    if (!isFile && extname(path) !== '') return end(res, 404, 'not found');
    if (!isFile && !existsSync(indexFile)) {
      return end(
        res,
        503,
        "Le client de Maillage n'est pas construit. Lancez « pnpm exec vite build » puis redémarrez le relais.",
      );
    }
    const target = isFile ? file : indexFile;
    const { raw, gzip } = read(target);
    const useGzip = gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      Vary: 'Accept-Encoding',
      ...(useGzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : useGzip ? gzip : raw);
  };
}

function end(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
