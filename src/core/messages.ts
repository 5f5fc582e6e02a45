/**
 * Every sentence a user can see when the input is wrong lives here, so the wording stays
 * consistent and can be improved in one place. Each names the option, the value and what is
 * expected; the usage line is added by dispatch.
 */
import { formatCount, formatNumber } from './format.js';

const MAX_QUOTED = 40;

/** Quote a user's value, shortened so one bad list cannot flood the reply. */
export function quote(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_QUOTED ? `"${oneLine.slice(0, MAX_QUOTED - 1)}…"` : `"${oneLine}"`;
}

function waitSeconds(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

export const messages = {
  emptyCommand: (known: string[]) => `Type a command, for example /${known[0] ?? 'logloss'}; the commands are ${known.map((k) => `/${k}`).join(', ')}.`,
  unknownCommand: (name: string, known: string[], suggestion?: string) =>
    `There is no command ${quote(`/${name}`)}${suggestion ? `; did you mean /${suggestion}?` : '.'} The commands are ${known.map((k) => `/${k}`).join(', ')}.`,
  badSyntax: (text: string) => `I could not read ${quote(text)}: options are written as name=value, for example p=0.9,0.2.`,
  unknownOption: (command: string, name: string, known: string[], suggestion?: string) =>
    `/${command} has no option ${quote(name)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}; its options are ${known.join(', ')}.`,
  duplicateOption: (name: string) => `The option ${name} is given twice; give it once.`,
  missingOption: (name: string, what: string) => `The option ${name} is missing: it takes ${what}.`,
  missingOneOf: (names: readonly string[]) => `Give one of ${names.join(', ')}.`,
  conflicting: (names: readonly string[]) => `Give only one of ${names.join(', ')}, not several.`,
  emptyValue: (name: string, what: string) => `The option ${name} is empty: it takes ${what}.`,
  notANumber: (name: string, token: string, what: string) => `${name}: ${quote(token)} is not a number; expected ${what}.`,
  notFinite: (name: string, token: string, what: string) => `${name}: ${quote(token)} is not a finite number; expected ${what}.`,
  outOfRange: (name: string, token: string, what: string) => `${name}: ${quote(token)} is out of range; expected ${what}.`,
  looksLikePercent: (name: string, token: string, value: number) =>
    `${name}: ${quote(token)} is not a probability (expected a number from 0 to 1); did you mean ${formatNumber(value / 100, 6)}? Write ${token}% to give a percentage.`,
  percentBelowOne: (name: string, token: string, value: number) =>
    `${name}: ${quote(token)} is ${formatNumber(value, 6)} as a probability; did you mean ${formatNumber(value * 100, 6)}? Write ${formatNumber(value * 100, 6)} for that probability, or ${formatNumber(value, 6)} if you really mean ${token}.`,
  looksSwapped: (soft: number, swapped: string) =>
    `y and p look swapped: y holds ${formatNumber(soft, 6)}, which is not a 0/1 label, while p holds only 0s and 1s. Did you mean ${swapped}?`,
  valueCutOff: (name: string, cap: number, platform: string, csvOption?: string) =>
    `${name} is ${formatCount(cap)} characters long, the most ${platform} keeps per option, so it may have been cut off; ${csvOption ? `attach the data as a CSV file (${csvOption}) instead` : 'give fewer values'}.`,
  invalidChoice: (name: string, value: string, choices: readonly string[]) =>
    `${name}: ${quote(value)} is not one of ${choices.join(', ')}.`,
  lengthMismatch: (a: string, na: number, b: string, nb: number) =>
    `${b} has ${formatCount(nb)} value${nb === 1 ? '' : 's'} but ${a} has ${formatCount(na)}; give one ${b} for each ${a}.`,
  tooManyValues: (name: string, n: number, limit: number) =>
    `${name} has ${formatCount(n)} values; at most ${formatCount(limit)} fit in a message, so send longer data as a CSV file.`,
  classMismatch: (given: number, labels: string[]) =>
    `p has ${given} value${given === 1 ? '' : 's'} but q has ${labels.length} class${labels.length === 1 ? '' : 'es'} (${labels.slice(0, 8).join(', ')}${labels.length > 8 ? ', …' : ''}); give one p per class, in that order.`,
  badRows: (name: string, value: string, problem: string) =>
    `${name}: ${quote(value)} is not a list of rows: ${problem}; write rows as [[0.2,0.8],[0.6,0.4]].`,
  raggedRows: (name: string, row: number, n: number, width: number) =>
    `${name}: row ${row} has ${formatCount(n)} value${n === 1 ? '' : 's'} but row 1 has ${formatCount(width)}; give every row the same number of values.`,
  rowsNotAccepted: (name: string) => `${name} takes one flat list of numbers, not rows; write it as 0.9,0.2,0.7.`,
  nestedList: (name: string, value: string) =>
    `${name}: ${quote(value)} is a nested list; expected one flat list of probabilities, counts or labels (2-D input is not supported yet).`,
  labelsNeedLabels: () => 'p is given as labels but q as numbers; give both as labels (q=red,green p=red,red) or both as numbers.',
  weightsAllZero: (name: string) => `${name}: every weight is 0; give at least one positive weight.`,
  allZero: (name: string) => `${name}: every value is 0, so it is not a distribution; give at least one positive value.`,
  labelsNotBinary: (name: string, token: string) =>
    `${name}: ${quote(token)} is not a class label for logistic regression; expected every label to be 0 or 1.`,
  fitLabelsNotBinary: (label: number) => `y: ${label} is not a class label; logistic regression needs every label to be 0 or 1.`,
  fitOneClass: (label: 0 | 1, weighted: boolean) =>
    `y: ${weighted ? 'every point with a non-zero weight has label' : 'every label is'} ${label}, so there is nothing to separate; logistic regression needs both classes (some 0s and some 1s).`,
  fitXTooLarge: (largest: number) => `x: ${largest} is too large to fit reliably (the gradient would overflow); rescale x, e.g. standardise it.`,
  fitWeightsTooLarge: (largest: number) =>
    `w: weights as large as ${largest} make the fit's gradient overflow; divide every weight by the same number (the weighted loss stays the same, though the fit's L2 penalty then counts for more).`,
  fitConstantX: (value: number) => `x: every value is ${value}, so x cannot tell the classes apart; give x values that differ.`,
  fitNotConverged: (iterations: number) =>
    `x: logistic regression did not converge in ${iterations} iterations (scikit-learn would warn the same); try x values on a smaller scale, e.g. standardised.`,
  restarting: () => 'lossbot is restarting; try again in a few seconds.',
  restartedBeforeAnswer: () => 'lossbot is restarting, please ask again in a minute: this answer could not be finished before the restart.',
  busy: () => 'lossbot is busy with other requests right now; try again in a few seconds.',
  rateLimitedUser: (waitMs: number) => `You are sending commands faster than lossbot answers them for one person; try again in ${waitSeconds(waitMs)}.`,
  rateLimitedChannel: (waitMs: number) => `This channel is sending commands faster than lossbot answers them; try again in ${waitSeconds(waitMs)}.`,
  timedOut: (ms: number) => `That took longer than ${ms / 1000} s, so I stopped; try fewer points or a smaller file.`,
  commandTooLong: (length: number, limit: number) =>
    `The command is ${formatCount(length)} characters long; the most lossbot reads is ${formatCount(limit)} characters. Send long data as a CSV file.`,
  deriveTooManyPoints: (name: string, n: number, limit: number) =>
    `${name} has ${formatCount(n)} values; /derive writes every point into its equations, so it takes at most ${limit}. Use /logloss for more points.`,
  deriveLabelsNotBinary: (name: string, token: string) =>
    `${name}: ${quote(token)} is not a class label; the derivation models each label as a coin toss, so every label must be 0 or 1 (for more classes: /derive topic=categorical y=2 p=0.2,0.3,0.5).`,
  deriveClassesOnlyCategorical: (name: string, topic: string) =>
    `topic=${topic} takes one ${name} per point; rows of class probabilities (K classes) are for topic=categorical.`,
  deriveClassIndex: (token: string, k: number) =>
    `y: ${quote(token)} is not a class; with ${k} classes each label is the true class's number, 0 to ${k - 1} (class 0 is the first column).`,
  deriveTooManyClasses: (name: string, k: number, limit: number) =>
    `${name} has ${k} classes per point; /derive writes every class into its equations, so it takes at most ${limit}.`,
  deriveRowsMismatch: (name: string, rows: number, labels: number) =>
    `${name} has ${formatCount(rows)} row${rows === 1 ? '' : 's'} (points) but y has ${formatCount(labels)} label${labels === 1 ? '' : 's'}; give one true class per row.`,
  deriveRowSum: (row: number, sum: number) =>
    `p: row ${row} sums to ${formatNumber(sum, 6)}; each row holds one point's probabilities for every class, so it must sum to 1.`,
  deriveUnusedOption: (name: string, topic: string, what: string) => `topic=${topic} does not use ${name}: it takes ${what}.`,
  csvTooManyRows: (limit: number) => `The CSV has more than ${formatCount(limit)} rows, the most lossbot reads.`,
  csvTooLarge: (bytes: number, limit: number) =>
    `The CSV is ${formatCount(bytes)} bytes; the most lossbot reads is ${formatCount(limit)} bytes.`,
  csvLargerThan: (limit: number) => `The CSV is larger than ${formatCount(limit)} bytes, the most lossbot reads.`,
  csvCell: (row: number, column: string, cell: string, what: string) =>
    `CSV row ${formatCount(row)}, column ${column}: ${quote(cell)} is not ${what}.`,
  csvColumns: (row: number, found: number, expected: number) =>
    `CSV row ${formatCount(row)} has ${found} column${found === 1 ? '' : 's'}; expected ${expected}, like the first row.`,
  csvHeader: (header: string) =>
    `The CSV header ${quote(header)} does not name the columns lossbot reads: y with p, logit or x (and optionally w).`,
  csvNoHeader: (found: number, layouts: string[]) =>
    `The CSV has ${found} column${found === 1 ? '' : 's'} and no header; without a header lossbot reads ${layouts.join(' or ')}, so add a header line naming the columns (y, p, logit, x, w).`,
  csvEmpty: () => 'The CSV has no data rows.',
  csvNoLabels: () => 'The CSV has no y column: lossbot needs the true labels y beside p, logit or x.',
  csvNoPrediction: () => 'The CSV has no p, logit or x column: lossbot needs one of them beside the labels y.',
  csvManyPredictions: (names: string[]) => `The CSV has columns ${names.join(', ')}; give only one of p, logit or x.`,
  csvWithInline: (name: string) => `${name} cannot be combined with file=: put the data in the CSV's columns instead.`,
  notCsv: (name: string, kind: string) => `${quote(name)} is not a CSV file (${kind}); attach a .csv with columns y,p or y,logit or x,y.`,
  notYourPages: (line: string) => `Only the person who asked can page through this derivation; run it yourself with ${line}.`,
  // /practice and /answer
  practiceSeed: (token: string) => `seed: ${quote(token)} is not a whole number from 0 to 4294967295; give one, for example seed=7.`,
  practiceUnknownId: (id: string) => `id: ${quote(id)} is not a practice problem; ids look like bce1a-7f3a, as /practice gives them.`,
  answerNotANumber: (token: string) => `value: ${quote(token)} is not a number; give your answer as one number, for example value=0.163 (or 16.3%).`,
  answerOneValue: (n: number) => `value has ${formatCount(n)} values; give one number, your answer.`,
  answerMissingValue: () => 'The option value is missing: give your answer, for example value=0.163, or ask for show=hint or show=solution.',
  fileUnreadable: (source: string, reason: string) => `I could not read the file ${quote(source)}: ${reason}.`,
} as const;
