/**
 * Chinese text → spoken chunks, one sentence each. Engines cut long utterances off (Chrome stops
 * after about 15 s), so no chunk is longer than `MAX_CHUNK_CHARACTERS`; a sentence that fits is
 * never split, and a longer one is split at its clause marks before anything cruder.
 */

/** About 15 s of speech at a normal rate for Chinese (some 5–6 characters a second). */
export const MAX_CHUNK_CHARACTERS = 80;

/** Marks that end a sentence. `…` and `……` count once. */
const TERMINATORS = new Set<string | undefined>(['。', '！', '？', '；', '…', '!', '?']);

/**
 * Closing quotes and brackets: after a terminator they belong to the sentence it ends
 * (他说：“好。” ends after the ”); on their own they are a clause break, like a comma.
 */
const CLOSERS = new Set<string | undefined>([
  '”',
  '」',
  '』',
  '）',
  '’',
  '"',
  ')',
  '】',
  '》',
  '〉',
  '〕',
]);

/** Clause marks where a long sentence may be split, the mark staying with the text before it. */
const CLAUSE_MARKS = new Set(['，', '、', '：', ',', ':']);

/** Letters, digits and CJK characters: a chunk without any has nothing to say. */
const SAYABLE = /[\p{L}\p{N}]/u;

/**
 * Splits text into chunks to speak in order. Whitespace runs become one space (and vanish between
 * CJK characters); a chunk of punctuation only joins the one before it.
 */
export function chunkText(text: string, max = MAX_CHUNK_CHARACTERS): string[] {
  const chunks: string[] = [];
  for (const sentence of splitSentences(normalizeSpace(text))) {
    for (const piece of sentence.length <= max ? [sentence] : splitLongSentence(sentence, max)) {
      const trimmed = piece.trim();
      if (!trimmed) continue;
      const last = chunks.length - 1;
      const previous = chunks[last];
      if (!SAYABLE.test(trimmed)) {
        if (previous !== undefined && previous.length + trimmed.length <= max) {
          chunks[last] = previous + trimmed;
        }
        continue;
      }
      chunks.push(trimmed);
    }
  }
  return chunks;
}

/** Sentences, each with its terminators and the closing quotes that follow them. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const chars = [...text];
  let current = '';
  for (let i = 0; i < chars.length; i++) {
    current += chars[i];
    if (!isTerminatorAt(chars, i)) continue;
    // Take the rest of a run of terminators and closers: “真的吗？！” ends after the ”.
    while (i + 1 < chars.length && (TERMINATORS.has(chars[i + 1]) || CLOSERS.has(chars[i + 1]))) {
      i += 1;
      current += chars[i];
    }
    sentences.push(current.trim());
    current = '';
  }
  if (current.trim()) sentences.push(current.trim());
  return sentences.filter(Boolean);
}

/** A Latin `.` `!` `?` ends a sentence only before a space or the end (not in 3.5 or a URL). */
function isTerminatorAt(chars: string[], i: number): boolean {
  const char = chars[i];
  if (char === '.' || char === '!' || char === '?') {
    const next = chars[i + 1];
    return next === undefined || /\s/.test(next);
  }
  return TERMINATORS.has(char);
}

/**
 * A sentence longer than `max`: clauses packed greedily up to `max`, and a clause still too long cut
 * at `max`, but not inside a run of Latin letters or digits when the run can move whole.
 */
function splitLongSentence(sentence: string, max: number): string[] {
  const clauses: string[] = [];
  let current = '';
  for (const char of sentence) {
    current += char;
    if (CLAUSE_MARKS.has(char) || CLOSERS.has(char)) {
      clauses.push(current);
      current = '';
    }
  }
  if (current) clauses.push(current);

  const pieces: string[] = [];
  let packed = '';
  for (const clause of clauses) {
    if (packed.length + clause.length <= max) {
      packed += clause;
      continue;
    }
    if (packed) pieces.push(packed);
    packed = '';
    if (clause.length <= max) {
      packed = clause;
      continue;
    }
    const cut = hardSplit(clause, max);
    pieces.push(...cut.slice(0, -1));
    packed = cut.at(-1) ?? '';
  }
  if (packed) pieces.push(packed);
  return pieces;
}

/** Cuts text into pieces of at most `max` characters, moving a cut back to a word boundary. */
export function hardSplit(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    // Don't cut 2021 or "policy" in two: move back to the start of the Latin/digit run.
    while (cut > 0 && isWordChar(rest[cut - 1]) && isWordChar(rest[cut])) cut -= 1;
    if (cut === 0) cut = max;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[A-Za-z0-9.%-]/.test(char);
}

/** A Han character or a full-width mark. */
const CJK = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—]';

/**
 * One space for each run of whitespace. Between CJK characters a line break is layout and goes; a
 * space between two runs of Han (a title's "整改 推动") is a pause and becomes "，"; a space inside
 * letter-spaced text ("通 知") goes.
 */
export function normalizeSpace(text: string): string {
  return text
    .replace(new RegExp(`(?<=${CJK})\\s*\\n\\s*(?=${CJK})`, 'gu'), '')
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/(?<=\p{Script=Han}{2}) (?=\p{Script=Han}{2})/gu, '，')
    .replace(new RegExp(`(?<=${CJK}) (?=${CJK})`, 'gu'), '')
    .trim();
}
