// Offline app shell: pages fall back to the cached index.html, hashed assets are cached forever once seen.
// Data never goes through here — documents live in IndexedDB and sync over the WebSocket.
const CACHE = 'maillage-shell-v2';

// The shell, and every asset of the build (precache.json): a screen never opened still opens offline.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.add('/');
        const assets = await fetch('/precache.json').then(
          (response) => (response.ok ? response.json() : []),
          () => [],
        );
        // One asset that fails to come is fetched again when a page asks for it.
        await Promise.all(assets.map((path) => cache.add(path).catch(() => undefined)));
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (
    request.method !== 'GET' ||
    url.origin !== location.origin ||
    url.pathname.startsWith('/sync') ||
    url.pathname === '/healthz'
  )
    return;
  if (request.mode === 'navigate') {
    // Network first so a new version shows at once; the cached shell when the relay is out of reach.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) caches.open(CACHE).then((cache) => cache.put('/', copy));
          return response;
        })
        .catch(() => caches.match('/')),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/') || /^\/(manifest\.webmanifest|icon[-.\w]*)$/.test(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then((response) => {
            const copy = response.clone();
            if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, copy));
            return response;
          }),
      ),
    );
  }
});
