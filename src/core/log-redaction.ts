/**
 * Secrets that travel inside text: URLs, error messages, stacks. Discord puts the interaction
 * token in the path of every answer to an interaction, so a failed edit's error carries it in its
 * url; a Slack response_url is itself the credential for answering. Each pattern keeps what
 * identifies the call (host, route, ids) and replaces only the secret.
 */
export const REDACTED = '[redacted]';

/** Value characters of a token in a URL path or a header: stops at a separator, a quote or a backslash. */
const VALUE = String.raw`[^\s/?#&"'\\<>,;]+`;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // Discord: POST /interactions/<id>/<token>/callback, and /webhooks/<application id>/<token>/...
  [new RegExp(String.raw`(/(?:interactions|webhooks)/\d+/)${VALUE}`, 'g'), `$1${REDACTED}`],
  // Slack: a response_url (slash commands, actions) or an incoming webhook; the whole path is the secret.
  [/(hooks\.slack(?:-gov)?\.com\/(?:commands|actions|services|workflows|triggers))\/[^\s"'\\<>;,()[\]]+/gi, `$1/${REDACTED}`],
  // Slack: the pre-signed upload URL from files.getUploadURLExternal accepts a file without a token.
  [/(files\.slack\.com\/upload\/v\d+)\/[^\s"'\\<>;,()[\]]+/gi, `$1/${REDACTED}`],
  // Slack tokens: xoxb- (bot), xoxp- (user), xoxe- (refresh), xapp- (Socket Mode app token).
  [/\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g, `$1-${REDACTED}`],
  // An authorization header written out: "authorization: Bot <token>", "Authorization=Bearer <token>".
  [new RegExp(String.raw`\b((?:proxy-)?authorization["']?\s*[:=]\s*["']?)(?:(?:Bot|Bearer|Basic)\s+)?${VALUE}`, 'gi'), `$1${REDACTED}`],
  [/\b(Bot|[Bb]earer|[Bb]asic) [A-Za-z0-9._~+/=-]{16,}/g, `$1 ${REDACTED}`],
  // token=..., access_token=..., client_secret=..., in a query string or a message.
  [new RegExp(String.raw`\b([\w-]{0,40}(?:token|secret|password|signature)[\w-]{0,40}=)${VALUE}`, 'gi'), `$1${REDACTED}`],
  // "token": "...", as in a JSON body or an inspected object quoted in a message.
  [/(["']?\b[\w-]{0,40}(?:token|secret|password|authorization)[\w-]{0,40}["']?\s*:\s*)(["'])(?:(?!\2)[^\\]|\\.)*\2/gi, `$1$2${REDACTED}$2`],
  // A bare Discord bot token: base64 user id, a timestamp, an HMAC, dot-separated (JWTs share the shape).
  [/(?<![\w-])[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{25,}(?![\w-])/g, REDACTED],
];

/** `text` with every known secret shape replaced by "[redacted]"; other text is left as it was. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|signature|(?:response|upload)_?url|api_?key/i;

/** A field whose value is a secret whatever it looks like (a signing secret has no telltale shape). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
