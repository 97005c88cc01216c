import { startAssistPage } from '~/utils/assist/page-main';

/**
 * The 辅助工具 (指读, caption bar, guide lines, reading ruler, large pointer): injected by the
 * background only into a tab where one of them is on (utils/background/assist-service.ts), in the
 * top frame only. A second injection finds the first already listening.
 */
export default defineUnlistedScript(() => {
  const global = globalThis as { yiduAssist?: true };
  if (global.yiduAssist) return;
  global.yiduAssist = true;
  startAssistPage(document, import.meta.env.BROWSER === 'firefox');
});
