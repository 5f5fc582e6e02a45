import type { ConventionSettings } from './conventions.js';

/** How /logloss scores beyond scikit-learn's defaults: a library's convention, pos_weight, smoothing, calibration bins. */
export interface ScoringOptions {
  settings: ConventionSettings;
  /** A convention other than scikit-learn's default is in force (convention= defaults to sklearn). */
  conventionGiven: boolean;
  /** Set when eps= was given (also under convention=, which it then overrides). */
  eps?: number;
  posWeight?: number;
  smoothing?: number;
  /** Equal-width bins of the reliability diagram; set when bins= was given. */
  bins?: number;
}
