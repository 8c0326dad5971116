// The λ slider: position 0 is λ = 0, then 1, 2, 3, 5, 7 × 10^k from 1e-4 up to 100,
// so the lecture's values (0.7, 0.3, 0.01, …) are all on it.
const MANTISSAS = [1, 2, 3, 5, 7];
export const LAMBDAS = [0];
for (let k = -4; k <= 2; k++) {
  for (const m of MANTISSAS) {
    if (k === 2 && m > 1) break;
    LAMBDAS.push(Number((m * 10 ** k).toPrecision(2)));
  }
}

/** The slider position nearest to λ (in log terms). */
export function positionOf(lambda) {
  if (!(lambda > 0)) return 0;
  let best = 1;
  for (let i = 1; i < LAMBDAS.length; i++) {
    if (Math.abs(Math.log(LAMBDAS[i] / lambda)) < Math.abs(Math.log(LAMBDAS[best] / lambda))) best = i;
  }
  return best;
}

export function formatLambda(lambda) {
  return lambda === 0 ? "0" : String(Number(lambda.toPrecision(3)));
}
