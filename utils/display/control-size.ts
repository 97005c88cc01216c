/**
 * The size of our own controls (reader toolbar and panels, popup, options page, on-page button):
 * the readers who need the largest text cannot read 16 px buttons. Targets of 48 / 60 / 72 px
 * (the MIIT elder guidance asks for 60) and labels of about 18 / 22 / 28 px, as CSS custom
 * properties that components/reading-controls.css and the on-page button's stylesheet read.
 */
export const CONTROL_SIZES = {
  normal: { labelPx: 18, smallPx: 16, targetPx: 48 },
  large: { labelPx: 22, smallPx: 20, targetPx: 60 },
  xlarge: { labelPx: 28, smallPx: 24, targetPx: 72 },
} as const;

export type ControlSize = keyof typeof CONTROL_SIZES;
export const CONTROL_SIZE_NAMES = Object.keys(CONTROL_SIZES) as ControlSize[];

export function isControlSize(value: unknown): value is ControlSize {
  return typeof value === 'string' && Object.hasOwn(CONTROL_SIZES, value);
}

export function controlSizeDeclarations(size: ControlSize): string {
  const { labelPx, smallPx, targetPx } = CONTROL_SIZES[size] ?? CONTROL_SIZES.normal;
  return `--yd-control-font:${labelPx}px;--yd-control-small:${smallPx}px;--yd-control-target:${targetPx}px`;
}
