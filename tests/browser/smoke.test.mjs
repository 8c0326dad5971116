// The page loads, the wasm starts, the first frame is drawn, and nothing complains.
import { test } from 'node:test';
import { assertNoErrors, useSite } from './harness.mjs';

const site = useSite();

test('index.html loads, playground.ready resolves, no console errors', async () => {
  const page = await site.open();
  assertNoErrors(page);
});
