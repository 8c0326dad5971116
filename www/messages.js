// Visible, dismissable messages. Text only: nothing from a URL is ever inserted as HTML.

import { t } from "./i18n.js";

const box = () => document.getElementById("messages");

/** Shows a message; `actions` are [label, onClick] buttons beside "Dismiss". Returns its element. */
export function showMessage(text, { kind = "error", actions = [], id } = {}) {
  if (id) document.getElementById(id)?.remove();
  const item = document.createElement("div");
  item.className = `message ${kind}`;
  item.setAttribute("role", kind === "error" ? "alert" : "status");
  if (id) item.id = id;
  const span = document.createElement("span");
  span.textContent = text;
  const buttons = document.createElement("span");
  for (const [label, onClick] of [...actions, [t("Dismiss"), () => {}]]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", () => {
      item.remove();
      onClick();
    });
    buttons.append(b);
  }
  item.append(span, buttons);
  box().append(item);
  return item;
}

export function clearMessage(id) {
  document.getElementById(id)?.remove();
}
