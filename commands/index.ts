import type { Command } from '../src/core/command.js';
import derive from './derive.js';
import entropy from './entropy.js';
import logloss from './logloss.js';
import lossbot from './lossbot.js';

/** Every chat command; adding one is a new file plus one line here. */
export const commands: readonly Command[] = [logloss, entropy, derive, lossbot(() => commands)];
