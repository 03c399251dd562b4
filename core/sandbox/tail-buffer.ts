/**
 * Keeps the last `limit` bytes of a stream. Output of a failing build is most useful at its
 * end, and a runaway process must not be able to exhaust the parent's memory.
 */
export class TailBuffer {
  readonly #limit: number;
  #chunks: Buffer[] = [];
  #size = 0;
  #dropped = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    while (this.#size > this.#limit) {
      const first = this.#chunks[0];
      if (first === undefined) break;
      const excess = this.#size - this.#limit;
      if (first.length <= excess) {
        this.#chunks.shift();
        this.#size -= first.length;
        this.#dropped += first.length;
      } else {
        this.#chunks[0] = first.subarray(excess);
        this.#size -= excess;
        this.#dropped += excess;
      }
    }
  }

  /** Bytes discarded from the front so far. */
  get dropped(): number {
    return this.#dropped;
  }

  toString(): string {
    // Cutting at a byte boundary can split a UTF-8 sequence; the decoder replaces the stub.
    return Buffer.concat(this.#chunks).toString('utf8');
  }
}
