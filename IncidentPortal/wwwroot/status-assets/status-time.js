// Status page times in the visitor's own time zone. The server writes every <time data-local> in UTC (the page is
// the same for everyone, so it caches and needs no cookie); this rewrites the text in the browser's zone, in the
// portal's one format ("Sun 6 Dec 2026, 22:39 UTC+1"), and keeps the UTC text on hover.
(() => {
  let format;
  try {
    format = new Intl.DateTimeFormat("en-GB", {
      weekday: "short", day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "shortOffset"
    });
  } catch (e) { return; /* very old browser: the UTC text stays */ }
  const write = date => {
    const p = Object.fromEntries(format.formatToParts(date).map(part => [part.type, part.value]));
    const zone = (p.timeZoneName || "GMT").replace("GMT", "UTC").replace("-", "\u2212");
    return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${zone}`;
  };
  const localize = root => {
    root.querySelectorAll("time[data-local]:not([data-localized])").forEach(el => {
      const date = new Date(el.getAttribute("datetime"));
      if (isNaN(date)) return;
      if (!el.title) el.title = el.textContent.trim();
      el.textContent = write(date);
      el.dataset.localized = "";
    });
    // Only when it differs: writing text is itself a mutation, and the observer below would loop on it forever.
    const note = document.querySelector("[data-zone-note]");
    const said = "times in your time zone, UTC on hover";
    if (note && note.textContent !== said) note.textContent = said;
  };
  localize(document);
  // The live board is swapped in by status.js: localize whatever arrives.
  new MutationObserver(() => localize(document)).observe(document.body, { childList: true, subtree: true });
})();
