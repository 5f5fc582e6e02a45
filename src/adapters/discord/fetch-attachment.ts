import { messages } from '../../core/messages.js';
import { err, ok } from '../../core/result.js';
import { userError, type Parsed, type UserError } from '../../core/user-error.js';

/** What a download may touch: the URL is the user's, so each limit is enforced, not trusted. */
export interface DownloadPolicy {
  /** Origins such as `https://cdn.discordapp.com`; the URL and every redirect must be on one of them. */
  allowedOrigins: readonly string[];
  /** Body bytes read before giving up; at most this plus one network chunk is ever held. */
  maxBytes: number;
  /** One deadline for connecting, the headers and the whole body, so a trickling body cannot hold a request. */
  timeoutMs: number;
  /** The caller's own limit (the request's timeout); aborting it stops the download. */
  signal?: AbortSignal;
}

/** Enough for a file host that moves a file once or twice; a longer chain is refused, not followed. */
const MAX_REDIRECTS = 2;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const unreadable = (name: string, reason: string): UserError => userError('file-unreadable', messages.fileUnreadable(name, reason), 'file');

/** `origin` of an http(s) URL; other schemes (file:, data:) have the opaque origin "null" and never match. */
function originOf(raw: string, base?: string): string | undefined {
  if (!URL.canParse(raw, base)) return undefined;
  const url = new URL(raw, base);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  return url.origin;
}

/**
 * Downloads a user's attachment as text without trusting it: only from the allowed origins (no
 * redirect elsewhere), no more than `maxBytes` (counted while streaming, whatever the headers or
 * the platform's metadata claim), within one deadline. Every failure is a UserError, never a throw.
 * `name` is what the user calls the file, for the messages.
 */
export async function fetchAttachmentText(url: string, policy: DownloadPolicy, name: string = url): Promise<Parsed<string>> {
  if (policy.signal?.aborted) return err(unreadable(name, 'the request was stopped before the download began'));
  const allowed = new Set(policy.allowedOrigins.map((o) => originOf(o)).filter((o) => o !== undefined));
  const stop = new AbortController();
  let timedOut = false;
  const deadline = setTimeout(() => { timedOut = true; stop.abort(); }, policy.timeoutMs);
  const onCallerAbort = (): void => stop.abort();
  policy.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    let current = url;
    for (let redirects = 0; ; redirects += 1) {
      const origin = originOf(current);
      if (origin === undefined || !allowed.has(origin)) {
        return err(unreadable(name, redirects === 0 ? 'it is not on a file host lossbot downloads from' : 'the file host sent the download elsewhere'));
      }
      const response = await fetch(current, { redirect: 'manual', signal: stop.signal });
      if (!REDIRECTS.has(response.status)) return await readText(response, policy.maxBytes, name);
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (location === null) return err(unreadable(name, `the file host answered ${response.status}`));
      if (redirects >= MAX_REDIRECTS) return err(unreadable(name, 'the file host redirected it too often'));
      current = URL.canParse(location, current) ? new URL(location, current).href : '';
    }
  } catch {
    if (timedOut) return err(unreadable(name, `the download took longer than ${policy.timeoutMs / 1000} s`));
    if (policy.signal?.aborted) return err(unreadable(name, 'the request was stopped before the download finished'));
    return err(unreadable(name, 'the download failed; try again'));
  } finally {
    clearTimeout(deadline);
    policy.signal?.removeEventListener('abort', onCallerAbort);
    // After an early return (too large, binary) this closes the connection instead of draining it.
    stop.abort();
  }
}

async function readText(response: Response, maxBytes: number, name: string): Promise<Parsed<string>> {
  if (!response.ok) return err(unreadable(name, `the file host answered ${response.status}`));
  // fetch decompresses, so a compressed body's Content-Length does not bound the text; the count below does.
  const declared = Number(response.headers.get('content-length'));
  if (!response.headers.has('content-encoding') && declared > maxBytes) {
    return err(userError('csv-too-large', messages.csvTooLarge(declared, maxBytes), 'file'));
  }
  if (!response.body) return ok('');
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) return err(userError('csv-too-large', messages.csvLargerThan(maxBytes), 'file'));
    // A binary file (an image renamed .csv) has NUL bytes; text never does.
    if (value.includes(0)) return err(userError('csv-invalid', messages.notCsv(name, 'binary data'), 'file'));
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return ok(parts.join(''));
}
