// Companion of ReconnectModal.razor. The .NET 9 Blazor script shows and hides the banner by class; this adds
// what it leaves to us: a working "Retry now", and recovery once the server is back with a new process.
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;

    async function retry() {
        try {
            // true: reconnected; false: the server is up but no longer knows this circuit.
            const reconnected = await Blazor.reconnect();
            if (!reconnected) location.reload();
        } catch {
            // Server still unreachable: try again shortly.
            setTimeout(retry, 2000);
        }
    }

    document.getElementById("components-reconnect-retry")?.addEventListener("click", () => location.reload());

    new MutationObserver(() => {
        if (modal.classList.contains("components-reconnect-rejected")) {
            location.reload();
        } else if (modal.classList.contains("components-reconnect-failed")) {
            // The script gave up its own attempts; keep trying so the page recovers when the server returns.
            setTimeout(retry, 2000);
        }
    }).observe(modal, { attributes: true, attributeFilter: ["class"] });
})();
