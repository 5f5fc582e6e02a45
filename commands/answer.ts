import type { ParsedArgs } from '../src/core/args.js';
import { defineCommand } from '../src/core/command.js';
import { messages } from '../src/core/messages.js';
import { parseNumberToken } from '../src/core/parse-number.js';
import { err, ok } from '../src/core/result.js';
import { userError, type Parsed } from '../src/core/user-error.js';
import { buildAnswerReply, type AnswerRequest, type Show } from '../src/practice/answer-reply.js';
import { problemFromId } from '../src/practice/generate.js';

const SHOWS: readonly Show[] = ['check', 'hint', 'solution'];

export default defineCommand<AnswerRequest>({
  name: 'answer',
  description: 'Check your answer to a /practice problem; a wrong one gets its mistake named',
  options: [
    { name: 'show', kind: 'choice', choices: SHOWS, default: 'check', positional: true, placeholder: '<what>', description: 'check (default) your value; hint: the first step; solution: every step' },
    { name: 'id', kind: 'tokens', required: true, placeholder: '<problem id>', description: 'The problem id /practice gave, e.g. bce1a-7f3a' },
    { name: 'value', kind: 'tokens', placeholder: '<number>', description: 'Your answer, one number (16.3% is read as 0.163)' },
  ],
  examples: ['/answer id=bce1a-34b value=0.163', '/answer id=bce1a-34b show=hint', '/answer id=bce1a-34b solution'],
  check: checkAnswerRequest,
  // The verdict is the asker's alone, so classmates can still try the same problem.
  personal: () => true,
  run: async (request, ctx) => ok(await buildAnswerReply(request, ctx)),
});

/** `/answer id=… solution` as well as show=solution: a trailing bare word lands in the option before it. */
function trailingShow(tokens: readonly string[]): { tokens: string[]; show?: Show } {
  const last = tokens[tokens.length - 1]?.toLowerCase();
  if (tokens.length > 1 && (last === 'hint' || last === 'solution')) return { tokens: tokens.slice(0, -1), show: last };
  return { tokens: [...tokens] };
}

/** `value=0.163 nats`: the unit a student writes after the number is the one the question asked for. */
function withoutUnit(value: { tokens: string[]; show?: Show }): { tokens: string[]; show?: Show } {
  const last = value.tokens[value.tokens.length - 1] ?? '';
  return value.tokens.length === 2 && /^(nats?|bits?)$/i.test(last) ? { ...value, tokens: value.tokens.slice(0, 1) } : value;
}

function checkAnswerRequest(args: ParsedArgs): Parsed<AnswerRequest> {
  const id = trailingShow(args.tokens('id')?.tokens ?? []);
  const value = withoutUnit(trailingShow(args.tokens('value')?.tokens ?? []));
  const given = args.choice('show') as Show | undefined;
  const show = given !== undefined && given !== 'check' ? given : (value.show ?? id.show ?? 'check');
  const idText = id.tokens.join(' ');
  const problem = id.tokens.length === 1 ? problemFromId(idText) : undefined;
  if (!problem) return err(userError('unknown-problem', messages.practiceUnknownId(idText), 'id'));
  if (value.tokens.length > 1) return err(userError('too-many-values', messages.answerOneValue(value.tokens.length), 'value'));
  const token = value.tokens[0];
  if (token === undefined) {
    if (show === 'check') return err(userError('missing-option', messages.answerMissingValue(), 'value'));
    return ok({ problem, show, line: `/answer id=${problem.id} show=${show}` });
  }
  // Read as lossbot reads p: a trailing % divides by 100, and the minus signs it prints are accepted back.
  const percent = token.endsWith('%');
  const parsed = parseNumberToken(percent ? token.slice(0, -1) : token, { name: 'value', kind: 'numbers', placeholder: '<number>', description: '' });
  if (!parsed.ok) return err(userError(parsed.error.code, messages.answerNotANumber(token), 'value'));
  const number = percent ? parsed.value.value / 100 : parsed.value.value;
  const line = `/answer id=${problem.id} value=${String(number)}${show === 'check' ? '' : ` show=${show}`}`;
  return ok({ problem, value: number, ...(percent ? { percentToken: token } : {}), show, line });
}
