/** mulberry32: tiny and seedable, so a problem id redraws the same numbers on any process (and the bench measures the same data every run). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The draws a template makes, each rounded the way a textbook writes its numbers. */
export class Draw {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = seededRandom(seed);
  }

  /** An integer from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** A probability with two decimals from lo to hi (0.05-0.95 keeps every log moderate). */
  probability(lo = 0.05, hi = 0.95): number {
    return this.int(Math.round(lo * 100), Math.round(hi * 100)) / 100;
  }

  /** A logit with one decimal, |z| from 0.3 to 3 so σ(z) is neither ½ nor near 0 or 1. */
  logit(): number {
    const size = this.int(3, 30) / 10;
    return this.int(0, 1) === 0 ? -size : size;
  }

  /** Fisher-Yates with these draws: Array.prototype.sort with a random comparator depends on the engine's algorithm. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  label(): 0 | 1 {
    return this.int(0, 1) as 0 | 1;
  }

  /** k probabilities with two decimals, each at least 0.05, summing to exactly 1 (in hundredths). */
  distribution(k: number): number[] {
    const cuts = new Set<number>();
    while (cuts.size < k - 1) cuts.add(this.int(1, 19) * 5 + this.int(-2, 2));
    const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
    const parts = points.slice(1).map((v, i) => v - (points[i] as number));
    return parts.some((part) => part < 5) ? this.distribution(k) : parts.map((part) => part / 100);
  }
}
