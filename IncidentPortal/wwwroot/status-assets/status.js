// Live status: one Server-Sent Events stream says when the page changed; the board is then re-fetched (from the
// server's output cache) and swapped in. No framework, no circuit; EventSource reconnects by itself.
(() => {
  const board = () => document.getElementById("status-board");
  let fetching = null;
  async function refresh(version) {
    const current = board();
    if (!current || current.dataset.version === version) return;
    if (fetching) fetching.abort();
    fetching = new AbortController();
    try {
      const response = await fetch("/status?fragment=1", { cache: "no-cache", signal: fetching.signal });
      if (!response.ok) return;
      const html = await response.text();
      const holder = document.createElement("div");
      holder.innerHTML = html;
      const next = holder.querySelector("#status-board");
      if (next) board().replaceWith(next);
    } catch (e) { /* aborted by a newer change, or offline: the next event tries again */ }
  }
  if (!("EventSource" in window)) return;
  const events = new EventSource("/status/events");
  events.addEventListener("version", e => refresh(e.data));
})();
