/**
 * The pointing tools (辅助工具) as data: their names, the choices each offers, and which are on in a
 * tab. Pure, so the settings schema, the popup, the background and the page bundle share one list.
 */

/** 指读, 大字幕, 十字线 (guide lines), the reading ruler, 大鼠标. */
export const ASSIST_TOOLS = ['pointRead', 'caption', 'guides', 'ruler', 'cursor'] as const;
export type AssistTool = (typeof ASSIST_TOOLS)[number];

export function isAssistTool(value: unknown): value is AssistTool {
  return typeof value === 'string' && (ASSIST_TOOLS as readonly string[]).includes(value);
}

/**
 * 十字线 is one reading guide at a time: the guide lines or the reading ruler (the "a
 * horizontal and a vertical guide line ..., or a reading ruler"). Two toggles in the popup and the
 * options page, one mode wherever tools are kept: turning one on turns the other off.
 */
export const READING_GUIDES = ['guides', 'ruler'] as const satisfies readonly AssistTool[];

/** True when a list of tools holds at most one reading guide. */
export function hasOneGuideAtMost(tools: readonly unknown[]): boolean {
  return !(tools.includes('guides') && tools.includes('ruler'));
}

/**
 * A set of tools as storage keeps it: known names only, each once, in the order of ASSIST_TOOLS,
 * and one reading guide at most. A list holding both (stored before they were one mode, or sent so)
 * keeps the ruler, the guide that also follows the keyboard.
 */
export function toolList(value: unknown): AssistTool[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const both = !hasOneGuideAtMost(value);
  return ASSIST_TOOLS.filter((tool) => value.includes(tool) && !(both && tool === 'guides'));
}

/** The most characters 指读 reads of one element (the protocol bounds its speech by it). */
export const POINT_READ_MAX_TEXT = 2000;

/** How long the pointer rests on an element before 指读 reads it. */
export const DWELL_MS_CHOICES = [150, 300, 500, 800, 1200] as const;
/** The caption bar's type size: 40 px is already very large; 96 px for the lowest vision. */
export const CAPTION_SIZES_PX = [40, 48, 56, 64, 72, 80, 96] as const;
export const CAPTION_POSITIONS = ['bottom', 'top'] as const;
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];
export const CURSOR_COLOURS = ['black', 'white'] as const;
export type CursorColour = (typeof CURSOR_COLOURS)[number];
export const CURSOR_SIZES_PX = [48, 64] as const;

/**
 * The tools on in a tab: what the user set in that tab wins (including "all off"); a tab the user
 * has not touched gets the site's "always on this site" tools and the defaults from options, where
 * the site's reading guide, if it has one, wins over the defaults' other one.
 */
export function toolsForTab(
  tabChoice: readonly AssistTool[] | undefined,
  site: readonly AssistTool[] | undefined,
  defaults: readonly AssistTool[],
): AssistTool[] {
  if (tabChoice) return toolList(tabChoice) ?? [];
  const siteGuide = READING_GUIDES.find((guide) => site?.includes(guide));
  return ASSIST_TOOLS.filter(
    (tool) =>
      site?.includes(tool) ||
      (defaults.includes(tool) && !(siteGuide && isReadingGuide(tool) && tool !== siteGuide)),
  );
}

function isReadingGuide(tool: AssistTool): boolean {
  return (READING_GUIDES as readonly AssistTool[]).includes(tool);
}

/** The tools with one turned on or off: turning a reading guide on turns the other one off. */
export function withTool(tools: readonly AssistTool[], tool: AssistTool, on: boolean) {
  const next = new Set(tools);
  if (on) {
    if (isReadingGuide(tool)) for (const guide of READING_GUIDES) next.delete(guide);
    next.add(tool);
  } else next.delete(tool);
  return ASSIST_TOOLS.filter((name) => next.has(name));
}

/** What turning tools on in a tab came to: the tools now on, or why the page cannot have them. */
export type AssistSetResult =
  | { ok: true; tools: AssistTool[] }
  | { ok: false; reason: 'no-tab' | 'not-allowed' };
