import { crc32, deflateSync } from 'node:zlib';
import type { Canvas } from 'canvas';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** zlib level 3: the fastest level before lazy matching; measured 7 ms against 31 ms for level 6 on a chart, for ~25% more bytes (~100 KB). */
const DEFLATE_LEVEL = 3;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * PNG bytes from a node-canvas canvas. node-canvas's own encoder (cairo, zlib level 6, adaptive
 * filters on RGBA) took most of a chart's time here; this writes an RGB PNG straight from the raw
 * pixels with Node's zlib. The backgrounds are opaque, so alpha carries nothing and cairo's
 * premultiplied BGRA is plain BGR (PNG spec, ISO/IEC 15948: IHDR, one IDAT, IEND).
 */
export function encodePng(canvas: Canvas): Uint8Array {
  const { width, height } = canvas;
  const bgra = canvas.toBuffer('raw');
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    let out = y * stride;
    rows[out++] = 0; // filter type None
    let src = y * width * 4;
    for (let x = 0; x < width; x++, src += 4) {
      rows[out++] = bgra[src + 2] as number;
      rows[out++] = bgra[src + 1] as number;
      rows[out++] = bgra[src] as number;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour RGB
  const png = Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: DEFLATE_LEVEL })), chunk('IEND', Buffer.alloc(0))]);
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/**
 * Encodes, then frees the canvas's pixels. A node-canvas 3.2 canvas whose pixels were read
 * (toBuffer('raw') or getImageData) keeps its cairo surface after garbage collection: measured
 * here, +2.2 MB of RSS per 1254x890 chart, 7 GB after 1,000 commands. Shrinking it to 1x1
 * releases the surface at once, and RSS stays flat.
 */
export function encodePngAndRelease(canvas: Canvas): Uint8Array {
  try {
    return encodePng(canvas);
  } finally {
    canvas.width = 1;
    canvas.height = 1;
  }
}
