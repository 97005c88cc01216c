/**
 * Converts text between scripts with OpenCC's dictionaries, step for step as opencc-js 1.4.2 does (so
 * the output is identical to it), but over lazily parsed tables (phrase-table.ts) instead of a trie
 * built up front. It can also say which part of the output each part of the input became, which the
 * DOM conversion needs to give each text node of a block its share of the converted block.
 */
import { DICTIONARY_NAMES, type DictionaryData, type DictionaryName } from './dictionaries';
import { PhraseTable, TableGroup } from './phrase-table';
import {
  type ConversionPlan,
  conversionPlan,
  type DictionaryGroup,
  segmentsWithFirstStep,
} from './plan';
import type { Script } from './scripts';

export interface TextConverter {
  readonly from: Script;
  readonly to: Script;
  /** True when `from` and `to` are the same script: `convert` returns its input. */
  readonly identity: boolean;
  convert(text: string): string;
  /** Converts and keeps the alignment between the input and the output. */
  convertAligned(text: string): AlignedConversion;
}

export interface AlignedConversion {
  text: string;
  /**
   * Where an offset of the input lands in the output. Exact at the edges of every dictionary match and
   * inside text that was copied or replaced by text of the same length (头发 → 頭髮 maps 1 to 1); inside
   * a phrase replaced by one of another length (内存 → 記憶體) it is shared out in proportion.
   * Never splits a surrogate pair, and never decreases as the input offset grows.
   */
  outputOffset(inputOffset: number): number;
}

/** The dictionaries loaded so far, each parsed lazily and shared by every converter built on it. */
export class DictionaryStore {
  private readonly data: DictionaryData = {};
  private readonly tables = new Map<DictionaryName, PhraseTable>();

  add(data: DictionaryData): void {
    for (const name of DICTIONARY_NAMES) {
      const value = data[name];
      if (typeof value === 'string' && this.data[name] === undefined) this.data[name] = value;
    }
  }

  has(name: DictionaryName): boolean {
    return this.data[name] !== undefined;
  }

  table(name: DictionaryName): PhraseTable {
    let table = this.tables.get(name);
    if (!table) {
      const data = this.data[name];
      if (data === undefined) throw new Error(`OpenCC dictionary ${name} is not loaded`);
      table = new PhraseTable(data);
      this.tables.set(name, table);
    }
    return table;
  }
}

export function createTextConverter(
  from: Script,
  to: Script,
  store: DictionaryStore,
): TextConverter {
  const plan: ConversionPlan = conversionPlan(from, to);
  const group = (names: DictionaryGroup) => new TableGroup(names.map((name) => store.table(name)));
  const normalize = plan.normalize ? group(plan.normalize) : null;
  const chain = plan.chain.map(group);
  const fused = segmentsWithFirstStep(plan);
  const segmentation = plan.segmentation && !fused ? group(plan.segmentation) : null;
  const segmentTables = fused ? (plan.segmentation?.length ?? 0) : 0;

  function run(text: string, stages: Stage[] | null): string {
    let current = text;
    if (normalize && hasCodePointFrom(current, normalize.minCodePoint)) {
      const cuts = stages ? [0, 0] : null;
      current = convertRange(normalize, current, 0, current.length, cuts, 0);
      stages?.push({ cuts, output: current });
    }
    let ends = segmentation ? segmentEnds(segmentation, current) : [current.length];
    for (const [index, step] of chain.entries()) {
      const cuts = stages ? [0, 0] : null;
      const nextEnds: number[] = [];
      let output = '';
      if (index === 0 && fused) {
        output = convertRange(step, current, 0, current.length, cuts, 0, segmentTables, nextEnds);
      } else {
        let start = 0;
        for (const end of ends) {
          output += convertRange(step, current, start, end, cuts, output.length);
          nextEnds.push(output.length);
          start = end;
        }
      }
      current = output;
      ends = nextEnds;
      stages?.push({ cuts, output: current });
    }
    return current;
  }

  return {
    from,
    to,
    identity: chain.length === 0,
    convert: (text) => run(text, null),
    convertAligned(text) {
      const stages: Stage[] = [];
      const output = run(text, stages);
      return {
        text: output,
        outputOffset(offset) {
          let position = Math.max(0, Math.min(offset, text.length));
          for (const stage of stages) position = mapThrough(stage, position);
          return position;
        },
      };
    },
  };
}

/** One step's output and its cut points: pairs (input offset, output offset) where both may be cut. */
interface Stage {
  cuts: number[] | null;
  output: string;
}

function hasCodePointFrom(text: string, min: number): boolean {
  // Keys starting with an astral code point start with a high surrogate, ≥ 0xd800.
  const threshold = Math.min(min, 0xd800);
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) >= threshold) return true;
  return false;
}

/**
 * Converts text[start, end) with one group: at each position the longest key wins; text no key
 * matches is copied. Pushes a cut (input offset, output offset) after every match and copied run.
 *
 * With `segmentEnds`, also segments as OpenCC would with the group's first `segmentTables`
 * dictionaries (see `segmentsWithFirstStep`): every match from them is a segment, and so is every
 * stretch between such matches; pushes the output offset where each segment ends.
 */
function convertRange(
  group: TableGroup,
  text: string,
  start: number,
  end: number,
  cuts: number[] | null,
  outputBase: number,
  segmentTables = 0,
  segmentEnds: number[] | null = null,
): string {
  let output = '';
  let copyFrom = start;
  let inStretch = false;
  let i = start;
  const min = group.minCodePoint;
  while (i < end) {
    const cp = text.codePointAt(i) as number;
    if (cp >= min && group.match(text, i, end, cp)) {
      if (copyFrom < i) {
        output += text.slice(copyFrom, i);
        cuts?.push(i, outputBase + output.length);
      }
      const isSegment = group.matchedTable < segmentTables;
      if (segmentEnds && isSegment && inStretch) segmentEnds.push(outputBase + output.length);
      inStretch = !isSegment;
      output += group.matchedValue;
      i += group.matchedLength;
      cuts?.push(i, outputBase + output.length);
      if (segmentEnds && isSegment) segmentEnds.push(outputBase + output.length);
      copyFrom = i;
    } else {
      inStretch = true;
      i += unmatchedLength(text, i, end, cp);
    }
  }
  if (copyFrom < end) {
    output += text.slice(copyFrom, end);
    cuts?.push(end, outputBase + output.length);
  }
  if (segmentEnds && inStretch) segmentEnds.push(outputBase + output.length);
  return output;
}

/**
 * OpenCC segmentation: each longest match of the group is a segment, and so is each run of text
 * between matches. Returns the end offset of every segment.
 */
function segmentEnds(group: TableGroup, text: string): number[] {
  const ends: number[] = [];
  const min = group.minCodePoint;
  let inRun = false;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (cp >= min && group.match(text, i, text.length, cp)) {
      if (inRun) ends.push(i);
      inRun = false;
      i += group.matchedLength;
      ends.push(i);
    } else {
      inRun = true;
      i += unmatchedLength(text, i, text.length, cp);
    }
  }
  if (inRun) ends.push(text.length);
  return ends;
}

/**
 * How far to step over text no key matches: one code point, or a whole ideographic description
 * sequence (⿰氵每), so its components are not converted on their own (opencc-js 1.4.2 does the same).
 */
function unmatchedLength(text: string, i: number, end: number, cp: number): number {
  const sequenceEnd = descriptionSequenceEnd(text, i, end, cp);
  return sequenceEnd > i ? sequenceEnd - i : cp > 0xffff ? 2 : 1;
}

/** Operands of the ideographic description characters U+2FF0–U+2FFF, as opencc-js counts them. */
function descriptionArity(cp: number): number {
  if (cp < 0x2ff0 || cp > 0x2fff) return 0;
  return cp === 0x2ff2 || cp === 0x2ff3 ? 3 : 2;
}

/** End of the description sequence starting at i, or 0 when there is none (or it is cut short). */
function descriptionSequenceEnd(text: string, i: number, end: number, cp: number): number {
  const arity = descriptionArity(cp);
  if (arity === 0) return 0;
  let position = i + (cp > 0xffff ? 2 : 1);
  for (let operand = 0; operand < arity; operand += 1) {
    if (position >= end) return 0;
    const operandCp = text.codePointAt(position) as number;
    const nested = descriptionSequenceEnd(text, position, end, operandCp);
    position = nested || position + (operandCp > 0xffff ? 2 : 1);
  }
  return position;
}

function mapThrough({ cuts, output }: Stage, offset: number): number {
  if (!cuts) return offset;
  // The last cut at or before `offset`.
  let low = 0;
  let high = cuts.length / 2 - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((cuts[2 * middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  const inputStart = cuts[2 * low] as number;
  const outputStart = cuts[2 * low + 1] as number;
  if (inputStart === offset || 2 * low + 2 >= cuts.length) return outputStart;
  const inputLength = (cuts[2 * low + 2] as number) - inputStart;
  const outputLength = (cuts[2 * low + 3] as number) - outputStart;
  let mapped =
    inputLength === outputLength
      ? outputStart + (offset - inputStart)
      : outputStart + Math.round(((offset - inputStart) * outputLength) / inputLength);
  if (isLowSurrogate(output.charCodeAt(mapped)) && isHighSurrogate(output.charCodeAt(mapped - 1)))
    mapped += 1;
  return mapped;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
