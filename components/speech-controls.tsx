import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '../utils/i18n';
import { MAX_RATE, MIN_RATE, stepRate } from '../utils/speech/speech-rate';

/** What the speech controls show: where reading stands, in the reader or in the tab. */
export interface SpeechView {
  state: 'idle' | 'playing' | 'paused';
  index: number;
  total: number;
  /** The voice has started the current sentence. */
  speaking: boolean;
  noChineseVoice: boolean;
  /** Only a network voice reads here: the text goes to its provider. */
  networkVoice?: boolean;
  error?: string;
}

export type SpeechCommand = 'toggle' | 'stop' | 'next' | 'previous';

/**
 * Play/pause, previous, next, stop, the speed, and progress (第 3/42 句). Without a Chinese voice
 * it says so and how to add one.
 */
export function SpeechControls({
  speech,
  rate,
  onCommand,
  onRate,
  onIntent,
}: {
  speech: SpeechView;
  rate: number;
  onCommand: (command: SpeechCommand) => void;
  onRate: (rate: number) => void;
  /** The pointer is over the play button or it has focus: a click may follow (load what it needs). */
  onIntent?: () => void;
}) {
  const active = speech.state !== 'idle';
  const group = useRef<HTMLFieldSetElement>(null);
  const play = useRef<HTMLButtonElement>(null);
  // A button that has just been disabled (停止 once reading stops, 下一句 on the last sentence)
  // would keep the focus or drop it to the page's body, where Esc and Tab no longer reach the
  // reader: hand it to the play button, which is never disabled. A layout effect runs before the
  // browser moves the focus away itself.
  useLayoutEffect(() => {
    const root = group.current?.getRootNode() as Document | ShadowRoot | undefined;
    const focused = root?.activeElement;
    if (focused && group.current?.contains(focused) && focused.matches(':disabled'))
      play.current?.focus();
  });
  const [icon, label] =
    speech.state === 'playing'
      ? ['Ⅱ', t('speechPause')]
      : speech.state === 'paused'
        ? ['▶', t('speechResume')]
        : ['▶', t('speechPlay')];
  const step = (direction: 1 | -1) => onRate(stepRate(rate, direction));
  return (
    <fieldset class="yd-group yd-speech" ref={group}>
      <legend class="yd-legend">{t('speechMenu')}</legend>
      <button
        ref={play}
        type="button"
        class="yd-button"
        data-testid="speech-play"
        data-state={speech.state}
        onClick={() => onCommand('toggle')}
        onPointerEnter={onIntent}
        onFocus={onIntent}
      >
        <span class="yd-icon" aria-hidden="true">
          {icon}
        </span>
        <span>{label}</span>
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-previous"
        disabled={!active || speech.index === 0}
        onClick={() => onCommand('previous')}
      >
        {t('speechPrevious')}
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-next"
        disabled={!active || speech.index >= speech.total - 1}
        onClick={() => onCommand('next')}
      >
        {t('speechNext')}
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-stop"
        disabled={!active}
        onClick={() => onCommand('stop')}
      >
        <span class="yd-icon" aria-hidden="true">
          ■
        </span>
        <span>{t('speechStop')}</span>
      </button>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-slower"
        disabled={rate <= MIN_RATE}
        onClick={() => step(-1)}
      >
        {t('speechSlower')}
      </button>
      <output class="yd-value" data-testid="speech-rate-value" aria-live="polite">
        {t('speechRateValue', rate.toFixed(1))}
      </output>
      <button
        type="button"
        class="yd-button"
        data-testid="speech-faster"
        disabled={rate >= MAX_RATE}
        onClick={() => step(1)}
      >
        {t('speechFaster')}
      </button>
      <output class="yd-value" data-testid="speech-progress" aria-live="off">
        {active &&
          (speech.speaking || speech.state === 'paused'
            ? t('speechProgress', [String(speech.index + 1), String(speech.total)])
            : t('speechPreparing'))}
      </output>
      {speech.noChineseVoice && (
        <p class="yd-note" role="alert" data-testid="speech-no-voice">
          {t('speechNoVoice')}
        </p>
      )}
      {speech.networkVoice && !speech.noChineseVoice && (
        <p class="yd-note" data-testid="speech-network-voice">
          {t('speechNetworkVoice')}
        </p>
      )}
      {speech.error && !speech.noChineseVoice && (
        <p class="yd-note" role="alert" data-testid="speech-error">
          {t('speechError', speech.error)}
        </p>
      )}
    </fieldset>
  );
}
