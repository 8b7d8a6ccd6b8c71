/**
 * Writes the settings into the page's address. A change is written at once, so that a reload or the
 * browser's own "copy link" always has it. Only a long burst (a slider dragged for seconds) is thinned
 * out, because browsers ignore (Chromium) or refuse (Safari: 100 calls in 30 s) more frequent
 * history.replaceState calls; the newest settings are then written as soon as the budget allows,
 * never dropped and never postponed by further changes.
 */
const BURST = 10;
const REFILL_MS = 400;

export function createAddressWriter(write: (query: string) => void): (query: string) => void {
  let tokens = BURST;
  let refilledAt = performance.now();
  let written: string | null = null;
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const refill = (now: number) => {
    const gained = Math.floor((now - refilledAt) / REFILL_MS);
    if (gained <= 0) return;
    tokens = Math.min(BURST, tokens + gained);
    refilledAt = tokens === BURST ? now : refilledAt + gained * REFILL_MS;
  };
  const flush = () => {
    timer = null;
    if (pending === null) return;
    const now = performance.now();
    refill(now);
    if (tokens > 0) {
      tokens--;
      written = pending;
      pending = null;
      write(written);
    } else {
      timer = setTimeout(flush, REFILL_MS - (now - refilledAt));
    }
  };

  return (query) => {
    pending = query === written ? null : query;
    if (timer === null) flush();
  };
}
