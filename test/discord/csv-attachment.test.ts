import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, describe, test } from 'node:test';
import { Attachment, type APIAttachment } from 'discord.js';
import { allowedAttachmentOrigins, attachmentReader } from '../../src/adapters/discord/csv-attachment.js';
import { LIMITS } from '../../src/core/limits.js';
import { fileServers, redirectTo, sendText, streamBytes, trickle } from './file-server.js';

/** discord.js builds Attachments from the API's JSON; its constructor is private in the typings only. */
const AttachmentFromApi = Attachment as unknown as new (data: APIAttachment) => Attachment;

function attachment(url: string, extra: Partial<APIAttachment> = {}): Attachment {
  return new AttachmentFromApi({ id: '400000000000000004', filename: 'data.csv', size: 100, url, proxy_url: url, content_type: 'text/csv', ...extra });
}

const { serve, stopAll } = fileServers();
after(stopAll);

describe('attachmentReader: where a Discord attachment may come from', { timeout: 10_000 }, () => {
  test('GIVEN no test origin THEN only Discord\'s attachment hosts over https are allowed; GIVEN one THEN only it', () => {
    assert.deepEqual(allowedAttachmentOrigins({}), ['https://cdn.discordapp.com', 'https://media.discordapp.net']);
    assert.deepEqual(allowedAttachmentOrigins({ attachmentOrigin: 'http://127.0.0.1:5000/' }), ['http://127.0.0.1:5000']);
  });

  test('GIVEN an attachment URL on 127.0.0.1 and no test origin THEN it is refused and no connection is made', async () => {
    const server = await serve(sendText('y,p\n1,0.9\n'));
    const result = await attachmentReader(attachment(`${server.origin}/data.csv`), {})('data.csv');
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'file-unreadable');
    assert.equal(server.connections, 0);
  });

  test('GIVEN the attachment host redirects to another server THEN the redirect is not followed', async () => {
    const elsewhere = await serve(sendText('y,p\n1,0.9\n'));
    const host = await serve(redirectTo(`${elsewhere.origin}/data.csv`));
    const result = await attachmentReader(attachment(`${host.origin}/data.csv`), { attachmentOrigin: host.origin })('data.csv');
    assert.equal(!result.ok && result.error.code, 'file-unreadable');
    assert.equal(elsewhere.connections, 0);
  });

  test('GIVEN an option value that names no attachment of this command THEN nothing is fetched', async () => {
    const server = await serve(sendText('y,p\n1,0.9\n'));
    const read = attachmentReader(attachment(`${server.origin}/data.csv`), { attachmentOrigin: server.origin });
    assert.equal((await read('other.csv')).ok, false);
    assert.equal((await attachmentReader(null, { attachmentOrigin: server.origin })('data.csv')).ok, false);
    assert.equal(server.connections, 0);
  });
});

describe('attachmentReader: the download is bounded', { timeout: 10_000 }, () => {
  test('GIVEN an attachment declared as 100 bytes whose body streams past the limit THEN it is cut off and the socket closed early', async () => {
    // Far past the limit: loopback socket buffers took up to 5.4 MB beyond what the client read (measured here).
    const total = 3 * LIMITS.csvBytes;
    const server = await serve(streamBytes(total));
    const result = await attachmentReader(attachment(`${server.origin}/data.csv`, { size: 100 }), { attachmentOrigin: server.origin })('data.csv');
    assert.equal(!result.ok && result.error.code, 'csv-too-large');
    const served = await server.served.next((r) => r.path === '/data.csv');
    assert.equal(served.finished, false, `the whole body was sent (${served.written} bytes)`);
    assert.ok(served.written < total);
  });

  test('GIVEN the request\'s signal is aborted while the body trickles THEN the reader answers at once', async () => {
    const server = await serve(trickle());
    const request = new AbortController();
    void server.requests.next(() => true).then(() => request.abort());
    const started = performance.now();
    const result = await attachmentReader(attachment(`${server.origin}/data.csv`), { attachmentOrigin: server.origin })('data.csv', request.signal);
    assert.equal(!result.ok && result.error.code, 'file-unreadable');
    assert.ok(performance.now() - started < 2_000, `answered after ${Math.round(performance.now() - started)} ms`);
  });

  test('GIVEN a good CSV from the test origin THEN its text; a NUL-containing one THEN "not a CSV"', async () => {
    const good = await serve(sendText('y,p\n1,0.9\n0,0.2\n'));
    assert.deepEqual(await attachmentReader(attachment(`${good.origin}/data.csv`), { attachmentOrigin: good.origin })('data.csv'), { ok: true, value: 'y,p\n1,0.9\n0,0.2\n' });
    const binary = await serve(sendText(Buffer.from('y,p\n\0\0\0\n')));
    const result = await attachmentReader(attachment(`${binary.origin}/data.csv`), { attachmentOrigin: binary.origin })('data.csv');
    assert.equal(!result.ok && result.error.code, 'csv-invalid');
  });
});
