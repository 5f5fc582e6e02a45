/**
 * A derivation is data (DESIGN.md, "Derivations"): steps, each with a plain-words explanation,
 * one equation as TeX and as Unicode, and a numeric check that evaluates the step with the
 * user's numbers so tests can prove consecutive steps agree.
 */

/** An equation in both renderings: TeX for the typeset image, Unicode for text-only places. */
export interface Equation {
  tex: string;
  /** Lines joined by "\n" when the equation is broken (see `lines`). */
  unicode: string;
  /**
   * The same equation broken at term boundaries, one entry per stacked line: a phone shows a
   * wide image shrunk to unreadable type, so long numbers lines wrap instead (at most 6:1).
   */
  lines?: Equation[];
}

/**
 * The value a step's own formula gives. Consecutive steps that name the same quantity must
 * agree (one expression rewritten); a vector is one value per point.
 */
export interface StepCheck {
  quantity: string;
  value: number | number[];
}

export interface DerivationStep {
  title: string;
  text: string;
  /** The general formula. */
  equation: Equation;
  /** The same formula with the user's numbers; absent without numbers. */
  plugged?: Equation;
  check?: StepCheck;
}

/** The user's points: binary labels and the probability of class 1 (from p, or from logits). */
export interface DeriveNumbers {
  y: Float64Array;
  p: Float64Array;
  /** Set when the user gave logits; the steps then start from z. */
  logits?: Float64Array;
  /**
   * Set for points with K classes (topic=categorical): `y` then holds each point's true class,
   * 0 … K − 1, and `p` the probability that class got.
   */
  classes?: ClassNumbers;
  /** PyTorch's BCEWithLogitsLoss(pos_weight=w): the loss of each label 1 is multiplied by w (w > 0). */
  posWeight?: number;
  /** Keras's label_smoothing s (0 ≤ s < 1): a label becomes y·(1 − s) + s/K (K = 2 for binary). */
  smoothing?: number;
}

/** K probabilities (or scores) per point, row after row. */
export interface ClassNumbers {
  k: number;
  /** n × K probabilities; from logits, their softmax. */
  p: Float64Array;
  /** n × K scores, when the user gave logits. */
  logits?: Float64Array;
}

export interface DerivationResult {
  /** What the final value is, e.g. "binary cross-entropy". */
  name: string;
  symbol: string;
  value: number;
  /** "nats" for a loss, "" for a gradient or a ratio. */
  unit: string;
}

export interface Derivation {
  steps: DerivationStep[];
  /** Set when the options change what the topic shows (pos_weight: the gradient is no longer p − y). */
  title?: string;
  blurb?: string;
  result?: DerivationResult;
}

export interface Topic {
  name: string;
  title: string;
  /** One sentence: what the derivation shows. */
  blurb: string;
  /** Which inputs the topic plugs in: y with p/logits, or p alone (entropy). */
  needs: 'labels-and-probabilities' | 'probabilities';
  derive(numbers?: DeriveNumbers): Derivation;
}
