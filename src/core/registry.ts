import type { Command } from './command.js';

// Discord allows lowercase letters, digits, - and _ (pos_weight, class_weight keep the libraries' spelling).
const NAME = /^[a-z][a-z0-9_-]{0,31}$/;

/**
 * The command list, checked once at start-up: a duplicate or malformed definition throws here
 * instead of being skipped silently (STYLE.md 1).
 */
export class CommandRegistry {
  readonly #byName = new Map<string, Command>();

  constructor(commands: readonly Command[]) {
    for (const command of commands) {
      assertWellFormed(command);
      if (this.#byName.has(command.name)) throw new Error(`Command /${command.name} is defined twice.`);
      this.#byName.set(command.name, command);
    }
  }

  get(name: string): Command | undefined {
    return this.#byName.get(name);
  }

  names(): string[] {
    return [...this.#byName.keys()];
  }

  all(): Command[] {
    return [...this.#byName.values()];
  }
}

function assertWellFormed(command: Command): void {
  const where = `Command /${command.name}`;
  // Discord's limits for slash commands: name 1-32 lowercase, description 1-100 characters.
  if (!NAME.test(command.name)) throw new Error(`${where}: the name must be 1-32 lowercase letters, digits or dashes.`);
  if (command.description.length < 1 || command.description.length > 100) throw new Error(`${where}: the description must be 1-100 characters.`);
  const names = new Set<string>();
  for (const option of command.options) {
    if (!NAME.test(option.name)) throw new Error(`${where}: option "${option.name}" is not a valid name.`);
    if (names.has(option.name)) throw new Error(`${where}: option ${option.name} is declared twice.`);
    if (option.description.length < 1 || option.description.length > 100) throw new Error(`${where}: option ${option.name} needs a description of 1-100 characters.`);
    if (option.kind === 'choice' && option.default !== undefined && !option.choices.includes(option.default)) throw new Error(`${where}: option ${option.name}'s default is not one of its choices.`);
    names.add(option.name);
  }
  // Only one option can take the leading bare word (positional-option.ts).
  if (command.options.filter((o) => o.kind === 'choice' && o.positional).length > 1) throw new Error(`${where}: at most one option may be positional.`);
  for (const group of command.exclusive) {
    for (const member of group.members) {
      if (!names.has(member)) throw new Error(`${where}: exclusive group names unknown option ${member}.`);
    }
  }
  if (command.examples.length === 0) throw new Error(`${where}: give at least one example.`);
}
