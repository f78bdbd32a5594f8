// Logging food without a connection, and the service worker that keeps pages for offline use.
//
// A form marked data-offline-log="<API URL>" logs one entry. Submitted while the server cannot
// be reached (the device is offline, or the server does not answer), the entry waits on this
// device (IndexedDB) with a key made here, and is sent through that API call when the
// connection returns or a page loads. The server logs one entry per key, so sending an entry
// twice (two tabs, an answer lost on the way back) never logs it twice.
//
// The form's fields are the call's body (number inputs as numbers, empty fields left out), with:
//   data-offline-date      the day (YYYY-MM-DD), sent as "date"
//   data-offline-food-id   the food, sent as "food_id" (else a food_id field or button)
//   data-offline-label     what the list of waiting entries calls it (else the button's text)
//   data-offline-user      who logs it: sent only while that person is signed in
// A page may hold <div data-offline-pending></div> where the waiting entries are listed;
// without one the list goes at the top of <main>.
(() => {
  "use strict";

  const WORKER = "/sw.js";
  const REACHABLE = "/healthz";
  const PROFILE = "/api/profile";
  const DATABASE = "openplate-offline";
  const STORE = "entries";
  const LOCK = "openplate-offline-send";
  const PAGES_CACHE = "openplate-pages-";
  const PROBE_MS = 4000;
  const ANNOUNCE_DELAY_MS = 150;
  const SAVED = "Saved on this device; it will be sent when you're back online.";
  const LEFT_OUT = new Set(["csrfmiddlewaretoken", "next"]);
  const MEALS = { breakfast: "Breakfast", lunch: "Lunch", dinner: "Dinner", snacks: "Snacks" };
  const TODAY_PAGE = "/diary/";
  const DAY_PAGE = /^\/diary\/(\d{4}-\d{2}-\d{2})\/$/;

  // --- The entries waiting on this device --------------------------------------------------

  function openDatabase() {
    return new Promise((resolve, reject) => {
      const opening = indexedDB.open(DATABASE, 1);
      opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "key" });
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(opening.error);
    });
  }

  async function inStore(mode, work) {
    const database = await openDatabase();
    try {
      return await new Promise((resolve, reject) => {
        const transaction = database.transaction(STORE, mode);
        const request = work(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request && request.result);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      database.close();
    }
  }

  const waiting = async () =>
    ((await inStore("readonly", (store) => store.getAll())) || []).sort((a, b) =>
      a.queued.localeCompare(b.queued),
    );
  const keep = (entry) => inStore("readwrite", (store) => store.put(entry));
  const forget = (key) => inStore("readwrite", (store) => store.delete(key));

  // --- Submitting a form that logs food ----------------------------------------------------

  document.addEventListener("submit", (event) => {
    const form = event.target.closest("form[data-offline-log]");
    if (!form) return;
    if (form.dataset.offlineOnline === "yes") {
      delete form.dataset.offlineOnline; // this is the form going to the server as usual
      return;
    }
    event.preventDefault();
    if (form.dataset.offlineBusy === "yes") return;
    form.dataset.offlineBusy = "yes";
    submit(form, event.submitter).finally(() => delete form.dataset.offlineBusy);
  });

  async function submit(form, submitter) {
    if (await serverAnswers()) {
      form.dataset.offlineOnline = "yes";
      form.requestSubmit(submitter || undefined);
      return;
    }
    if (!form.checkValidity()) {
      form.reportValidity();
      return;
    }
    await keep(entryOf(form, submitter));
    say(SAVED);
    await showWaiting();
  }

  async function serverAnswers() {
    if (!navigator.onLine) return false;
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), PROBE_MS);
    try {
      return (await fetch(REACHABLE, { cache: "no-store", signal: stop.signal })).ok;
    } catch (error) {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  function entryOf(form, submitter) {
    const body = {};
    for (const [name, value] of new FormData(form, submitter || null)) {
      if (LEFT_OUT.has(name) || typeof value !== "string" || value.trim() === "") continue;
      const field = form.elements.namedItem(name);
      const numeric = name.endsWith("_id") || (field && field.type === "number");
      body[name] = numeric ? Number(value) : value;
    }
    const { offlineDate, offlineFoodId, offlineLabel, offlineUser } = form.dataset;
    if (offlineDate) body.date = offlineDate;
    if (offlineFoodId) body.food_id = Number(offlineFoodId);
    const label =
      (submitter && submitter.dataset.offlineLabel) ||
      offlineLabel ||
      (submitter && submitter.textContent.replace(/\s+/g, " ").trim()) ||
      "Entry";
    return {
      key: crypto.randomUUID(),
      url: form.dataset.offlineLog,
      body,
      label,
      user: offlineUser || null,
      queued: new Date().toISOString(),
      refusal: null,
    };
  }

  // --- Sending them when the connection returns --------------------------------------------

  let sending = null;
  let sendAgain = false;

  function sendWaiting() {
    if (sending) {
      sendAgain = true; // entries kept while this round runs go in the next one
      return sending;
    }
    sending = (async () => {
      do {
        sendAgain = false;
        await (navigator.locks
          ? navigator.locks.request(LOCK, sendRound) // one tab at a time
          : sendRound());
      } while (sendAgain);
    })().finally(() => {
      sending = null;
    });
    return sending;
  }

  async function sendRound() {
    const entries = (await waiting()).filter((entry) => !entry.refusal);
    if (!entries.length || !navigator.onLine) return;
    const signedIn = await signedInAs();
    if (signedIn === null) return;
    const sent = [];
    for (const entry of entries) {
      if (entry.user && entry.user !== signedIn) continue; // someone else's, on a shared device
      const outcome = await send(entry);
      if (outcome === "stop") break;
      if (outcome === "sent") sent.push(entry);
    }
    await showWaiting();
    if (sent.length) saySent(sent);
  }

  async function send(entry) {
    let response;
    try {
      response = await fetch(entry.url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({ ...entry.body, client_key: entry.key }),
      });
    } catch (error) {
      return "stop"; // offline again; the next round sends it, with the same key
    }
    if (response.ok) {
      await forget(entry.key);
      return "sent";
    }
    if ([401, 403, 429].includes(response.status) || response.status >= 500) return "stop";
    await keep({ ...entry, refusal: await refusalOf(response) }); // will never be logged as is
    return "refused";
  }

  async function signedInAs() {
    try {
      const response = await fetch(PROFILE, { credentials: "same-origin", cache: "no-store" });
      return response.ok ? (await response.json()).username : null;
    } catch (error) {
      return null;
    }
  }

  async function refusalOf(response) {
    try {
      const detail = (await response.json()).detail;
      if (Array.isArray(detail)) return detail.map((error) => error.msg).join(" ");
      if (typeof detail === "string") return detail;
    } catch (error) {
      // not JSON: say only that it was refused
    }
    return `The server refused it (${response.status}).`;
  }

  function csrfToken() {
    const cookie = document.cookie.split("; ").find((pair) => pair.startsWith("csrftoken="));
    if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
    const field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  // --- What the page shows -----------------------------------------------------------------

  function main() {
    return document.querySelector("main") || document.body;
  }

  // A live region only once there is something to say (a page may hold an empty
  // data-offline-status where it wants it); one new to the page is filled a moment later,
  // once screen readers watch it.
  function statusRegion() {
    let region = document.querySelector("[data-offline-status]");
    if (!region) {
      region = document.createElement("div");
      region.className = "offline-status";
      region.dataset.offlineStatus = "";
      main().prepend(region);
    }
    if (!region.hasAttribute("role")) {
      region.setAttribute("role", "status");
      region.dataset.offlineNew = "yes";
    }
    return region;
  }

  function say(...parts) {
    const message = document.createElement("p");
    message.className = "toast";
    message.append(...parts);
    const region = statusRegion();
    const fresh = region.dataset.offlineNew === "yes";
    delete region.dataset.offlineNew;
    setTimeout(() => region.replaceChildren(message), fresh ? ANNOUNCE_DELAY_MS : 0);
    return message;
  }

  function saySent(entries) {
    const days = [...new Set(entries.map((entry) => entry.body.date).filter(Boolean))];
    const parts = [
      entries.length === 1
        ? `Sent ${entries[0].label}, saved on this device while offline.`
        : `Sent ${entries.length} entries saved on this device while offline.`,
    ];
    const elsewhere = days.filter((day) => location.pathname !== `/diary/${day}/`);
    elsewhere.forEach((day, index) => {
      const link = document.createElement("a");
      link.href = `/diary/${day}/`;
      link.textContent = dayName(day);
      parts.push(index === 0 ? " See the diary of " : ", ", link);
    });
    if (days.includes((location.pathname.match(DAY_PAGE) || [])[1])) {
      const reload = document.createElement("a");
      reload.href = location.pathname;
      reload.textContent = "Show them";
      parts.push(" ", reload);
    }
    say(...parts);
  }

  function pendingRegion() {
    let region = document.querySelector("[data-offline-pending]");
    if (!region) {
      region = document.createElement("div");
      region.dataset.offlinePending = "";
      const status = document.querySelector("[data-offline-status]");
      if (status) status.after(region);
      else main().prepend(region);
    }
    return region;
  }

  async function showWaiting() {
    const entries = await waiting();
    if (!entries.length) {
      const region = document.querySelector("[data-offline-pending]");
      if (region) region.replaceChildren();
      return;
    }
    const region = pendingRegion();
    const section = document.createElement("section");
    section.className = "card offline-queue";
    section.setAttribute("aria-labelledby", "offline-queue-title");
    const title = document.createElement("h2");
    title.id = "offline-queue-title";
    title.textContent = "Waiting to be sent";
    const list = document.createElement("ul");
    list.className = "offline-entries";
    list.append(...entries.map(waitingItem));
    section.append(title, list);
    region.replaceChildren(section);
  }

  function waitingItem(entry) {
    const item = document.createElement("li");
    item.dataset.offlineEntry = entry.key;
    const where = [MEALS[entry.body.meal], entry.body.date && dayName(entry.body.date)];
    item.append(`${entry.label} · ${where.filter(Boolean).join(", ")}`);
    if (entry.refusal) {
      const why = document.createElement("span");
      why.className = "error";
      why.textContent = ` Not logged: ${entry.refusal}`;
      item.append(why);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "link small";
    remove.textContent = "Remove";
    remove.setAttribute("aria-label", `Remove ${entry.label}, not sent`);
    remove.addEventListener("click", async () => {
      await forget(entry.key);
      await showWaiting();
    });
    item.append(" ", remove);
    return item;
  }

  function dayName(isoDay) {
    const [year, month, day] = isoDay.split("-").map(Number);
    return new Date(year, month - 1, day).toLocaleDateString(undefined, {
      weekday: "short",
      day: "numeric",
      month: "short",
    });
  }

  // The offline page lists the diary days this device kept.
  async function showKeptDays() {
    const section = document.querySelector("[data-offline-pages]");
    if (!section || !("caches" in window)) return;
    const days = new Set();
    let today = false;
    for (const name of await caches.keys()) {
      if (!name.startsWith(PAGES_CACHE)) continue;
      for (const request of await (await caches.open(name)).keys()) {
        const path = new URL(request.url).pathname;
        const day = path.match(DAY_PAGE);
        if (day) days.add(day[1]);
        today = today || path === TODAY_PAGE;
      }
    }
    const links = [...days].sort().reverse().map((day) => [`/diary/${day}/`, dayName(day)]);
    if (today) links.unshift([TODAY_PAGE, "today"]);
    if (!links.length) return;
    section.querySelector("[data-offline-page-list]").replaceChildren(
      ...links.map(([href, when]) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = href;
        link.textContent = `Diary, ${when}`;
        item.append(link);
        return item;
      }),
    );
    section.hidden = false;
  }

  // --- Starting ----------------------------------------------------------------------------

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", () => {
      navigator.serviceWorker.register(WORKER, { scope: "/" }).catch(() => {
        // no worker (a private window, an old browser): pages simply need the connection
      });
    });
  }
  if ("indexedDB" in window) {
    window.addEventListener("online", sendWaiting);
    showWaiting().then(sendWaiting);
  }
  showKeptDays();
})();
