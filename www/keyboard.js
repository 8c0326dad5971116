// The one keyboard router. Every shortcut goes through one window listener, matched by
// `event.code` (the key's place, so a Korean layout works), in the modes that are on: the
// side-by-side view ("compare") first, then the lecture ("lecture"), then the page ("page");
// the first mode with an action for the key takes it. One guard for all: nothing while an IME
// composes or a modifier is held, and a key the focused element uses itself stays with it.
//
// Page: Space play/pause, → one step, R reset. In an embed, the keys a slide deck's remote
// sends and the playground does not use hand control back: the frame gives up the focus and
// asks its parent to move, with the message reveal.js listens for (other decks can listen for
// the same string).

const PRIORITY = ["compare", "lecture", "page"];
const HAND_OFF = { PageDown: "next", ArrowDown: "next", PageUp: "prev", ArrowUp: "prev", ArrowLeft: "prev" };

/** mode name → (code) => action or undefined */
const modes = new Map();

/**
 * Whether the focused element uses this key itself: a text field, a slider, a list or an
 * editable text every key but Escape; a button Space and Enter.
 */
export function ownsKey(target, code) {
  if (!target || code === "Escape") return false;
  if (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) return true;
  return target.tagName === "BUTTON" && (code === "Space" || code === "Enter");
}

/** Turns mode `name` on with `keys`: an object of code → action, or (code) => action. */
export function enterMode(name, keys) {
  modes.set(name, typeof keys === "function" ? keys : (code) => keys[code]);
}

export function leaveMode(name) {
  modes.delete(name);
}

const modeOn = (name) => modes.has(name);

function route(event) {
  if (event.isComposing || event.keyCode === 229 || event.ctrlKey || event.metaKey || event.altKey) return;
  if (ownsKey(event.target, event.code)) return;
  for (const name of PRIORITY) {
    const action = modes.get(name)?.(event.code);
    if (action) {
      event.preventDefault();
      action();
      return;
    }
  }
}

window.addEventListener("keydown", route);

/** The page's own keys (the "page" mode, on for the page's whole life). */
export function attachKeyboard({ toggle, step, reset, enabled = () => true, embedded = () => false, release = () => {} }) {
  const handOff = (code) => () => {
    release();
    document.activeElement?.blur?.();
    window.parent.postMessage(JSON.stringify({ method: HAND_OFF[code] }), "*");
    try {
      window.parent.focus();
    } catch {
      // a parent that refuses the focus still got the message
    }
  };
  enterMode("page", (code) => {
    if (!enabled()) return undefined;
    if (embedded() && HAND_OFF[code] && !modeOn("lecture") && window.parent !== window) return handOff(code);
    return { Space: toggle, ArrowRight: step, KeyR: reset }[code];
  });
}
