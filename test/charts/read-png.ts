import { inflateSync } from 'node:zlib';

/**
 * Reads the PNGs lossbot writes (8-bit RGBA, filter None) back into RGB pixels and their alpha,
 * so tests can check size and content without another native image library.
 */
export function readPng(png: Uint8Array): { width: number; height: number; pixels: Buffer; alpha: Buffer } {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6) throw new Error('expected 8-bit RGBA');
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  if (raw.length !== stride * height) throw new Error(`IDAT holds ${raw.length} bytes, expected ${stride * height}`);
  const pixels = Buffer.alloc(width * height * 3);
  const alpha = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * stride] !== 0) throw new Error('expected filter type None');
    for (let x = 0; x < width; x++) {
      const from = y * stride + 1 + x * 4;
      const to = y * width + x;
      pixels[to * 3] = raw[from] as number;
      pixels[to * 3 + 1] = raw[from + 1] as number;
      pixels[to * 3 + 2] = raw[from + 2] as number;
      alpha[to] = raw[from + 3] as number;
    }
  }
  return { width, height, pixels, alpha };
}
