// The API docs page's "Try it": the browser sends the request itself, so the user's own sign-in cookie applies.
// The body is cut to keep the answer under the circuit's message size limit (the page says when it was cut).
const maxBody = 20000;

export async function send(url) {
    const started = performance.now();
    try {
        const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        const text = await response.text();
        return {
            status: response.status,
            statusText: response.statusText,
            contentType: response.headers.get('content-type') || '',
            body: text.length > maxBody ? text.slice(0, maxBody) : text,
            truncated: text.length > maxBody,
            milliseconds: Math.round(performance.now() - started),
        };
    } catch (error) {
        return { status: 0, statusText: String(error), contentType: '', body: '', truncated: false, milliseconds: 0 };
    }
}
