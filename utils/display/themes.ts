/**
 * Reader colour themes as data. A unit test measures every pair here: at least 4.5:1 (WCAG AA) in
 * ordinary themes and 7:1 (AAA) in high-contrast ones, for text, muted text, links, the focus ring
 * and buttons. `dark` themes get a heavier body weight: thin CJK strokes blur on dark grounds.
 */
export interface Theme {
  highContrast: boolean;
  dark: boolean;
  text: string;
  background: string;
  muted: string;
  link: string;
  focus: string;
  buttonText: string;
  buttonBackground: string;
  border: string;
}

export const THEMES = {
  default: {
    highContrast: false,
    dark: false,
    text: '#1f1b16',
    background: '#fbf8f1',
    muted: '#56504a',
    link: '#0b4a8f',
    focus: '#0b4a8f',
    buttonText: '#1f1b16',
    buttonBackground: '#ece5d6',
    border: '#7a7065',
  },
  sepia: {
    highContrast: false,
    dark: false,
    text: '#3b2c1a',
    background: '#f3e7cf',
    muted: '#5c4a33',
    link: '#7a3205',
    focus: '#7a3205',
    buttonText: '#3b2c1a',
    buttonBackground: '#e6d5b4',
    border: '#8a7455',
  },
  dark: {
    highContrast: false,
    dark: true,
    text: '#e6e3dd',
    background: '#1c1c1e',
    muted: '#bdb8b0',
    link: '#8ec5ff',
    focus: '#8ec5ff',
    buttonText: '#e6e3dd',
    buttonBackground: '#2c2c2f',
    border: '#8a8a8f',
  },
  'black-on-white': {
    highContrast: true,
    dark: false,
    text: '#000000',
    background: '#ffffff',
    muted: '#1a1a1a',
    link: '#0000b3',
    focus: '#0000b3',
    buttonText: '#000000',
    buttonBackground: '#ffffff',
    border: '#000000',
  },
  'white-on-black': {
    highContrast: true,
    dark: true,
    text: '#ffffff',
    background: '#000000',
    muted: '#e6e6e6',
    link: '#ffff00',
    focus: '#ffff00',
    buttonText: '#ffffff',
    buttonBackground: '#1a1a1a',
    border: '#ffffff',
  },
  'yellow-on-black': {
    highContrast: true,
    dark: true,
    text: '#ffff00',
    background: '#000000',
    muted: '#ffff99',
    link: '#00ffff',
    focus: '#00ffff',
    buttonText: '#ffff00',
    buttonBackground: '#000000',
    border: '#ffff00',
  },
} as const satisfies Record<string, Theme>;

export type PaletteName = keyof typeof THEMES;

/** What the user can choose: a palette, or "follow the system" (resolved by media queries). */
export type ThemeName = PaletteName | 'system';

export const THEME_NAMES: readonly ThemeName[] = [
  ...(Object.keys(THEMES) as PaletteName[]),
  'system',
];

export function isThemeName(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEME_NAMES as readonly string[]).includes(value);
}

/** One palette's colours as CSS custom properties. */
export function paletteDeclarations(name: PaletteName): string {
  const theme: Theme = THEMES[name];
  return [
    `--yd-text:${theme.text}`,
    `--yd-bg:${theme.background}`,
    `--yd-muted:${theme.muted}`,
    `--yd-link:${theme.link}`,
    `--yd-focus:${theme.focus}`,
    `--yd-button-text:${theme.buttonText}`,
    `--yd-button-bg:${theme.buttonBackground}`,
    `--yd-border:${theme.border}`,
    `--yd-body-weight:${theme.dark ? 500 : 400}`,
  ].join(';');
}

/**
 * The stylesheet that colours `selector` for the chosen theme. "system" follows the operating
 * system: dark or light, more contrast (white on black or black on white), and forced colours
 * (Windows high contrast), where the system's own colour keywords are used.
 */
export function themeStylesheet(selector: string, name: ThemeName): string {
  if (name !== 'system') return `${selector}{${paletteDeclarations(name)}}`;
  return [
    `${selector}{${paletteDeclarations('default')}}`,
    `@media (prefers-color-scheme: dark){${selector}{${paletteDeclarations('dark')}}}`,
    `@media (prefers-contrast: more){${selector}{${paletteDeclarations('black-on-white')}}}`,
    `@media (prefers-contrast: more) and (prefers-color-scheme: dark){${selector}{${paletteDeclarations('white-on-black')}}}`,
    `@media (forced-colors: active){${selector}{--yd-text:CanvasText;--yd-bg:Canvas;--yd-muted:CanvasText;--yd-link:LinkText;--yd-focus:Highlight;--yd-button-text:ButtonText;--yd-button-bg:ButtonFace;--yd-border:ButtonText;--yd-body-weight:400}}`,
  ].join('\n');
}
