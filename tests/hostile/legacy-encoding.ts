/**
 * Encodes text as GBK or Big5 for test pages. Node only writes UTF-8, so the table is built by
 * decoding every two-byte sequence with the WHATWG decoder (the one browsers use) and inverting it.
 */
const tables = new Map<string, Map<string, number[]>>();

function tableFor(encoding: 'gbk' | 'big5'): Map<string, number[]> {
  const cached = tables.get(encoding);
  if (cached) return cached;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      try {
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && !table.has(character)) table.set(character, [lead, trail]);
      } catch {
        // Not a character in this encoding.
      }
    }
  }
  tables.set(encoding, table);
  return table;
}

export function encodeLegacy(text: string, encoding: 'gbk' | 'big5'): Uint8Array {
  const table = tableFor(encoding);
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0x3f;
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(character) ?? [0x3f]));
  }
  return new Uint8Array(bytes);
}
