/**
 * Longest-key lookup over OpenCC dictionaries without building a trie.
 *
 * opencc-js builds one `Map` per trie node for every key of every dictionary before it converts a
 * single character: about 150 ms and 42 MB for simplified→traditional (issue 5). A table here keeps
 * the dictionary's compact form (compact-dictionary.ts: one line per first code point, entries sorted)
 * and reads it lazily: on creation, only where each line starts; the first time a text has some pair
 * of characters, the keys that start with that pair, found by binary search in their line and parsed
 * into a small map. A 5,000-character article parses about 1,500 of the 49,000 phrases.
 */
import { expandValue } from './compact-dictionary';

/** The keys of one dictionary that start with one code point. */
interface FirstLevel {
  /** The replacement of the key that is this code point alone. */
  single: string | undefined;
  /** Where the longer keys starting with this code point are in the raw string (start = end: none). */
  start: number;
  end: number;
  /** Keys by their second code point, parsed when first asked for. */
  pairs: Map<number, KeysFromPair>;
}

/** Keys that start with one pair of code points. */
export interface KeysFromPair {
  /** Bit n is set when some key is n UTF-16 units long. */
  lengths: number;
  /** Values by their key without its first code point. */
  entries: Map<string, string>;
}

/** Keys longer than this many UTF-16 units (none in OpenCC, whose longest is 15) are ignored. */
const MAX_KEY_UNITS = 30;

const NO_PAIR: KeysFromPair = { lengths: 0, entries: new Map() };
const NO_FIRST: FirstLevel = { single: undefined, start: 0, end: 0, pairs: new Map() };

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

const SPACE = 0x20;

export class PhraseTable {
  private readonly data: string;
  /** The first code point of each line, ascending, and where each line starts and ends. */
  private readonly lineCodePoints: number[] = [];
  private readonly lineStarts: number[] = [];
  private readonly lineEnds: number[] = [];
  private readonly firsts = new Map<number, FirstLevel>();
  /** The smallest first code point of any key: text made only of lower code points never matches. */
  readonly minCodePoint: number;

  /** `data` is a dictionary in compact form (compact-dictionary.ts). */
  constructor(data: string) {
    this.data = data;
    let start = 0;
    while (start < data.length) {
      let end = data.indexOf('\n', start);
      if (end < 0) end = data.length;
      this.lineCodePoints.push(data.codePointAt(start) as number);
      this.lineStarts.push(start);
      this.lineEnds.push(end);
      start = end + 1;
    }
    this.minCodePoint = this.lineCodePoints[0] ?? Number.POSITIVE_INFINITY;
  }

  /** The replacement of the one-code-point key `cp`, if there is one. */
  single(cp: number): string | undefined {
    return this.first(cp).single;
  }

  /** True when some key longer than `cp` alone starts with `cp`. */
  hasLonger(cp: number): boolean {
    const first = this.first(cp);
    return first.start < first.end;
  }

  /**
   * The keys that start with code points `cp` then `next`, by their part after `cp` (a text's key
   * is looked up as `text.slice(start + width(cp), start + length)`).
   */
  keysFrom(cp: number, next: number): KeysFromPair {
    const first = this.first(cp);
    if (first.start === first.end) return NO_PAIR;
    let keys = first.pairs.get(next);
    if (keys === undefined) {
      keys = this.parsePair(first, cp, next);
      first.pairs.set(next, keys);
    }
    return keys;
  }

  private first(cp: number): FirstLevel {
    let first = this.firsts.get(cp);
    if (first === undefined) {
      const line = this.lineOf(cp);
      if (line < 0) first = NO_FIRST;
      else {
        const data = this.data;
        const start = (this.lineStarts[line] as number) + width(cp);
        const end = this.lineEnds[line] as number;
        first = { single: undefined, start, end, pairs: new Map() };
        // The key that is `cp` alone comes first, with nothing between `cp` and the space.
        if (data.charCodeAt(start) === SPACE) {
          let bar = data.indexOf('|', start);
          if (bar < 0 || bar > end) bar = end;
          first.single = data.slice(start + 1, bar);
          if (first.single.includes('.'))
            first.single = expandValue(data.slice(start - width(cp), start), first.single);
          first.start = Math.min(bar + 1, end);
        }
      }
      this.firsts.set(cp, first);
    }
    return first;
  }

  /** The line whose keys start with `cp`, or -1 (binary search). */
  private lineOf(cp: number): number {
    const codePoints = this.lineCodePoints;
    let low = 0;
    let high = codePoints.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = codePoints[middle] as number;
      if (value < cp) low = middle + 1;
      else if (value > cp) high = middle - 1;
      else return middle;
    }
    return -1;
  }

  private parsePair(first: FirstLevel, cp: number, next: number): KeysFromPair {
    const data = this.data;
    let position = this.lowerBound(first.start, first.end, next);
    const stop = this.lowerBound(position, first.end, next + 1);
    if (position >= stop) return NO_PAIR;
    const keys: KeysFromPair = { lengths: 0, entries: new Map() };
    const cpWidth = width(cp);
    let head = '';
    while (position < stop) {
      const space = data.indexOf(' ', position);
      let end = data.indexOf('|', space);
      if (end < 0 || end > stop) end = stop;
      const length = cpWidth + space - position;
      if (length <= MAX_KEY_UNITS) {
        const rest = data.slice(position, space);
        let value = data.slice(space + 1, end);
        if (value.includes('.')) {
          if (head === '') head = String.fromCodePoint(cp);
          value = expandValue(head + rest, value);
        }
        keys.lengths |= 1 << length;
        keys.entries.set(rest, value);
      }
      position = end + 1;
    }
    return keys;
  }

  /**
   * The offset of the first entry in [from, to) of one line whose key's second code point (the first
   * after the line's own) is ≥ `cp`, or `to` (binary search: the entries are sorted).
   */
  private lowerBound(from: number, to: number, cp: number): number {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const entry = this.entryStartAtOrAfter(middle, from, to);
      if (entry >= to || (this.data.codePointAt(entry) as number) >= cp) high = middle;
      else low = middle + 1;
    }
    return this.entryStartAtOrAfter(low, from, to);
  }

  private entryStartAtOrAfter(offset: number, from: number, to: number): number {
    if (offset <= from) return from;
    const bar = this.data.indexOf('|', offset - 1);
    return bar < 0 || bar >= to ? to : bar + 1;
  }
}

/** What a group knows about one first code point, gathered from its tables. */
interface GroupFirst {
  single: string | undefined;
  singleTable: number;
  /** Tables with keys longer than the code point, by index in the group. */
  longer: number[];
  pairs: Map<number, GroupPair>;
}

interface GroupPair {
  lengths: number;
  maps: Map<string, string>[];
  tables: number[];
}

const NO_GROUP_PAIR: GroupPair = { lengths: 0, maps: [], tables: [] };

/**
 * Dictionaries matched together, in priority order: the longest key of any of them wins, and for the
 * same key the earlier dictionary wins (opencc-js loads a group in reverse, so earlier ones overwrite).
 */
export class TableGroup {
  private readonly tables: readonly PhraseTable[];
  private readonly firsts = new Map<number, GroupFirst>();
  readonly minCodePoint: number;
  /** Set by `match`: the length in UTF-16 units and the replacement of the key found. */
  matchedLength = 0;
  matchedValue = '';
  /** Set by `match`: the index in this group of the dictionary the key came from. */
  matchedTable = 0;

  constructor(tables: readonly PhraseTable[]) {
    this.tables = tables;
    this.minCodePoint = Math.min(...tables.map((table) => table.minCodePoint));
  }

  private first(cp: number): GroupFirst {
    let first = this.firsts.get(cp);
    if (first === undefined) {
      first = { single: undefined, singleTable: -1, longer: [], pairs: new Map() };
      for (const [index, table] of this.tables.entries()) {
        const single = table.single(cp);
        if (first.single === undefined && single !== undefined) {
          first.single = single;
          first.singleTable = index;
        }
        if (table.hasLonger(cp)) first.longer.push(index);
      }
      this.firsts.set(cp, first);
    }
    return first;
  }

  private pair(first: GroupFirst, cp: number, next: number): GroupPair {
    let pair = first.pairs.get(next);
    if (pair === undefined) {
      pair = { lengths: 0, maps: [], tables: [] };
      for (const index of first.longer) {
        const keys = (this.tables[index] as PhraseTable).keysFrom(cp, next);
        if (keys.lengths === 0) continue;
        pair.lengths |= keys.lengths;
        pair.maps.push(keys.entries);
        pair.tables.push(index);
      }
      if (pair.lengths === 0) pair = NO_GROUP_PAIR;
      first.pairs.set(next, pair);
    }
    return pair;
  }

  /**
   * Looks for the longest key that `text` has at `start` and that ends by `end`; `cp` is the code
   * point at `start`. On success sets `matchedLength`, `matchedValue`, `matchedTable`, returns true.
   */
  match(text: string, start: number, end: number, cp: number): boolean {
    const first = this.first(cp);
    const cpWidth = width(cp);
    if (first.longer.length > 0 && start + cpWidth < end) {
      const pair = this.pair(first, cp, text.codePointAt(start + cpWidth) as number);
      const lengths = pair.lengths;
      if (lengths !== 0) {
        for (
          let length = Math.min(31 - Math.clz32(lengths), end - start);
          length > cpWidth;
          length -= 1
        ) {
          if ((lengths & (1 << length)) === 0) continue;
          const key = text.slice(start + cpWidth, start + length);
          for (let index = 0; index < pair.maps.length; index += 1) {
            const value = (pair.maps[index] as Map<string, string>).get(key);
            if (value !== undefined) {
              this.matchedLength = length;
              this.matchedValue = value;
              this.matchedTable = pair.tables[index] as number;
              return true;
            }
          }
        }
      }
    }
    if (first.single === undefined) return false;
    this.matchedLength = cpWidth;
    this.matchedValue = first.single;
    this.matchedTable = first.singleTable;
    return true;
  }
}
