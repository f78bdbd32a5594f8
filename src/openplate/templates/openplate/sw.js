// OpenPlate's service worker. Pages come from the network first (offline: the copy kept from
// the last visit, else the offline page); static files from the cache first; the API and any
// POST are never kept. The cache names carry the version of the static files, so a release
// brings new caches and the old ones are deleted when it takes over.
"use strict";

const CONFIG = {{ config|safe }};
const OURS = "openplate-";
const SHELL = `${OURS}shell-${CONFIG.version}`;
const PAGES = `${OURS}pages-${CONFIG.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll([...CONFIG.shell, CONFIG.offline]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(OURS) && name !== SHELL && name !== PAGES)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    // Signing out or deleting the account: the pages kept are that person's.
    if (CONFIG.forget_on.includes(url.pathname)) event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (CONFIG.never_kept.some((prefix) => url.pathname.startsWith(prefix))) return;
  if (url.pathname.startsWith(CONFIG.static)) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  }
});

async function cacheFirst(request) {
  const kept = await caches.match(request, { cacheName: SHELL });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    // A redirect (the diary's today, a sign-in page) is followed, not kept.
    if (response.ok && response.type === "basic") {
      const cache = await caches.open(PAGES);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const options = { cacheName: PAGES, ignoreVary: true };
    return (
      (await caches.match(request, options)) ||
      (await caches.match(request, { ...options, ignoreSearch: true })) ||
      (await caches.match(CONFIG.offline, { cacheName: SHELL })) ||
      Response.error()
    );
  }
}
