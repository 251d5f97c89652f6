// Short-lived byte buffers for the forwarding path, cut from large slabs.
//
// Every ArrayBuffer V8 sees costs the young-generation GC a sweep entry, and freeing its memory is done
// in the pause: under the bench load `scavenge.sweep_array_buffers` was 0.3–1.1 ms of each ~1.3 ms
// scavenge. Node's own pool (`Buffer.allocUnsafe` under 4 KB) makes one 8 KB ArrayBuffer per ~2
// proxied responses; a 256 KB slab makes one per ~50. A slab lives until the last view cut from it is
// gone, so a view held longer (a response waiting on a slow client) keeps at most one slab alive.
const SLAB_BYTES = 256 * 1024;
/** Larger requests get their own buffer: they would waste a slab's tail. */
const MAX_CUT = 16 * 1024;

let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let used = 0;

/** `n` bytes of uninitialised memory, valid for as long as the caller holds the buffer. */
export function cutBytes(n: number): Buffer {
  if (n > MAX_CUT) return Buffer.allocUnsafeSlow(n);
  if (used + n > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    used = 0;
  }
  const bytes = slab.subarray(used, used + n);
  // Aligned to 8 bytes, like Node's pool.
  used = (used + n + 7) & ~7;
  return bytes;
}
