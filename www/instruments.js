// The instruments under the boundary, one tab each. "Curves" is built in; the others live in
// www/panels/NAME.js and load the first time their tab opens. A panel module exports
// `install(element, page)` returning `{ draw() }`; the active panel's draw() runs after every
// change and every few frames while training.

const DRAW_EVERY = 4; // frames between redraws while playing

/**
 * @param page the page's context: { pg, guard, set, config, metrics, history, sweep, showMessage, markDirty }
 * @param curves `{ draw() }` of the built-in curves panel
 */
export function setupInstruments(page, curves) {
  const tabs = [...document.querySelectorAll("#instrument-tabs [role=tab]")];
  const panels = new Map([["curves", curves]]);
  let active = "curves";
  let frames = 0;

  async function open(name) {
    active = name;
    for (const tab of tabs) {
      const selected = tab.id === `tab-${name}`;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    if (!panels.has(name)) {
      panels.set(name, null); // loading
      try {
        const module = await import(`./panels/${name}.js`);
        panels.set(name, module.install(document.getElementById(`panel-${name}`), page));
      } catch (e) {
        panels.delete(name);
        page.showMessage(`The ${name} panel could not load: ${e.message || e}`);
        return;
      }
    }
    page.markDirty();
  }

  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => open(tab.id.slice(4)));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      e.preventDefault();
      e.stopPropagation(); // → moves between tabs here, it does not step training
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      open(next.id.slice(4));
    });
  });

  return {
    open,
    /** Called once per animation frame; `changed` when something other than training moved. */
    draw(changed) {
      const panel = panels.get(active);
      if (panel && (changed || ++frames % DRAW_EVERY === 0)) panel.draw();
    },
    get active() {
      return active;
    },
  };
}
