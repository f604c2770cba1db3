/**
 * stateTable.ts - the set of visited states: 64-bit state hashes in one open-addressing table of
 * 32-bit words (hash compaction, as SPIN's -DHC), with a small value per state. It doubles as
 * it fills, up to a memory budget; then it refuses new states and the search says it stopped.
 *
 * Two different states share a 64-bit hash with probability about n^2 / 2^65 for n states
 * (below 3e-6 for ten million): `omissionProbability()` reports it with every verdict.
 */

/** Bytes per slot: two hash words and one value word. */
const SLOT_WORDS = 3;
const MAX_LOAD = 0.7;

export class StateTable {
  private words: Uint32Array;
  private mask: number;
  size = 0;

  /**
   * @param budgetBytes the table never grows past this
   * @param initialSlots a power of two
   */
  constructor(
    private readonly budgetBytes: number,
    initialSlots = 1 << 16,
  ) {
    this.words = new Uint32Array(initialSlots * SLOT_WORDS);
    this.mask = initialSlots - 1;
  }

  get bytes(): number {
    return this.words.byteLength;
  }

  /** The table is at its budget and at its load limit: no state can be added. */
  get full(): boolean {
    const slots = this.mask + 1;
    return this.size + 1 > slots * MAX_LOAD && slots * 2 * SLOT_WORDS * 4 > this.budgetBytes;
  }

  /** Slot index of (h0, h1), or -(free slot) - 1. h1 is never 0 in the table (0 marks free). */
  private find(h0: number, h1: number): number {
    const w = this.words;
    let i = (h0 ^ Math.imul(h1, 0x9e3779b1)) & this.mask;
    for (;;) {
      const o = i * SLOT_WORDS;
      const b = w[o + 1];
      if (b === 0) return -i - 1;
      if (b === h1 && w[o] === h0) return i;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): boolean {
    const slots = (this.mask + 1) * 2;
    if (slots * SLOT_WORDS * 4 > this.budgetBytes) return false;
    const old = this.words;
    this.words = new Uint32Array(slots * SLOT_WORDS);
    this.mask = slots - 1;
    for (let o = 0; o < old.length; o += SLOT_WORDS) {
      if (old[o + 1] === 0) continue;
      const j = -this.find(old[o], old[o + 1]) - 1;
      this.words.set(old.subarray(o, o + SLOT_WORDS), j * SLOT_WORDS);
    }
    return true;
  }

  /**
   * Add a state. Returns 1 when it is new, 0 when it was there already, -1 when the table is
   * full (the state was not added).
   */
  add(h0: number, h1In: number, value = 0): 1 | 0 | -1 {
    const h1 = h1In === 0 ? 1 : h1In;
    let i = this.find(h0, h1);
    if (i >= 0) return 0;
    if (this.size + 1 > (this.mask + 1) * MAX_LOAD) {
      if (!this.grow()) return -1;
      i = this.find(h0, h1);
    }
    const o = (-i - 1) * SLOT_WORDS;
    this.words[o] = h0;
    this.words[o + 1] = h1;
    this.words[o + 2] = value;
    this.size++;
    return 1;
  }

  /** The value stored with a state, or undefined when it is not in the table. */
  get(h0: number, h1In: number): number | undefined {
    const i = this.find(h0, h1In === 0 ? 1 : h1In);
    return i >= 0 ? this.words[i * SLOT_WORDS + 2] : undefined;
  }

  set(h0: number, h1In: number, value: number): void {
    const i = this.find(h0, h1In === 0 ? 1 : h1In);
    if (i >= 0) this.words[i * SLOT_WORDS + 2] = value;
  }

  /** Probability that hash compaction merged two different states among those stored. */
  omissionProbability(): number {
    return Math.min(1, (this.size * this.size) / 2 ** 65);
  }
}
