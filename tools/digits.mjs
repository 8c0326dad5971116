#!/usr/bin/env node
// Writes src/data/digits.bin, the 8×8 handwritten digits in the form src/data/digits.rs reads,
// from scikit-learn's copy of them (sklearn/datasets/data/digits.csv.gz: 1,797 rows of 64
// pixels 0–16 and the label; the test part of UCI's "Optical Recognition of Handwritten
// Digits", CC BY 4.0). Get it from the scikit-learn wheel on PyPI:
//   pip download scikit-learn --no-deps && unzip -j scikit_learn-*.whl 'sklearn/datasets/data/digits.csv.gz'
//   node tools/digits.mjs digits.csv.gz
// Node built-ins only.
//
// The file, rows in scikit-learn's order (n = 1,797):
//   ceil(n/2) bytes    the labels, two to a byte, the first in the low nibble
//   32·n bytes         the pixels, row by row, two to a byte (first in the low nibble):
//                      the grey level 0–15, or 15 for both 15 and 16
//   ceil(k/8) bytes    for each of the k pixels whose nibble is 15, in order, one bit
//                      (least significant first): 1 if it is 16
// so all 17 grey levels survive, in 60,248 bytes.

import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

const [source = "digits.csv.gz", out = new URL("../src/data/digits.bin", import.meta.url)] = process.argv.slice(2);
const rows = gunzipSync(readFileSync(source))
  .toString("utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => line.split(",").map(Number));
for (const [i, row] of rows.entries()) {
  if (row.length !== 65 || row.some((v, j) => !Number.isInteger(v) || v < 0 || v > (j === 64 ? 9 : 16))) {
    throw new Error(`row ${i + 1} is not 64 pixels 0–16 and a label 0–9`);
  }
}
const n = rows.length;
const nibbles = (values) => {
  const bytes = new Uint8Array(Math.ceil(values.length / 2));
  values.forEach((v, i) => (bytes[i >> 1] |= v << (4 * (i & 1))));
  return bytes;
};
const labels = nibbles(rows.map((r) => r[64]));
const pixels = rows.flatMap((r) => r.slice(0, 64));
const levels = nibbles(pixels.map((p) => Math.min(p, 15)));
const top = pixels.filter((p) => p >= 15).map((p) => (p === 16 ? 1 : 0));
const bits = new Uint8Array(Math.ceil(top.length / 8));
top.forEach((b, i) => (bits[i >> 3] |= b << (i & 7)));
const file = Buffer.concat([labels, levels, bits]);
writeFileSync(out, file);
console.log(`${n} images, ${top.length} pixels at 15 or 16: ${file.length} bytes`);
