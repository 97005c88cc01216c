/**
 * The payload checks both halves of the protocol use (utils/page-messages.ts,
 * utils/background-messages.ts): small, so that a content script's listener, which bundles only the
 * page half, stays small too.
 */
import type { ScriptChoice, SourceChoice } from './convert/script-view';
import { isScript } from './convert/scripts';
import type { SpeechProgress } from './speech/controller';
import type { SpeechAction } from './speech/speech-protocol';

/** A message's fields, besides `type`, as they arrived (unchecked). */
export type Fields = Record<string, unknown>;

/** Strings with no size of their own (names, language tags) are at most this long. */
const MAX_SHORT_STRING = 200;

const SPEECH_ACTIONS: readonly SpeechAction[] = [
  'play',
  'pause',
  'resume',
  'toggle',
  'stop',
  'next',
  'previous',
  'rate',
];
const PLAYBACK_STATES: readonly SpeechProgress['state'][] = ['idle', 'playing', 'paused'];
const SOURCE_CHOICES: readonly SourceChoice[] = ['auto', 'cn', 't', 'tw', 'hk'];

export const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
export const isTabId = (value: unknown): value is number => isIndex(value);
export const isShortString = (value: unknown, max = MAX_SHORT_STRING): value is string =>
  typeof value === 'string' && value.length <= max;
export const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);
export const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const isSpeechAction = (value: unknown): value is SpeechAction =>
  SPEECH_ACTIONS.includes(value as SpeechAction);
export const isScriptChoice = (value: unknown): value is ScriptChoice =>
  value === 'original' || isScript(value);
export const isSourceChoice = (value: unknown): value is SourceChoice =>
  SOURCE_CHOICES.includes(value as SourceChoice);

/** Where a reading stands, as the background tells a reader or a reader tells the background. */
export function isSpeechProgress(value: unknown): value is SpeechProgress {
  if (!isRecord(value)) return false;
  const { state, index, total, rate, speaking, error } = value;
  return (
    PLAYBACK_STATES.includes(state as SpeechProgress['state']) &&
    isIndex(index) &&
    isIndex(total) &&
    typeof rate === 'number' &&
    typeof speaking === 'boolean' &&
    optional((text) => isShortString(text, 1_000))(error)
  );
}
