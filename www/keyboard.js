// Shortcuts: Space play/pause, → one step, R reset. Matched by `event.code` (the key's
// place, so a Korean layout works), never while an IME composes or a field has the focus.
// In an embed, the keys a slide deck's remote sends and the playground does not use hand
// control back: the frame gives up the focus and asks its parent to move, with the message
// reveal.js listens for (other decks can listen for the same string).

const FIELDS = new Set(["INPUT", "SELECT", "TEXTAREA", "BUTTON"]);
const HAND_OFF = { PageDown: "next", ArrowDown: "next", PageUp: "prev", ArrowUp: "prev", ArrowLeft: "prev" };

export function attachKeyboard({ toggle, step, reset, enabled = () => true, embedded = () => false, release = () => {} }) {
  window.addEventListener("keydown", (event) => {
    if (!enabled() || event.isComposing || event.keyCode === 229) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    const typing = target && (["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName) || target.isContentEditable);
    const lecture = document.getElementById("lecture");
    if (!typing && embedded() && HAND_OFF[event.code] && (!lecture || lecture.hidden) && window.parent !== window) {
      event.preventDefault();
      release();
      document.activeElement?.blur?.();
      window.parent.postMessage(JSON.stringify({ method: HAND_OFF[event.code] }), "*");
      try {
        window.parent.focus();
      } catch {
        // a parent that refuses the focus still got the message
      }
      return;
    }
    if (target && (FIELDS.has(target.tagName) || target.isContentEditable)) return;
    const action = { Space: toggle, ArrowRight: step, KeyR: reset }[event.code];
    if (action) {
      event.preventDefault();
      action();
    }
  });
}
