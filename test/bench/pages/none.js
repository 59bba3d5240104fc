// The page template alone: what the page costs with no widget.
window.__bench = { mount() {}, unmount(c) { c.remove(); } };
