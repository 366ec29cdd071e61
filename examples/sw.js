// The worker's app shell, kept on the device (issue 21; examples/offline.ts registers it). Network first, so a new
// build is seen at once when online; when the network fails (or has not answered in 4 s: a weak signal), the copy
// from the last visit. Only this origin's own GET requests for the app's files: never the record system (/fhir/),
// whose records the SDK keeps in IndexedDB, and never anything with a query string that could carry an id.
const CACHE = 'strkit-app-shell-v1';
const SHELL = ['./', './styles.css', './dist/main.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('strkit-app-shell-') && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

const isShell = (url) => url.origin === self.location.origin && !url.pathname.startsWith('/fhir/') && (url.search === '' || url.pathname.endsWith('/'));

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !isShell(url)) return;
  // The page itself is cached under its path alone ("./?store=fhir" opens the same shell).
  const key = request.mode === 'navigate' ? new URL('./', self.location.href).href : request.url;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await Promise.race([fetch(request), new Promise((_, fail) => setTimeout(() => fail(new Error('slow')), 4000))]);
        if (response.ok) await cache.put(key, response.clone());
        return response;
      } catch {
        const cached = await cache.match(key);
        if (cached) return cached;
        throw new Error('Offline, and this file was not kept on the device');
      }
    })(),
  );
});
