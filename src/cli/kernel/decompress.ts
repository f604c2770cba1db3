/**
 * decompress.ts - a module file's bytes, whatever the kernel's CONFIG_MODULE_COMPRESS_* made of
 * it: plain .ko, .ko.gz (node:zlib), .ko.zst (fzstd, pure JavaScript) or .ko.xz (xz-decompress,
 * WebAssembly without native code). Node 20 has neither zstd nor xz built in. Recognised by the
 * magic bytes, not the name.
 */
import { gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { createRequire } from 'node:module';

// xz-decompress is a CommonJS bundle whose named export Node's ESM loader cannot see: require it.
const { XzReadableStream } = createRequire(import.meta.url)('xz-decompress') as typeof import('xz-decompress');

const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const GZIP = [0x1f, 0x8b];

const starts = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

export type Compression = 'none' | 'xz' | 'zstd' | 'gzip';

export function compressionOf(bytes: Uint8Array): Compression {
  if (starts(bytes, XZ)) return 'xz';
  if (starts(bytes, ZSTD)) return 'zstd';
  if (starts(bytes, GZIP)) return 'gzip';
  return 'none';
}

async function xz(bytes: Uint8Array): Promise<Uint8Array> {
  const input = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes);
      c.close();
    },
  });
  return new Uint8Array(await new Response(new XzReadableStream(input)).arrayBuffer());
}

export async function decompressModule(bytes: Uint8Array): Promise<Uint8Array> {
  switch (compressionOf(bytes)) {
    case 'xz':
      return xz(bytes);
    case 'zstd':
      return zstdDecompress(bytes);
    case 'gzip':
      return new Uint8Array(gunzipSync(bytes));
    default:
      return bytes;
  }
}
