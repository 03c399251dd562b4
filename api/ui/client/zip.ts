/**
 * A small zip reader for the browser: the central directory gives names and offsets, and
 * DecompressionStream('deflate-raw') inflates an entry when it is opened. Stored and deflated
 * entries only (what the packager writes); ZIP64 and encrypted archives are refused.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function fail(message: string): never {
  throw new Error('cannot read the zip: ' + message);
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface ZipEntry {
  size: number;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
}

/** Every file by path (folders are left out). */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record sits in the last 22 bytes plus a comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) fail('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) fail('ZIP64 archives are not supported');
  const names = new TextDecoder();
  const files = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) fail('damaged central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) fail(name + ' is encrypted');
    if (method !== 0 && method !== 8) fail(name + ' uses compression method ' + method);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) fail('damaged entry ' + name);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) fail(name + ' is cut short');
    const data = bytes.subarray(start, start + compressed);
    let cached: Promise<Uint8Array> | null = null;
    const entry: ZipEntry = {
      size,
      bytes() {
        cached = cached || (method === 0 ? Promise.resolve(data) : inflate(data));
        return cached;
      },
      async text() {
        return new TextDecoder().decode(await entry.bytes());
      },
    };
    files.set(name, entry);
  }
  return files;
}
