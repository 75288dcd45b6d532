// Small helpers the interactive shell calls through JS interop.
window.portalTheme = {
    // The theme choice outlives the circuit: the server reads this cookie for the first paint of every page.
    remember(name, value) {
        document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
        document.documentElement.dataset.theme = value;
    }
};

// Media queries for components that change layout, not just style, at a width (e.g. grids dropping columns).
window.portalMedia = {
    watch(query, target) {
        const list = window.matchMedia(query);
        const notify = () => target.invokeMethodAsync("OnMediaChanged", list.matches);
        list.addEventListener("change", notify);
        notify();
        return { dispose: () => list.removeEventListener("change", notify) };
    }
};

// Focus for controls that swap their markup: back to the element only when the swap left focus nowhere (on the
// page body), never away from a control the user has since clicked.
window.portalFocus = {
    ifLost(element) {
        if (element && (!document.activeElement || document.activeElement === document.body)) element.focus();
    }
};

// The queue's bulk-action bar and its table's column headers both stick under the app bar while the list scrolls; the
// headers go just below the bar, however many lines the bar wraps to (--queue-bulk-bar-height, 0 without a bar).
(() => {
    let observed = null;
    const sync = () => document.documentElement.style.setProperty("--queue-bulk-bar-height", observed ? `${observed.offsetHeight}px` : "0px");
    const resize = new ResizeObserver(sync);
    const follow = () => {
        const bar = document.querySelector(".queue-bulk-bar");
        if (bar === observed) return;
        if (observed) resize.unobserve(observed);
        observed = bar;
        if (bar) resize.observe(bar);
        sync();
    };
    const start = () => new MutationObserver(follow).observe(document.body, { childList: true, subtree: true });
    if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
