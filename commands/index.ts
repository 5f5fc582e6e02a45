import type { Command } from '../src/core/command.js';
import answer from './answer.js';
import derive from './derive.js';
import entropy from './entropy.js';
import logloss from './logloss.js';
import lossbot from './lossbot.js';
import practice from './practice.js';

/** Every chat command; adding one is a new file plus one line here. */
export const commands: readonly Command[] = [logloss, entropy, derive, practice, answer, lossbot(() => commands)];
