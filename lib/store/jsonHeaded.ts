/**
 * The bytes of a tagged file: the 4-byte tag, the JSON header's byte length (u32 LE), the header (padded with spaces to
 * a multiple of 4 bytes when `pad`, so that u32 values after it are aligned), then each array's bytes in order.
 */
export function encodeJsonHeaded(
  tag: string,
  header: unknown,
  arrays: readonly ArrayBufferView[],
  pad = true,
): Uint8Array {
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  if (pad && json.length % 4) json = Buffer.concat([json, Buffer.alloc(4 - (json.length % 4), ' ')]);
  const out = Buffer.alloc(8 + json.length + arrays.reduce((n, a) => n + a.byteLength, 0));
  out.write(tag, 0, 'latin1');
  out.writeUInt32LE(json.length, 4);
  json.copy(out, 8);
  let at = 8 + json.length;
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, at);
    at += a.byteLength;
  }
  return out;
}

/**
 * The parsed JSON header of a tagged file, the whole file as a Buffer and where the bytes after the header start;
 * throws `bad(why)` when the file does not start with the tag, is cut short in its header, or the header is not JSON.
 */
export function decodeJsonHeaded(
  bytes: Uint8Array,
  tag: string,
  bad: (why: string) => Error,
): { header: unknown; buf: Buffer; after: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 8 || buf.toString('latin1', 0, 4) !== tag) throw bad(`it does not start with ${tag}`);
  const size = buf.readUInt32LE(4);
  if (8 + size > buf.length) throw bad('its header is cut short');
  try {
    return { header: JSON.parse(buf.toString('utf8', 8, 8 + size)), buf, after: 8 + size };
  } catch {
    throw bad('its header is not JSON');
  }
}
