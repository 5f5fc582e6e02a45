import type { Level, PracticeTopic } from '../problem.js';
import { BCE_TEMPLATES } from './bce.js';
import { CROSS_ENTROPY_TEMPLATES, ENTROPY_TEMPLATES, KL_TEMPLATES } from './distributions.js';
import { GRADIENT_TEMPLATES } from './gradient.js';
import { LOGITS_TEMPLATES } from './logits.js';
import type { Template } from './template.js';

/** Every template by topic and level; a template's key is its letter in the problem id. */
export const TEMPLATES: Record<PracticeTopic, Record<Level, readonly Template[]>> = {
  bce: BCE_TEMPLATES,
  logits: LOGITS_TEMPLATES,
  entropy: ENTROPY_TEMPLATES,
  'cross-entropy': CROSS_ENTROPY_TEMPLATES,
  kl: KL_TEMPLATES,
  gradient: GRADIENT_TEMPLATES,
};

export function templateOf(topic: PracticeTopic, level: Level, key: string): Template | undefined {
  return TEMPLATES[topic][level].find((template) => template.key === key);
}
