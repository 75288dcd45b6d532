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
