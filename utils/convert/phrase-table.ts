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
import { expandValue, SAME } from './compact-dictionary';

/** The keys of one dictionary that start with one code point. */
export interface FirstLevel {
  /** The replacement of the key that is this code point alone. */
  single: string | undefined;
  /** The line of this code point, and where its longer keys are in it (start = line length: none). */
  line: string;
  start: number;
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
const NO_FIRST: FirstLevel = { single: undefined, line: '', start: 0, pairs: new Map() };

const width = (cp: number) => (cp > 0xffff ? 2 : 1);

const SPACE = 0x20;

export class PhraseTable {
  /** The dictionary's lines, one per first code point, sorted by it (split natively, never scanned). */
  private readonly lines: string[];
  private readonly firsts = new Map<number, FirstLevel>();
  /** The smallest first code point of any key: text made only of lower code points never matches. */
  readonly minCodePoint: number;

  /** `data` is a dictionary in compact form (compact-dictionary.ts). */
  constructor(data: string) {
    this.lines = data === '' ? [] : data.split('\n');
    this.minCodePoint = data === '' ? Number.POSITIVE_INFINITY : (data.codePointAt(0) as number);
  }

  /** What this dictionary has for keys starting with `cp` (shared: do not change it). */
  first(cp: number): FirstLevel {
    let first = this.firsts.get(cp);
    if (first === undefined) {
      first = this.readFirst(cp);
      this.firsts.set(cp, first);
    }
    return first;
  }

  /**
   * The keys that start with code points `cp` then `next`, by their part after `cp` (a text's key
   * is looked up as `text.slice(start + width(cp), start + length)`).
   */
  keysFrom(first: FirstLevel, cp: number, next: number): KeysFromPair {
    if (first.start >= first.line.length) return NO_PAIR;
    let keys = first.pairs.get(next);
    if (keys === undefined) {
      keys = parsePair(first, cp, next);
      first.pairs.set(next, keys);
    }
    return keys;
  }

  private readFirst(cp: number): FirstLevel {
    // Binary search for the line of `cp`.
    const lines = this.lines;
    let low = 0;
    let high = lines.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const line = lines[middle] as string;
      const value = line.codePointAt(0) as number;
      if (value < cp) low = middle + 1;
      else if (value > cp) high = middle - 1;
      else {
        const cpWidth = width(cp);
        const first: FirstLevel = { single: undefined, line, start: cpWidth, pairs: new Map() };
        // The key that is `cp` alone comes first, with nothing between `cp` and the space.
        if (line.charCodeAt(cpWidth) === SPACE) {
          let bar = line.indexOf('|', cpWidth);
          if (bar < 0) bar = line.length;
          let single = line.slice(cpWidth + 1, bar);
          if (single.includes(SAME)) single = expandValue(line.slice(0, cpWidth), single);
          first.single = single;
          first.start = bar + 1;
        }
        return first;
      }
    }
    return NO_FIRST;
  }
}

/** Parses the entries of a line whose key's second code point is `next`. */
function parsePair(first: FirstLevel, cp: number, next: number): KeysFromPair {
  const line = first.line;
  const end = line.length;
  // Binary search (the entries are sorted) for the first entry whose second code point is ≥ next.
  let low = first.start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let entry = middle;
    if (middle > first.start) {
      const bar = line.indexOf('|', middle - 1);
      entry = bar < 0 ? end : bar + 1;
    }
    if (entry >= end || (line.codePointAt(entry) as number) >= next) high = middle;
    else low = middle + 1;
  }
  let position = low;
  if (low > first.start) {
    const bar = line.indexOf('|', low - 1);
    position = bar < 0 ? end : bar + 1;
  }
  // Then every entry with that second code point, one after another.
  let keys = NO_PAIR;
  const cpWidth = width(cp);
  while (position < end && line.codePointAt(position) === next) {
    const space = line.indexOf(' ', position);
    let bar = line.indexOf('|', space);
    if (bar < 0) bar = end;
    const length = cpWidth + space - position;
    if (length <= MAX_KEY_UNITS) {
      const rest = line.slice(position, space);
      let value = line.slice(space + 1, bar);
      if (value.includes(SAME)) value = expandValue(line.slice(0, cpWidth) + rest, value);
      if (keys === NO_PAIR) keys = { lengths: 0, entries: new Map() };
      keys.lengths |= 1 << length;
      keys.entries.set(rest, value);
    }
    position = bar + 1;
  }
  return keys;
}

/** What a group knows about one first code point, gathered from its tables. */
interface GroupFirst {
  single: string | undefined;
  singleTable: number;
  /** Tables with keys longer than the code point, by index in the group. */
  longer: number[];
  /** What each of those tables has for the code point. */
  longerFirsts: FirstLevel[];
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
      first = {
        single: undefined,
        singleTable: -1,
        longer: [],
        longerFirsts: [],
        pairs: new Map(),
      };
      const tables = this.tables;
      for (let index = 0; index < tables.length; index += 1) {
        const level = (tables[index] as PhraseTable).first(cp);
        if (first.single === undefined && level.single !== undefined) {
          first.single = level.single;
          first.singleTable = index;
        }
        if (level.start < level.line.length) {
          first.longer.push(index);
          first.longerFirsts.push(level);
        }
      }
      this.firsts.set(cp, first);
    }
    return first;
  }

  private pair(first: GroupFirst, cp: number, next: number): GroupPair {
    let pair = first.pairs.get(next);
    if (pair === undefined) {
      pair = NO_GROUP_PAIR;
      const longer = first.longer;
      for (let i = 0; i < longer.length; i += 1) {
        const index = longer[i] as number;
        const table = this.tables[index] as PhraseTable;
        const keys = table.keysFrom(first.longerFirsts[i] as FirstLevel, cp, next);
        if (keys.lengths === 0) continue;
        if (pair === NO_GROUP_PAIR) pair = { lengths: 0, maps: [], tables: [] };
        pair.lengths |= keys.lengths;
        pair.maps.push(keys.entries);
        pair.tables.push(index);
      }
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
