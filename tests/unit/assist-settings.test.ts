import { describe, expect, it } from 'vitest';
import { toolList, toolsForTab, withTool } from '~/utils/assist/tools';
import { ASSIST_MESSAGES } from '~/utils/page-messages';
import { DEFAULT_SETTINGS, migrateSettings, repairSettings, withSite } from '~/utils/settings';

describe('辅助工具 settings', () => {
  it('start with every tool off, a 300 ms dwell and 40 px captions at the bottom', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      assistDefaults: [],
      pointReadDwellMs: 300,
      captionSizePx: 40,
      captionPosition: 'bottom',
      cursorColour: 'black',
      cursorSizePx: 48,
    });
  });

  it('keep valid choices and put defaults in place of invalid ones', () => {
    const repaired = repairSettings({
      assistDefaults: ['caption', 'bogus', 'pointRead', 'caption'],
      pointReadDwellMs: 500,
      captionSizePx: 97,
      captionPosition: 'top',
      cursorColour: 'red',
      cursorSizePx: 64,
    });
    expect(repaired.assistDefaults).toEqual(['pointRead', 'caption']);
    expect(repaired.pointReadDwellMs).toBe(500);
    expect(repaired.captionSizePx).toBe(40);
    expect(repaired.captionPosition).toBe('top');
    expect(repaired.cursorColour).toBe('black');
    expect(repaired.cursorSizePx).toBe(64);
    expect(repairSettings({ assistDefaults: 'caption' }).assistDefaults).toEqual([]);
  });

  it('a version-2 object (before the tools) comes out with the tools off and its own choices kept', () => {
    const old = { version: 2, fontSizePx: 28, sites: { 'www.ziyang.gov.cn': { autoOpen: true } } };
    const migrated = migrateSettings(old);
    expect(migrated.fontSizePx).toBe(28);
    expect(migrated.assistDefaults).toEqual([]);
    expect(migrated.sites).toEqual({ 'www.ziyang.gov.cn': { autoOpen: true } });
  });

  it('keep one reading guide (the guide lines or the ruler) in the defaults and each site, also from an older object holding both', () => {
    const stored = migrateSettings({
      version: 3,
      assistDefaults: ['guides', 'caption', 'ruler'],
      sites: { 'a.gov.cn': { assist: ['ruler', 'guides'] }, 'b.gov.cn': { assist: ['guides'] } },
    });
    expect(stored.assistDefaults).toEqual(['caption', 'ruler']);
    expect(stored.sites).toEqual({
      'a.gov.cn': { assist: ['ruler'] },
      'b.gov.cn': { assist: ['guides'] },
    });
  });

  it('keep "always on this site" per site, and drop the entry when the last flag goes', () => {
    const stored = repairSettings({
      sites: { 'a.gov.cn': { assist: ['cursor', 'nope'] }, 'b.gov.cn': { assist: [] } },
    });
    expect(stored.sites).toEqual({ 'a.gov.cn': { assist: ['cursor'] } });
    const on = { ...stored, sites: withSite(stored, 'b.gov.cn', { assist: ['caption'] }) };
    expect(on.sites['b.gov.cn']).toEqual({ assist: ['caption'] });
    expect(withSite(on, 'b.gov.cn', { assist: [] })).toEqual({
      'a.gov.cn': { assist: ['cursor'] },
    });
  });
});

describe('tools in a tab', () => {
  it('are what the user set in the tab, even none; else the site’s and the defaults', () => {
    expect(toolsForTab(['cursor'], ['caption'], ['pointRead'])).toEqual(['cursor']);
    expect(toolsForTab([], ['caption'], ['pointRead'])).toEqual([]);
    expect(toolsForTab(undefined, ['caption'], ['pointRead'])).toEqual(['pointRead', 'caption']);
    expect(toolsForTab(undefined, undefined, [])).toEqual([]);
  });

  it('get one reading guide from the site and the defaults: the site’s wins', () => {
    expect(toolsForTab(undefined, ['guides'], ['ruler', 'cursor'])).toEqual(['guides', 'cursor']);
    expect(toolsForTab(undefined, ['ruler'], ['guides'])).toEqual(['ruler']);
    expect(toolsForTab(undefined, ['caption'], ['guides'])).toEqual(['caption', 'guides']);
    expect(toolsForTab(['guides', 'ruler'], undefined, [])).toEqual(['ruler']);
  });

  it('hold the guide lines or the ruler, not both', () => {
    expect(withTool(['guides', 'caption'], 'ruler', true)).toEqual(['caption', 'ruler']);
    expect(withTool(['ruler'], 'guides', true)).toEqual(['guides']);
    expect(withTool(['ruler', 'cursor'], 'cursor', false)).toEqual(['ruler']);
    expect(withTool(['guides'], 'guides', false)).toEqual([]);
    expect(toolList(['cursor', 'pointRead', 7])).toEqual(['pointRead', 'cursor']);
    expect(toolList(['guides', 'ruler', 'cursor'])).toEqual(['ruler', 'cursor']);
    // The page's tools are never told to show both.
    const { valid } = ASSIST_MESSAGES['→page:assist-tools'];
    expect(valid({ type: '→page:assist-tools', tools: ['guides', 'cursor'] })).toBe(true);
    expect(valid({ type: '→page:assist-tools', tools: ['guides', 'ruler'] })).toBe(false);
  });
});
