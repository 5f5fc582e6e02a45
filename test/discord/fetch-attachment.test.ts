import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { fetchAttachmentText, type DownloadPolicy } from '../../src/adapters/discord/fetch-attachment.js';
import type { Parsed } from '../../src/core/user-error.js';
import { fileServers, redirectTo, sendText, silence, streamBytes, trickle, type FileServer } from './file-server.js';

const DISCORD_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];
const KIB = 1024;

const { serve, stopAll } = fileServers();
after(stopAll);

function policyFor(server: FileServer, extra: Partial<DownloadPolicy> = {}): DownloadPolicy {
  return { allowedOrigins: [server.origin], maxBytes: 64 * KIB, timeoutMs: 2_000, ...extra };
}

function failure(result: Parsed<string>): { code: string; message: string } {
  assert.equal(result.ok, false, 'expected the download to be refused');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('fetchAttachmentText: only the allowed hosts', { timeout: 10_000 }, () => {
  let server: FileServer;
  before(async () => { server = await serve(sendText('y,p\n1,0.9\n')); });

  test('GIVEN a 127.0.0.1 URL while only Discord\'s hosts are allowed THEN it is refused and no connection is made', async () => {
    const result = await fetchAttachmentText(`${server.origin}/data.csv`, { allowedOrigins: DISCORD_ORIGINS, maxBytes: 64 * KIB, timeoutMs: 2_000 }, 'data.csv');
    const error = failure(result);
    assert.equal(error.code, 'file-unreadable');
    assert.match(error.message, /"data\.csv"/);
    assert.equal(server.connections, 0);
  });

  test('GIVEN http:// where only https:// on that host is allowed THEN it is refused and no connection is made', async () => {
    const httpsOnly = server.origin.replace(/^http:/, 'https:');
    const error = failure(await fetchAttachmentText(`${server.origin}/data.csv`, { allowedOrigins: [httpsOnly], maxBytes: 64 * KIB, timeoutMs: 2_000 }));
    assert.equal(error.code, 'file-unreadable');
    assert.equal(server.connections, 0);
  });

  test('GIVEN a look-alike host, another port, credentials or no URL at all THEN each is refused before connecting', async () => {
    const port = Number(new URL(server.origin).port);
    for (const url of [
      'https://cdn.discordapp.com.evil.example/a.csv',
      'https://cdn.discordapp.com:8443/a.csv',
      'https://user:pw@cdn.discordapp.com/a.csv',
      `http://127.0.0.1:${port + 1}/a.csv`,
      'not a url',
    ]) {
      const error = failure(await fetchAttachmentText(url, { allowedOrigins: [...DISCORD_ORIGINS, server.origin], maxBytes: 64 * KIB, timeoutMs: 2_000 }));
      assert.equal(error.code, 'file-unreadable', url);
    }
    assert.equal(server.connections, 0);
  });
});

describe('fetchAttachmentText: redirects', { timeout: 10_000 }, () => {
  test('GIVEN the allowed origin redirects to another server THEN the redirect is not followed', async () => {
    const elsewhere = await serve(sendText('y,p\n1,0.9\n'));
    const allowed = await serve(redirectTo(`${elsewhere.origin}/data.csv`));
    const error = failure(await fetchAttachmentText(`${allowed.origin}/data.csv`, policyFor(allowed), 'data.csv'));
    assert.equal(error.code, 'file-unreadable');
    assert.equal(allowed.requests.all.length, 1);
    assert.equal(elsewhere.connections, 0, 'the other server saw no request');
  });

  test('GIVEN a redirect that stays on the allowed origin THEN it is followed, but an endless chain is refused', async () => {
    const server = await serve((req, res, count) => {
      if (req.url === '/old.csv') return redirectTo('/data.csv', 301)(req, res, count);
      if (req.url?.startsWith('/loop')) return redirectTo(`/loop${Number(req.url.slice(5) || 0) + 1}`)(req, res, count);
      return sendText('y,p\n1,0.9\n')(req, res, count);
    });
    assert.deepEqual(await fetchAttachmentText(`${server.origin}/old.csv`, policyFor(server)), { ok: true, value: 'y,p\n1,0.9\n' });
    assert.equal(failure(await fetchAttachmentText(`${server.origin}/loop`, policyFor(server))).code, 'file-unreadable');
    assert.ok(server.requests.all.filter((r) => r.path.startsWith('/loop')).length <= 3, 'at most two redirects are followed');
  });
});

describe('fetchAttachmentText: the byte limit while streaming', { timeout: 10_000 }, () => {
  test('GIVEN a 10 MB chunked body and a 64 KiB limit THEN it is cut off after about the limit and the socket is closed early', async () => {
    const total = 10 * 1024 * KIB;
    const server = await serve(streamBytes(total));
    const error = failure(await fetchAttachmentText(`${server.origin}/big.csv`, policyFor(server), 'big.csv'));
    assert.equal(error.code, 'csv-too-large');
    assert.match(error.message, /65,536 bytes/, 'the message names the limit');
    const served = await server.served.next((r) => r.path === '/big.csv');
    assert.equal(served.finished, false, 'the client closed the socket before the body ended');
    assert.ok(served.written < total, `the server wrote ${served.written} of ${total} bytes`);
  });

  test('GIVEN a Content-Length above the limit THEN it is refused before the body is read', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(300 * 1024 * KIB) });
      res.write('y,p\n');
    });
    const error = failure(await fetchAttachmentText(`${server.origin}/declared.csv`, policyFor(server)));
    assert.equal(error.code, 'csv-too-large');
    assert.match(error.message, /314,572,800 bytes/, 'the message names the declared size');
    assert.equal((await server.served.next((r) => r.path === '/declared.csv')).finished, false);
  });
});

describe('fetchAttachmentText: the deadline and the caller\'s signal', { timeout: 10_000 }, () => {
  test('GIVEN a body that trickles forever THEN the download is aborted at the deadline', async () => {
    const server = await serve(trickle());
    const started = performance.now();
    const error = failure(await fetchAttachmentText(`${server.origin}/slow.csv`, policyFor(server, { timeoutMs: 300 })));
    const elapsed = performance.now() - started;
    assert.equal(error.code, 'file-unreadable');
    assert.match(error.message, /longer than 0\.3 s/);
    assert.ok(elapsed >= 290 && elapsed < 2_000, `aborted after ${Math.round(elapsed)} ms`);
    assert.equal((await server.served.next((r) => r.path === '/slow.csv')).finished, false);
  });

  test('GIVEN a server that never sends its headers THEN the same deadline applies', async () => {
    const server = await serve(silence());
    const started = performance.now();
    const error = failure(await fetchAttachmentText(`${server.origin}/mute.csv`, policyFor(server, { timeoutMs: 300 })));
    assert.equal(error.code, 'file-unreadable');
    assert.ok(performance.now() - started < 2_000);
  });

  test('GIVEN the caller aborts its signal mid-download THEN the download stops at once', async () => {
    const server = await serve(trickle());
    const caller = new AbortController();
    void server.requests.next((r) => r.path === '/cancel.csv').then(() => caller.abort());
    const started = performance.now();
    const error = failure(await fetchAttachmentText(`${server.origin}/cancel.csv`, policyFor(server, { timeoutMs: 5_000, signal: caller.signal })));
    assert.equal(error.code, 'file-unreadable');
    assert.ok(performance.now() - started < 2_000);
    assert.equal((await server.served.next((r) => r.path === '/cancel.csv')).finished, false);
  });

  test('GIVEN a signal already aborted THEN nothing is fetched', async () => {
    const server = await serve(sendText('y,p\n1,0.9\n'));
    const error = failure(await fetchAttachmentText(`${server.origin}/data.csv`, policyFor(server, { signal: AbortSignal.abort() })));
    assert.equal(error.code, 'file-unreadable');
    assert.equal(server.connections, 0);
  });
});

describe('fetchAttachmentText: the content', { timeout: 10_000 }, () => {
  test('GIVEN a good CSV THEN its text is returned', async () => {
    const csv = 'y,p\n1,0.9\n0,0.2\n1,0.7\n';
    const server = await serve(sendText(csv));
    assert.deepEqual(await fetchAttachmentText(`${server.origin}/data.csv`, policyFor(server)), { ok: true, value: csv });
  });

  test('GIVEN a body of exactly the limit THEN it is read; one byte more THEN it is refused', async () => {
    const exact = await serve(streamBytes(64 * KIB, 10_000));
    const result = await fetchAttachmentText(`${exact.origin}/exact.csv`, policyFor(exact));
    assert.equal(result.ok && result.value.length, 64 * KIB);
    const over = await serve(streamBytes(64 * KIB + 1, 10_000));
    assert.equal(failure(await fetchAttachmentText(`${over.origin}/over.csv`, policyFor(over))).code, 'csv-too-large');
  });

  test('GIVEN a body with NUL bytes (an image renamed .csv) THEN it is refused as not a CSV', async () => {
    const server = await serve(sendText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d]), 'text/csv'));
    const error = failure(await fetchAttachmentText(`${server.origin}/cat.csv`, policyFor(server), 'cat.csv'));
    assert.equal(error.code, 'csv-invalid');
    assert.match(error.message, /"cat\.csv" is not a CSV file \(binary data\)/);
  });

  test('GIVEN the host answers 404 THEN one sentence saying the download failed', async () => {
    const server = await serve((_req, res) => { res.writeHead(404); res.end('gone'); });
    const error = failure(await fetchAttachmentText(`${server.origin}/gone.csv`, policyFor(server), 'gone.csv'));
    assert.equal(error.code, 'file-unreadable');
    assert.match(error.message, /^I could not read the file "gone\.csv": .*404/);
  });
});
