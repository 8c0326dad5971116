// How bench.html times things: a call's mean over a budget, several callers in alternating
// rounds (so a busy machine slows them alike and their ratio holds), and frame gaps.

export const WARMUP_MS = 200;
const ROUND_MS = 20;

// Calls f for WARMUP_MS, then for about `budget` ms. Returns the mean and the 95th percentile
// of one call in ms (the percentile is only as fine as the timer: 0.1 ms unless isolated).
export function time(f, budget) {
  for (const end = performance.now() + WARMUP_MS; performance.now() < end;) f();
  const times = [];
  const start = performance.now();
  let t = start;
  while (t - start < budget) {
    f();
    const now = performance.now();
    times.push(now - t);
    t = now;
  }
  times.sort((a, b) => a - b);
  return { mean: (t - start) / times.length, p95: times[Math.floor(0.95 * (times.length - 1))], calls: times.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Times each of `fs` in turn, rounds of about ROUND_MS each, for about `budget` ms per
// function (at least 3 rounds each). Returns the median ms per call of each, and
// `ratio(i, j)`: the median over rounds of time(i) / time(j), each pair of rounds taken
// back to back.
export function alternating(fs, budget) {
  const roundOf = (h) => {
    let calls = 0;
    const start = performance.now();
    do { h(); calls++; } while (performance.now() - start < ROUND_MS);
    return (performance.now() - start) / calls;
  };
  for (const end = performance.now() + WARMUP_MS; performance.now() < end;) fs.forEach((f) => f());
  const times = fs.map(() => []);
  for (const end = performance.now() + fs.length * budget; performance.now() < end || times[0].length < 3;) {
    fs.forEach((f, i) => times[i].push(roundOf(f)));
  }
  return {
    ms: times.map(median),
    rounds: times[0].length,
    ratio: (i, j) => median(times[i].map((t, r) => t / times[j][r])),
  };
}

// Times the peer's f and regplay's g in alternating rounds; returns the medians (ms per
// call) and the median ratio peer / regplay (above 1: regplay is faster).
export function sideBySide(f, g, budget) {
  const t = alternating([f, g], budget);
  return { peer: t.ms[0], ours: t.ms[1], ratio: t.ratio(0, 1), rounds: t.rounds };
}

/** Records the longest gap between animation frames until `stop()`, which returns it in ms. */
export function frameGaps() {
  let longest = 0;
  let last = performance.now();
  let going = true;
  const tick = (t) => {
    longest = Math.max(longest, t - last);
    last = t;
    if (going) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return { stop: () => ((going = false), Math.max(longest, performance.now() - last)) };
}
