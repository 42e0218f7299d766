import { deflateRawSync } from 'node:zlib';

/** One file to put in a ZIP archive: its path inside the archive and its content (text is written as UTF-8). */
export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 (IEEE 802.3, as ZIP and gzip use it) of some bytes. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A date as MS-DOS time and date words (2-second resolution, years 1980-2107), read in UTC. */
export function dosDateTime(d: Date): { time: number; date: number } {
  // DOS dates start in 1980: an earlier time is written as its first day.
  if (d.getUTCFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  const year = Math.min(2107, d.getUTCFullYear());
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

// ZIP (PKWARE APPNOTE 6.3) without ZIP64: every size and offset must fit in 32 bits, and at most 65,535 entries.
const MAX32 = 0xffffffff;
const UTF8_NAMES = 0x0800;

function checkName(name: string): void {
  if (!name || name.startsWith('/') || name.split('/').includes('..') || name.includes('\\'))
    throw new Error(`zip entry "${name}": a name must be a relative path with "/" separators and no ".." part`);
}

/**
 * A ZIP archive of the entries, each deflated (or stored, when deflating does not make it smaller), with CRC-32s and
 * UTF-8 names, dated `modified`. Entries keep their order; duplicate names are refused.
 */
export function zipArchive(entries: ZipEntry[], modified: Date): Uint8Array {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries; at most 65,535 fit without ZIP64`);
  const seen = new Set<string>();
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    checkName(e.name);
    if (seen.has(e.name)) throw new Error(`zip entry "${e.name}" is listed twice; give each file its own name`);
    seen.add(e.name);
    const raw = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : Buffer.from(e.data);
    const deflated = deflateRawSync(raw, { level: 6 });
    const stored = deflated.length >= raw.length;
    const body = stored ? raw : deflated;
    const name = Buffer.from(e.name, 'utf8');
    if (raw.length > MAX32 || offset + 30 + name.length + body.length > MAX32)
      throw new Error(`zip entry "${e.name}": the archive would pass 4 GB, which needs ZIP64`);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // Extra, comment, disk number, internal attributes: 0. External: a regular file, rw-r--r--.
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dirSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
