// Shortcuts: Space play/pause, → one step, R reset. Matched by `event.code` (the key's
// place, so a Korean layout works), never while an IME composes or a field has the focus.

const FIELDS = new Set(["INPUT", "SELECT", "TEXTAREA", "BUTTON"]);

export function attachKeyboard({ toggle, step, reset, enabled = () => true }) {
  window.addEventListener("keydown", (event) => {
    if (!enabled() || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target && (FIELDS.has(target.tagName) || target.isContentEditable)) return;
    const action = { Space: toggle, ArrowRight: step, KeyR: reset }[event.code];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
