/**
 * Reader colour themes as data. A unit test measures every pair here: at least 4.5:1 (WCAG AA) in
 * ordinary themes and 7:1 (AAA) in high-contrast ones, for text, links, the focus ring and buttons.
 */
export interface Theme {
  highContrast: boolean;
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
    text: '#1f1b16',
    background: '#fbf8f1',
    muted: '#56504a',
    link: '#0b4a8f',
    focus: '#0b4a8f',
    buttonText: '#1f1b16',
    buttonBackground: '#ece5d6',
    border: '#7a7065',
  },
  contrast: {
    highContrast: true,
    text: '#ffffff',
    background: '#000000',
    muted: '#e6e6e6',
    link: '#ffff00',
    focus: '#ffff00',
    buttonText: '#ffffff',
    buttonBackground: '#1a1a1a',
    border: '#ffffff',
  },
} as const satisfies Record<string, Theme>;

export type ThemeName = keyof typeof THEMES;

/** The theme's colours as CSS custom properties, for the reader's shadow root. */
export function themeCssVariables(name: ThemeName): string {
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
  ].join(';');
}
