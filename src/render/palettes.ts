import type { Theme } from '../core/render-jobs.js';

export interface Palette {
  background: string;
  text: string;
  muted: string;
  grid: string;
  domain: string;
  curve: string;
  /** Class 1 and class 0 (and soft labels): colour-blind-safe blue/orange, tuned per background. */
  positive: string;
  negative: string;
  soft: string;
  highlight: string;
  rule: string;
}

/** Discord's dark message background is #313338; Slack's and a terminal viewer's are white. */
export const PALETTES: Record<Theme, Palette> = {
  dark: {
    background: '#2b2d31', text: '#e3e5e8', muted: '#b5bac1', grid: '#3f4248', domain: '#6d6f78', curve: '#e3e5e8',
    positive: '#5ea8ff', negative: '#ffa552', soft: '#c39bff', highlight: '#ff6b6b', rule: '#7ee2a8',
  },
  light: {
    background: '#ffffff', text: '#1d1c1d', muted: '#616061', grid: '#e4e4e4', domain: '#8a8a8a', curve: '#1d1c1d',
    positive: '#1f6feb', negative: '#d9480f', soft: '#7c3aed', highlight: '#c92a2a', rule: '#2b8a3e',
  },
};

/** A font every machine with fonts-dejavu-core has; charts and equations alike use it. */
export const FONT = 'DejaVu Sans';
