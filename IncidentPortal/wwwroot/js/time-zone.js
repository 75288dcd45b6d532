// The browser's IANA time zone ("Europe/Berlin"), the default for a person who has not chosen one.
export function browserZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || null; } catch { return null; }
}
