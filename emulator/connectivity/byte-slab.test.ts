// Buffers cut from slabs: many short-lived buffers share one ArrayBuffer, never overlap, and a large
// request gets a buffer of its own.
import { describe, expect, it } from 'vitest';
import { cutBytes } from './byte-slab.js';

describe('cutBytes', () => {
  it('cuts many small buffers from one ArrayBuffer without overlap', () => {
    const cuts = Array.from({ length: 40 }, (_, i) => cutBytes(2_000 + i));
    const arrayBuffers = new Set(cuts.map((b) => b.buffer));
    // 40 × ~2 KB is 80 KB: one or two slabs, where Node's 8 KB pool would make ~14 ArrayBuffers.
    expect(arrayBuffers.size).toBeLessThanOrEqual(2);
    cuts.forEach((b, i) => b.fill(i));
    cuts.forEach((b, i) => {
      expect(b.length).toBe(2_000 + i);
      expect(b.every((byte) => byte === i)).toBe(true);
      expect(b.byteOffset % 8).toBe(0);
    });
  });

  it('starts a new slab when the current one cannot hold the cut', () => {
    const first = cutBytes(16 * 1024);
    let last = first;
    for (let i = 0; i < 20 && last.buffer === first.buffer; i++) last = cutBytes(16 * 1024);
    expect(last.buffer).not.toBe(first.buffer);
    expect(last.byteOffset).toBe(0);
  });

  it('gives a large request a buffer of its own', () => {
    const big = cutBytes(64 * 1024);
    expect(big.length).toBe(64 * 1024);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(64 * 1024);
  });
});
