/**
 * FNV-1a with murmur3's finalizer: a stable 32-bit hash, so "random" faults are the same for
 * the same key in every process. Without the finalizer, short keys that differ in their last
 * digit barely move the high bits, and `fraction` would be far from uniform.
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) fixed by `key`. */
export function fraction(key: string): number {
  return hash32(key) / 2 ** 32;
}

/** mulberry32: a seeded generator for the fault schedule, so `--seed` replays the same choices. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
