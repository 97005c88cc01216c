import {
  ASSIST_TOOLS,
  type AssistTool,
  CAPTION_POSITIONS,
  CAPTION_SIZES_PX,
  CURSOR_COLOURS,
  CURSOR_SIZES_PX,
  DWELL_MS_CHOICES,
  withTool,
} from '../utils/assist/tools';
import { type MessageKey, t } from '../utils/i18n';
import type { Settings } from '../utils/settings';

export const ASSIST_LABELS: Record<AssistTool, MessageKey> = {
  pointRead: 'assistPointRead',
  caption: 'assistCaption',
  guides: 'assistGuides',
  ruler: 'assistRuler',
  cursor: 'assistCursor',
};

const TEST_IDS: Record<AssistTool, string> = {
  pointRead: 'assist-point-read',
  caption: 'assist-caption',
  guides: 'assist-guides',
  ruler: 'assist-ruler',
  cursor: 'assist-cursor',
};

export interface AssistControlsProps {
  /** The tools on in the tab; undefined while asked. */
  tools: AssistTool[] | undefined;
  /** The tools cannot run in this tab (a browser page, a site not granted). */
  notAllowed: boolean;
  /** The tab's host, when "always on this site" can be offered. */
  host: string | undefined;
  /** The tools are always on for this site. */
  siteAlways: boolean;
  onSet: (tools: AssistTool[]) => void;
  onSiteAlways: (on: boolean) => void;
}

/** 辅助工具: one toggle per tool (its state shown), "all off", and "always on this site". */
export function AssistControls(props: AssistControlsProps) {
  const tools = props.tools ?? [];
  return (
    <fieldset class="yd-group yd-choices" data-testid="assist-tools">
      <legend class="yd-legend">{t('assistHeading')}</legend>
      {ASSIST_TOOLS.map((tool) => {
        const on = tools.includes(tool);
        return (
          <button
            type="button"
            class="yd-button"
            key={tool}
            data-testid={TEST_IDS[tool]}
            aria-pressed={on}
            disabled={props.tools === undefined}
            onClick={() => props.onSet(withTool(tools, tool, !on))}
          >
            {t(ASSIST_LABELS[tool])}
          </button>
        );
      })}
      <button
        type="button"
        class="yd-button"
        data-testid="assist-off"
        disabled={tools.length === 0}
        onClick={() => props.onSet([])}
      >
        {t('assistOff')}
      </button>
      {props.notAllowed && (
        <p class="yd-note" role="alert">
          {t('assistNotAllowed')}
        </p>
      )}
      {props.host && (
        <label class="popup-site">
          <input
            type="checkbox"
            data-testid="assist-site-always"
            checked={props.siteAlways}
            disabled={!props.siteAlways && tools.length === 0}
            onChange={(event) => props.onSiteAlways(event.currentTarget.checked)}
          />
          <span>{t('assistSiteAlways')}</span>
        </label>
      )}
      <span class="yd-hint">{t('assistFramesNote')}</span>
    </fieldset>
  );
}

/** The options page's 辅助工具 section: tools on by default, and how each behaves. */
export function AssistOptions({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (change: Partial<Settings>) => void;
}) {
  const select = <T extends string | number>(
    testId: string,
    label: MessageKey,
    value: T,
    choices: readonly T[],
    text: (choice: T) => string,
    set: (choice: T) => void,
  ) => (
    <label class="options-field">
      <span>{t(label)}</span>
      <select
        data-testid={testId}
        value={String(value)}
        onChange={(event) => {
          const picked = choices.find((choice) => String(choice) === event.currentTarget.value);
          if (picked !== undefined) set(picked);
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice)} value={String(choice)}>
            {text(choice)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="options-section" aria-labelledby="options-assist">
      <h2 id="options-assist">{t('assistHeading')}</h2>
      <fieldset class="yd-group yd-choices">
        <legend class="yd-legend">{t('optionsAssistDefaults')}</legend>
        {ASSIST_TOOLS.map((tool) => {
          const on = settings.assistDefaults.includes(tool);
          return (
            <button
              type="button"
              class="yd-button"
              key={tool}
              data-testid={`options-${TEST_IDS[tool]}`}
              aria-pressed={on}
              onClick={() =>
                onChange({ assistDefaults: withTool(settings.assistDefaults, tool, !on) })
              }
            >
              {t(ASSIST_LABELS[tool])}
            </button>
          );
        })}
      </fieldset>
      {select(
        'options-dwell',
        'optionsDwell',
        settings.pointReadDwellMs,
        DWELL_MS_CHOICES,
        (ms) => t('optionsDwellValue', String(ms)),
        (ms) => onChange({ pointReadDwellMs: ms }),
      )}
      {select(
        'options-caption-size',
        'optionsCaptionSize',
        settings.captionSizePx,
        CAPTION_SIZES_PX,
        (px) => t('pixelsValue', String(px)),
        (px) => onChange({ captionSizePx: px }),
      )}
      {select(
        'options-caption-position',
        'optionsCaptionPosition',
        settings.captionPosition,
        CAPTION_POSITIONS,
        (side) => t(side === 'top' ? 'captionTop' : 'captionBottom'),
        (side) => onChange({ captionPosition: side }),
      )}
      {select(
        'options-cursor-colour',
        'optionsCursorColour',
        settings.cursorColour,
        CURSOR_COLOURS,
        (colour) => t(colour === 'white' ? 'cursorWhite' : 'cursorBlack'),
        (colour) => onChange({ cursorColour: colour }),
      )}
      {select(
        'options-cursor-size',
        'optionsCursorSize',
        settings.cursorSizePx,
        CURSOR_SIZES_PX,
        (px) => t('pixelsValue', String(px)),
        (px) => onChange({ cursorSizePx: px }),
      )}
    </section>
  );
}
