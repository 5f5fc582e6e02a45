/** scikit-learn's class_weight: 'balanced', or a weight per label (a label left out weighs 1). */
export type ClassWeight = { kind: 'balanced' } | { kind: 'given'; byLabel: Readonly<Partial<Record<0 | 1, number>>> };

/** The LogisticRegression options lossbot takes, with scikit-learn's names in the comments. */
export interface FitSettings {
  /** C: inverse regularisation strength; unused when `penalty` is 'none'. */
  C: number;
  /** penalty: 'l2' or 'none' (scikit-learn's penalty=None). */
  penalty: 'l2' | 'none';
  /** fit_intercept. */
  fitIntercept: boolean;
  /** class_weight; undefined is scikit-learn's None. */
  classWeight?: ClassWeight;
}

/** LogisticRegression()'s defaults. */
export const DEFAULT_FIT: FitSettings = { C: 1, penalty: 'l2', fitIntercept: true };

/** Features row after row, `columns` to a row: scikit-learn's X of shape (n, d). */
export interface Features {
  values: Float64Array;
  columns: number;
}
