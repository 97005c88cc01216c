/**
 * 大鼠标: large pointers drawn as SVG data URLs, one per meaning (arrow, hand over links and
 * buttons, I-beam over text fields), filled in one colour with an edge in the other so they show on
 * any page. Browsers take cursor images up to 128 px, so 48 and 64 are safe everywhere.
 */
import type { CursorColour } from './tools';

type Shape = 'arrow' | 'hand' | 'text';

/** Each shape on a 32-unit grid, with its hot spot (where the click lands) on that grid. */
const SHAPES: Record<Shape, { path: string; hotX: number; hotY: number }> = {
  arrow: { path: 'M5 2v25l6.5-6 4.5 9.5 4-1.8-4.4-9.4H24Z', hotX: 5, hotY: 2 },
  hand: {
    path: 'M11 4.5a2.5 2.5 0 0 1 5 0V14l1.2-.3a2.4 2.4 0 0 1 3.3 1.4l.6-.2a2.4 2.4 0 0 1 3.2 1.6l.4-.1a2.4 2.4 0 0 1 3 2.3V23c0 4.4-3.3 7.5-7.7 7.5h-2.6c-2.7 0-4.6-1.3-6.2-3.6l-4.6-6.6a2.4 2.4 0 0 1 3.7-3.1l2.7 2.6Z',
    hotX: 13.5,
    hotY: 2,
  },
  text: { path: 'M10 3h12v3.5h-4v19h4V29H10v-3.5h4v-19h-4Z', hotX: 16, hotY: 16 },
};

/** The CSS `cursor` value for one shape: the image, its hot spot, and the usual keyword behind it. */
export function cursorValue(shape: Shape, colour: CursorColour, sizePx: number): string {
  const { path, hotX, hotY } = SHAPES[shape];
  const fill = colour === 'black' ? '#000' : '#fff';
  const edge = colour === 'black' ? '#fff' : '#000';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${sizePx}" height="${sizePx}" viewBox="0 0 32 32"><path d="${path}" fill="${fill}" stroke="${edge}" stroke-width="1.6" stroke-linejoin="round"/></svg>`;
  const scale = sizePx / 32;
  const fallback = shape === 'arrow' ? 'default' : shape === 'hand' ? 'pointer' : 'text';
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}") ${Math.round(hotX * scale)} ${Math.round(hotY * scale)}, ${fallback}`;
}

/** What shows a hand: links and the things that act when clicked. */
const HAND_SELECTORS = [
  'a[href]',
  'a[href] *',
  'area[href]',
  'button',
  'button *',
  '[role="button"]',
  '[role="link"]',
  '[role="link"] *',
  'summary',
  'select',
  'label',
  'input[type="checkbox"]',
  'input[type="radio"]',
  'input[type="submit"]',
  'input[type="button"]',
  'input[type="reset"]',
  'input[type="image"]',
  'input[type="file"]',
];

/** What shows an I-beam: the places one types. */
const TEXT_SELECTORS = [
  'input:not([type])',
  'input[type="text"]',
  'input[type="search"]',
  'input[type="email"]',
  'input[type="url"]',
  'input[type="tel"]',
  'input[type="password"]',
  'input[type="number"]',
  'textarea',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  '[contenteditable="true"] *',
];

/**
 * The page stylesheet of the large pointer: the arrow has no specificity (`:where`), so the hand and
 * the I-beam rules win wherever they match, and the I-beam (later) wins over the hand.
 */
export function cursorStylesheet(colour: CursorColour, sizePx: number): string {
  return [
    `:where(html,html *){cursor:${cursorValue('arrow', colour, sizePx)} !important}`,
    `${HAND_SELECTORS.join(',')}{cursor:${cursorValue('hand', colour, sizePx)} !important}`,
    `${TEXT_SELECTORS.join(',')}{cursor:${cursorValue('text', colour, sizePx)} !important}`,
  ].join('\n');
}
