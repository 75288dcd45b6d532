// The portal's keyboard shortcuts: one listener for every page (KeyboardShortcuts.razor installs it once per circuit).
// Pages opt in with attributes, never with their own listeners:
//   data-shortcut-rows   a list whose <tbody> rows j/k walk, Enter opens (the row's first link), a assigns (its
//                        "Assign … to me" button)
//   data-shortcut="e"    the element the key clicks (e: Escalate)
//   data-shortcut-close  a visible Cancel/Close that Esc clicks when no dialog is open
// r and n (reply, work note) and ? (the sheet) go to the server: the comment box and the sheet are Blazor components.
const handledByServer = { "?": "sheet", "r": "reply", "n": "note" };

function isTyping(target) {
    if (!(target instanceof Element)) return false;
    if (target.isContentEditable) return true;
    const tag = target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag === "INPUT") return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
    return target.closest("[role=combobox],[role=textbox]") !== null;
}

const visible = el => el && el.getClientRects().length > 0;
const dialogOpen = () => [...document.querySelectorAll(".mud-dialog-container, [role=dialog]")].some(visible);

function rows() {
    const list = document.querySelector("[data-shortcut-rows]");
    if (!list) return [];
    return [...list.querySelectorAll("tbody tr")].filter(r => r.querySelector("a[href]"));
}

// The current row is remembered by its link, so a live reload that re-renders the rows keeps it.
let currentHref = null;

function currentRow(all) {
    const focused = document.activeElement?.closest?.("[data-shortcut-rows] tbody tr");
    if (focused && all.includes(focused)) return focused;
    return all.find(r => r.querySelector("a[href]").getAttribute("href") === currentHref) ?? null;
}

function markCurrent(all, row) {
    for (const r of all) {
        r.classList.toggle("kb-current", r === row);
        if (r === row) r.setAttribute("aria-current", "true"); else r.removeAttribute("aria-current");
    }
    const link = row.querySelector("a[href]");
    currentHref = link.getAttribute("href");
    link.focus();
    row.scrollIntoView({ block: "nearest" });
}

function move(step) {
    const all = rows();
    if (all.length === 0) return false;
    const at = all.indexOf(currentRow(all));
    const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    markCurrent(all, all[next]);
    return true;
}

function onRow(act) {
    const all = rows();
    const row = currentRow(all);
    if (!row) return false;
    return act(row);
}

function click(el) {
    if (!visible(el) || el.disabled) return false;
    el.click();
    return true;
}

function closeTopPanel() {
    const closers = [...document.querySelectorAll("[data-shortcut-close]")].filter(visible);
    return closers.length > 0 && click(closers[closers.length - 1]);
}

// MudBlazor's dialog hears Escape only when focus is inside it (e.g. not after a shortcut clicked its opener): if the
// top dialog is still open a moment later, its own Cancel/Close does what Escape means.
function closeDialogIfStillOpen() {
    const dialogs = [...document.querySelectorAll(".mud-dialog")].filter(visible);
    const top = dialogs[dialogs.length - 1];
    if (!top) return;
    setTimeout(() => {
        if (!top.isConnected || !visible(top)) return;
        const close = [...top.querySelectorAll("button")].find(b =>
            /^(cancel|close|no)$/i.test(b.textContent.trim()) || /^close/i.test(b.getAttribute("aria-label") ?? ""));
        close?.click();
    }, 200);
}

function focusSearch() {
    const field = document.querySelector("input[data-shortcut-search], [data-shortcut-search] input, input[type=search]");
    if (!visible(field)) return false;
    field.focus();
    field.select?.();
    return true;
}

function handle(e, server) {
    if (e.defaultPrevented || e.isComposing) return false;
    const typing = isTyping(e.target);
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        const form = e.target.closest?.("form");
        if (!form) return false;
        form.requestSubmit();
        return true;
    }
    if (e.key === "Escape") {
        if (dialogOpen()) { closeDialogIfStillOpen(); return false; } // normally the dialog closes itself
        if (closeTopPanel()) return true;
        // Out of the field, so j/k and the rest work again (the text stays).
        if (typing) { e.target.blur(); return true; }
        return false;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey || dialogOpen()) return false;
    switch (e.key) {
        case "/": return focusSearch();
        case "j": return move(1);
        case "k": return move(-1);
        case "Enter":
            if (e.target instanceof Element && e.target.closest("a,button")) return false; // the browser opens it
            return onRow(row => click(row.querySelector("a[href]")));
        case "a": return onRow(row => click(row.querySelector("button[data-shortcut-assign]")));
        case "e": return click(document.querySelector("[data-shortcut='e']"));
    }
    if (handledByServer[e.key]) {
        server.invokeMethodAsync("OnShortcut", handledByServer[e.key]);
        return true;
    }
    return false;
}

export function install(server) {
    const listener = e => { if (handle(e, server)) e.preventDefault(); };
    document.addEventListener("keydown", listener);
    // Tests (and curious people) can tell the keys are live.
    document.documentElement.dataset.shortcuts = "on";
    return {
        dispose: () => {
            document.removeEventListener("keydown", listener);
            delete document.documentElement.dataset.shortcuts;
        }
    };
}

// A notification's link to one timeline entry (#note-…): the entry renders after the incident loads, so wait for it.
export function revealAnchor() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    let tries = 0;
    const look = () => {
        const el = document.getElementById(id);
        if (el) {
            el.scrollIntoView({ block: "center" });
            el.classList.add("kb-target");
            el.focus({ preventScroll: true });
        } else if (++tries < 40) setTimeout(look, 100);
    };
    look();
}
