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

/** A set of tools as storage keeps it: known names only, each once, in the order of ASSIST_TOOLS. */
export function toolList(value: unknown): AssistTool[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return ASSIST_TOOLS.filter((tool) => value.includes(tool));
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
 * has not touched gets the site's "always on this site" tools and the defaults from options.
 */
export function toolsForTab(
  tabChoice: readonly AssistTool[] | undefined,
  site: readonly AssistTool[] | undefined,
  defaults: readonly AssistTool[],
): AssistTool[] {
  if (tabChoice) return [...tabChoice];
  return ASSIST_TOOLS.filter((tool) => site?.includes(tool) || defaults.includes(tool));
}

/** The tools with one turned on or off. The ruler and the guide lines are one tool at a time. */
export function withTool(tools: readonly AssistTool[], tool: AssistTool, on: boolean) {
  const next = new Set(tools);
  if (on) {
    next.add(tool);
    if (tool === 'ruler') next.delete('guides');
    if (tool === 'guides') next.delete('ruler');
  } else next.delete(tool);
  return ASSIST_TOOLS.filter((name) => next.has(name));
}

/** What turning tools on in a tab came to: the tools now on, or why the page cannot have them. */
export type AssistSetResult =
  | { ok: true; tools: AssistTool[] }
  | { ok: false; reason: 'no-tab' | 'not-allowed' };
