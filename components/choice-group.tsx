import type { ComponentChildren } from 'preact';

export interface Choice<T> {
  value: T;
  label: string;
  testId: string;
  /** Drawn in the choice's own colours (theme swatches). */
  swatch?: { text: string; background: string };
}

/** A labelled set of buttons of which one is pressed: radio buttons that look like the toolbar. */
export function ChoiceGroup<T>({
  label,
  choices,
  value,
  onChoose,
}: {
  label: string;
  choices: Choice<T>[];
  value: T;
  onChoose: (value: T) => void;
}) {
  return (
    <fieldset class="yd-group yd-choices">
      <legend class="yd-legend">{label}</legend>
      {choices.map((choice) => (
        <button
          type="button"
          class="yd-button"
          key={choice.testId}
          data-testid={choice.testId}
          aria-pressed={choice.value === value}
          onClick={() => onChoose(choice.value)}
        >
          {choice.swatch && (
            <span
              class="yd-swatch"
              aria-hidden="true"
              style={`color:${choice.swatch.text};background:${choice.swatch.background}`}
            >
              字
            </span>
          )}
          <span>{choice.label}</span>
        </button>
      ))}
    </fieldset>
  );
}

/** A toolbar button that shows or hides a panel of choices (one panel open at a time). */
export function PanelButton({
  id,
  icon,
  label,
  open,
  onToggle,
}: {
  id: string;
  icon: ComponentChildren;
  label: string;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      class="yd-button"
      data-testid={`menu-${id}`}
      aria-expanded={open}
      aria-controls={`yd-panel-${id}`}
      onClick={onToggle}
    >
      <span class="yd-icon" aria-hidden="true">
        {icon}
      </span>
      <span>{label}</span>
    </button>
  );
}
