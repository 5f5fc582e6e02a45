import type { Command } from './command.js';
import type { ExclusiveGroup, OptionSpec } from './options.js';

function optionUsage(spec: OptionSpec): string {
  if (spec.kind === 'choice' && spec.positional) return spec.choices.join('|');
  return spec.kind === 'choice' ? `${spec.name}=${spec.choices.join('|')}` : `${spec.name}=${spec.placeholder}`;
}

/** Options made unnecessary by a csv option (requiredUnless) belong to the inline form only. */
function csvOptionNames(command: Command): Set<string> {
  return new Set(command.options.filter((o) => o.kind === 'csv').map((o) => o.name));
}

/**
 * Usage lines generated from the declaration: the inline form first, then one line per csv option
 * (`/logloss file=<data.csv> [base=e|2|10]`).
 */
export function usageLines(command: Command): string[] {
  const csv = csvOptionNames(command);
  const shownGroups = new Set<ExclusiveGroup>();
  const parts: string[] = [];
  for (const spec of command.options) {
    if (csv.has(spec.name)) continue;
    const group = command.exclusive.find((g) => g.members.includes(spec.name));
    if (!group) {
      parts.push(spec.required ? optionUsage(spec) : `[${optionUsage(spec)}]`);
      continue;
    }
    if (shownGroups.has(group)) continue;
    shownGroups.add(group);
    const alternatives = command.options.filter((o) => group.members.includes(o.name) && !csv.has(o.name)).map(optionUsage).join(' | ');
    parts.push(group.required ? `(${alternatives})` : `[${alternatives}]`);
  }
  const lines = [`/${command.name} ${parts.join(' ')}`.trim()];
  for (const name of csv) {
    const spec = command.options.find((o) => o.name === name);
    if (!spec) continue;
    const extras = command.options.filter((o) => o.kind === 'choice').map((o) => `[${optionUsage(o)}]`);
    lines.push([`/${command.name}`, optionUsage(spec), ...extras].join(' '));
  }
  return lines;
}

export function usageText(command: Command): string {
  return `Usage: ${usageLines(command).join('  or  ')}`;
}

/** The help a person reads: description, usage, options and examples. */
export function helpText(command: Command): string {
  const options = command.options.map((o) => `  ${o.name.padEnd(7)} ${o.description}${o.required ? ' (required)' : ''}`);
  return [
    `/${command.name} — ${command.description}`,
    usageText(command),
    'Options:',
    ...options,
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
  ].join('\n');
}
