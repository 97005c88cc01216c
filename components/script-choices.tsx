import type { ScriptChoice, SourceChoice } from '../utils/convert/script-view';
import type { Script } from '../utils/convert/scripts';
import { type MessageKey, t } from '../utils/i18n';
import { withSite } from '../utils/settings';
import { ChoiceGroup } from './choice-group';
import type { ControlProps } from './reading-controls';

export const SCRIPT_LABELS: Record<ScriptChoice, MessageKey> = {
  original: 'scriptOriginal',
  cn: 'scriptHans',
  t: 'scriptHant',
  tw: 'scriptTw',
  twp: 'scriptTwp',
  hk: 'scriptHk',
};
const SCRIPT_CHOICES: ScriptChoice[] = ['original', 'cn', 't', 'tw', 'twp', 'hk'];
const SOURCE_CHOICES: SourceChoice[] = ['auto', 'cn', 't', 'tw', 'hk'];

/** What the script controls show: the choice in effect, and how the conversion went. */
export interface ScriptStatus {
  from?: Script;
  loading: boolean;
  failed: boolean;
}

/**
 * Simplified/traditional: the script to show (原文 restores exactly), what the article is written
 * in (detected unless said), and, when the site is known, "always show this site this way".
 */
export function ScriptChoices({
  settings,
  onChange,
  host,
  status,
  showSource = true,
}: ControlProps & { host?: string; status?: ScriptStatus; showSource?: boolean }) {
  const siteScript = host ? settings.sites[host]?.script : undefined;
  const shown: ScriptChoice = siteScript ?? settings.script;
  // A site that always shows one script follows a new choice made there.
  const choose = (script: ScriptChoice) =>
    onChange(
      host && siteScript
        ? {
            script,
            sites: withSite(settings, host, { script: script === 'original' ? undefined : script }),
          }
        : { script },
    );
  return (
    <>
      <ChoiceGroup
        label={t('scriptShowLabel')}
        value={shown}
        onChoose={choose}
        choices={SCRIPT_CHOICES.map((value) => ({
          value,
          testId: `script-${value}`,
          label: t(SCRIPT_LABELS[value]),
        }))}
      />
      {showSource && (
        <ChoiceGroup
          label={t('scriptSourceLabel')}
          value={settings.sourceScript}
          onChoose={(sourceScript) => onChange({ sourceScript })}
          choices={SOURCE_CHOICES.map((value) => ({
            value,
            testId: `source-${value}`,
            label: value === 'auto' ? t('scriptSourceAuto') : t(SCRIPT_LABELS[value]),
          }))}
        />
      )}
      {host && (
        <label class="yd-check">
          <input
            type="checkbox"
            data-testid="script-site"
            checked={siteScript !== undefined}
            disabled={shown === 'original'}
            onChange={(event) =>
              onChange({
                sites: withSite(settings, host, {
                  script: event.currentTarget.checked && shown !== 'original' ? shown : undefined,
                }),
              })
            }
          />
          <span>{t('scriptSiteAlways')}</span>
        </label>
      )}
      <p class="yd-note" role="status" data-testid="script-status">
        {status?.loading
          ? t('scriptLoading')
          : status?.failed
            ? t('scriptFailed')
            : status?.from
              ? t('scriptDetected', t(SCRIPT_LABELS[status.from]))
              : ''}
      </p>
    </>
  );
}
