import type { Theme } from '../charts/theme.js';

/** An equation to typeset: TeX lines stacked in one image, its file name and alt text (the step's Unicode form). */
export interface EquationJob {
  lines: string[];
  theme: Theme;
  filename: string;
  alt: string;
}
