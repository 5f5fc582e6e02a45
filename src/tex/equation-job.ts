import type { Theme } from '../charts/theme.js';

/** An equation to typeset: TeX plus its file name and the alt text (the step's Unicode form). */
export interface EquationJob {
  tex: string;
  theme: Theme;
  filename: string;
  alt: string;
}
