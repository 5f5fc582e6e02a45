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

/** Classes named in a sentence: the first 8, then an ellipsis. */
function listClasses(classes: readonly string[]): string {
  return classes.slice(0, 8).join(', ') + (classes.length > 8 ? ', …' : '');
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
    `${name}: ${quote(value)} mixes brackets into a list; give one flat list of probabilities, counts or labels (0.2,0.8), or rows with every row bracketed ([[0.2,0.8],[0.6,0.4]]).`,
  baseIsOne: (token: string) =>
    `base: ${quote(token)} cannot be a logarithm base: the logarithm of 1 is 0, so log₁ x = ln x / ln 1 divides by 0 and nothing could be measured; give e, 2, 10 or any number above 1.`,
  baseBelowOne: (token: string) =>
    `base: ${quote(token)} is below 1, and in a base below 1 information would come out negative; give e, 2, 10 or any number above 1.`,
  baseNotPositive: (token: string) =>
    `base: ${quote(token)} is not a logarithm base, since a logarithm needs a positive base (and information comes out positive only above 1); give e, 2, 10 or any number above 1.`,
  rowsNeedNumbers: (name: string, token: string) =>
    `${name}: ${quote(token)} is not a number; rows of values hold probabilities or counts, while labels to count are one flat list (q=red,red,green).`,
  badAxis: (token: string) =>
    `axis: ${quote(token)} is not 0 or 1; axis=0 takes each column of q as a distribution (scipy.stats.entropy's default), axis=1 each row.`,
  axisNeedsRows: () => 'axis: q is one flat list, so it is one distribution and has no axis to choose; leave axis out, or write q as rows ([[0.2,0.8],[0.6,0.4]]).',
  shapeMismatch: (q: string, p: string) => `p is ${p} but q is ${q}; give p the same shape as q, one value for each value of q.`,
  distributionAllZero: (name: string, which: string) =>
    `${name}: ${which} is all 0, so it is not a distribution; give every ${which.split(' ')[0]} at least one positive value (or choose the other axis).`,
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
  fitSeparable: (columns: number) =>
    `x: ${columns === 1 ? 'one threshold on x' : 'a plane through the features'} separates the 0s from the 1s, so with penalty=none the weights grow without limit and the fit has no optimum; use penalty=l2 (the default, with C), or data whose classes overlap.`,
  fitCollinear: (column: number, intercept: boolean) =>
    `x: column ${column} ${column > 1 ? `is a linear combination of the columns before it${intercept ? ' and the intercept' : ''}` : intercept ? 'is constant, as the intercept is' : 'is 0 at every point'}, so with penalty=none the fit has no single optimum; drop that column or use penalty=l2.`,
  // Multi-class /logloss: the options that stay binary.
  posWeightBinaryOnly: (value: string) =>
    `pos_weight=${value} is PyTorch's BCEWithLogitsLoss option for labels of two classes; with a column of p per class there is no positive class to weigh, so leave pos_weight out (w= weighs points).`,
  binsBinaryOnly: (value: string) =>
    `bins=${value} sets the reliability diagram of a binary prediction; with a column of p per class there is no single probability to bin, so leave bins out.`,
  fitOptionWithoutX: (name: string, given: string) =>
    `${name} is an option of the logistic-regression fit, which runs only with x (features); with ${given} there is nothing to fit, so leave ${name} out.`,
  fitOptionOneValue: (name: string, value: string, what: string) => `${name}: ${quote(value)} is not one value; expected ${what}.`,
  fitOptionValue: (name: string, value: string, what: string) => `${name}: ${quote(value)} is not ${what}.`,
  classWeightUnknownLabel: (label: string) =>
    `class_weight: ${quote(label)} is not a class; the labels are 0 and 1, so write class_weight=0:1,1:3 or class_weight=balanced.`,
  classWeightTwice: (label: string) => `class_weight: the class ${label} is given twice; give each class one weight.`,
  featureRowsMismatch: (rows: number, labels: number, columns: number) =>
    `x has ${formatCount(rows)} row${rows === 1 ? '' : 's'} of ${formatCount(columns)} features but y has ${formatCount(labels)} label${labels === 1 ? '' : 's'}; rows are points, so give one row of x per label (x=[[x1,x2],[x1,x2],…]).`,
  csvMixedFeatures: () => 'The CSV has both an x column and numbered x1, x2, … columns; name one feature x, or several x1, x2, ….',
  fitNotConverged: (iterations: number) =>
    `x: logistic regression did not converge in ${iterations} Newton steps; try x values on a smaller scale, e.g. standardised.`,
  labelsKindMismatch: (yWords: boolean) =>
    `labels= and y must name the classes alike: y holds ${yWords ? 'words' : 'numbers'} but labels= holds ${yWords ? 'numbers' : 'words'}.`,
  labelsTwice: (label: string) => `labels: ${quote(label)} is listed twice; name each class once, in the order of p's columns.`,
  labelNotListed: (label: string, classes: readonly string[]) =>
    `y: ${quote(label)} is not one of the classes ${listClasses(classes)}; add it to labels= (one name per column of p).`,
  labelsVsColumns: (columns: number, named: number) =>
    `p has ${formatCount(columns)} columns but labels= names ${formatCount(named)} class${named === 1 ? '' : 'es'}; give one label per column, in the columns' order.`,
  classesVsColumns: (columns: number, classes: readonly string[]) =>
    `p has ${formatCount(columns)} columns but y has ${formatCount(classes.length)} class${classes.length === 1 ? '' : 'es'} (${listClasses(classes)}); ` +
    (classes.length < columns
      ? `if a class has no point here, name every column's class in order with labels=, e.g. labels=${classes.slice(0, 8).join(',')}${classes.length > 8 ? ',…' : ''},<the missing class>.`
      : 'give p one column per class, in that order.'),
  rowsMismatch: (rows: number, labels: number) =>
    `p has ${formatCount(rows)} row${rows === 1 ? '' : 's'} but y has ${formatCount(labels)} label${labels === 1 ? '' : 's'}; give one row of probabilities for each label.`,
  labelsNotTwo: (named: number) =>
    `labels= names ${formatCount(named)} class${named === 1 ? '' : 'es'} but p gives one probability per point, which needs exactly 2 (the negative, then the positive class); for more classes give p as rows, one column per class.`,
  binaryManyClasses: (classes: readonly string[]) =>
    `y has ${formatCount(classes.length)} classes (${listClasses(classes)}) but p gives one probability per point; for more than 2 classes give p as rows, one column per class in this order, e.g. p=[[0.2,0.7,0.1],…].`,
  oneClassNamed: (label: string) =>
    `y: every label is ${quote(label)}, so I cannot tell which class p is the probability of; give both classes with labels=, the positive one second (e.g. labels=no,${label}).`,
  csvClassHeader: (header: string) =>
    `The CSV header ${quote(header)} has a y column but its other columns are neither p, logit or x nor at least 2 class columns; name one column per class after y, e.g. y,cat,dog,bird.`,
  csvClassCell: (row: number, column: string, cell: string) =>
    `CSV row ${formatCount(row)}, column ${column}: ${quote(cell)} is not a probability from 0 to 1.`,
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
  deriveOptionTopics: (name: string, topic: string, topics: readonly string[]) =>
    `topic=${topic} does not use ${name}: it applies to ${topics.map((t) => `topic=${t}`).join(', ')}.`,
  deriveSmoothingOutOfRange: (value: number) =>
    `smoothing: ${quote(String(value))} is out of range; expected a label smoothing s from 0 up to, but not including, 1 (each label y becomes y·(1−s) + s/K, K = 2 for binary).`,
  deriveOptionNeedsNumbers: (name: string, topic: string) =>
    `${name} changes the numbers of the derivation, so it needs your points too, for example /derive topic=${topic} y=1,0 p=0.8,0.3 ${name}=${name === 'pos_weight' ? 3 : 0.1}.`,
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
  // /logloss: library conventions, pos_weight, label smoothing, calibration bins.
  notOneValue: (name: string, n: number, what: string) => `${name} takes one number (${what}), not a list of ${formatCount(n)}.`,
  epsExpected: 'a clipping ε from 0 up to, but not including, 0.5',
  epsOutOfRange: (value: number) =>
    `eps: ${quote(String(value))} is out of range; expected a clipping ε from 0 (no clipping) up to, but not including, 0.5 (p is clipped to [ε, 1−ε]).`,
  posWeightExpected: 'a weight for the positive class above 0; 1 is the plain loss',
  posWeightOutOfRange: (value: number) => `pos_weight: ${quote(String(value))} is out of range; expected a weight for the positive class above 0 (1 is the plain loss).`,
  smoothingExpected: 'a label smoothing s from 0 up to, but not including, 1',
  smoothingOutOfRange: (value: number) =>
    `smoothing: ${quote(String(value))} is out of range; expected a label smoothing s from 0 up to, but not including, 1 (each label y becomes y·(1−s) + s/2).`,
  binsExpected: (max: number) => `a whole number of calibration bins from 1 to ${max}`,
  binsOutOfRange: (value: number, max: number) => `bins: ${quote(String(value))} is not a whole number of calibration bins from 1 to ${max}.`,
  // /practice and /answer
  practiceSeed: (token: string) => `seed: ${quote(token)} is not a whole number from 0 to 4294967295; give one, for example seed=7.`,
  practiceUnknownId: (id: string) => `id: ${quote(id)} is not a practice problem; ids look like bce1a-7f3a, as /practice gives them.`,
  // The examples are no practice problem's answer (0.163 is the card's), and read in an answer box too.
  answerNotANumber: (token: string) => `value: ${quote(token)} is not a number; give your answer as one number, such as 0.25 or 1.5 (a percentage like 25% is read as 0.25).`,
  answerOneValue: (n: number) => `value has ${formatCount(n)} values; give one number, your answer.`,
  answerMissingValue: () => 'The option value is missing: give your answer as one number, such as value=0.25, or ask for show=hint or show=solution.',
  fileUnreadable: (source: string, reason: string) => `I could not read the file ${quote(source)}: ${reason}.`,
  // Per-server settings (/lossbot settings) and what they turn off.
  settingOutsideSettings: (name: string, topic: string) => `${name} is a server setting: give it with /lossbot settings (for example /lossbot settings ${name}=…), not with /lossbot ${topic}.`,
  settingsNoServer: () => 'Settings belong to a Discord server or Slack workspace; here (a DM or this computer) there are none to change.',
  settingsNotAllowedDiscord: () => 'Only members with the Manage Server permission can change lossbot\'s settings here; anyone can view them with /lossbot settings.',
  settingsNotAllowedSlack: () => 'Only workspace admins and owners (or the users the bot\'s operator lists in SLACK_ADMIN_USERS) can change lossbot\'s settings; anyone can view them with /lossbot settings.',
  settingsChannelsOnDiscord: () =>
    'channels= is for Slack; on Discord, choose the channels lossbot works in under Server Settings → Integrations → lossbot (Discord\'s own per-channel command permissions).',
  settingsChannelsEmpty: () => 'channels: give channel names or ids, for example channels=#ml-help,C0123ABCD, or channels=all for every channel.',
  settingsChannelBad: (entry: string) => `channels: ${quote(entry)} is not a Slack channel name or id; names are lower-case letters, digits, - and _ (#ml-help), ids look like C0123ABCD.`,
  settingsUnreadable: () => 'The server\'s settings could not be read from the database just now, so the defaults apply; please try again in a minute.',
  settingsUnsaved: () => 'The database could not be reached, so nothing was changed; please try again in a minute.',
  settingsNoDatabase: () => 'This bot has no database, so its settings cannot be kept; every server runs with the defaults.',
  practiceOff: () => 'Practice is turned off in this server by its admins (/lossbot settings practice=on turns it back on).',
  leaderboardOff: () => 'The leaderboard is off in this server; its admins can turn it on with /lossbot settings leaderboard=on.',
  leaderboardNoServer: () => 'There is no leaderboard here: it ranks the students of one Discord server or Slack workspace.',
  channelNotAllowed: (channels: readonly string[]) =>
    `lossbot works only in ${channels.map((c) => (/^[CGD][A-Z0-9]{2,}$/.test(c) ? `<#${c}>` : `#${c.replace(/^#/, '')}`)).join(', ')} in this workspace, as its admins set; /lossbot settings works everywhere.`,
} as const;
