// URL state: the query string and the hash are both read (the hash wins); the page keeps
// the hash current so a copied link always holds the whole setup.

/** [key, value] pairs from the query string, then the hash. */
export function readPairs(location) {
  const pairs = [];
  for (const part of [location.search.slice(1), location.hash.slice(1)]) {
    for (const [k, v] of new URLSearchParams(part)) pairs.push([k, v]);
  }
  return pairs;
}

/** Writes the hash without adding a history entry. */
export function writeHash(query) {
  const url = new URL(window.location.href);
  url.hash = query;
  window.history.replaceState(null, "", url);
}

/** A value as the URL writes it: arrays joined by commas, everything else as text. */
export function urlForm(value) {
  return Array.isArray(value) ? value.join(",") : String(value);
}
