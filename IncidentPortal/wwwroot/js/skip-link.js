// "Skip to main content": the page's <base href="/"> would turn "#main-content" into a navigation to the home page,
// and Blazor's router only scrolls to a fragment without moving focus. So the link moves focus itself; it listens in
// the capture phase and cancels the click, which makes Blazor's link interception leave it alone.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
    if (!link) return;
    const target = document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "start" });
}, true);
