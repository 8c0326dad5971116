// Handing the run on: its link or an iframe snippet to the clipboard. Where the browser
// refuses the clipboard, the message shows the text to copy by hand.

import { showMessage } from "./messages.js";
import { t } from "./i18n.js";

function copy(text, copied, refused) {
  const say = (message) => showMessage(message, { kind: "info", id: "copied" });
  navigator.clipboard?.writeText(text).then(() => say(copied), () => say(refused)) ?? say(refused);
}

/** Copies `link`; `note` replaces the usual "copied" message (a link without its CSV data says so). */
export function copyLink(link, note) {
  copy(link, note ?? t("Link copied: it reopens this exact run."), t("Copy this link: {link}", { link }));
}

/** Copies the iframe snippet `code` and returns it. */
export function copyEmbed(code) {
  copy(code, t("Embed code copied: {code}", { code }), t("Copy this embed code: {code}", { code }));
  return code;
}
