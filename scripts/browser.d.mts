import type { BrowserContext, Worker } from 'playwright-core';
export const EXTENSION_DIR: string;
export const BROWSER_NOT_FOUND: string;
export function findBrowser(): string | undefined;
export function silentSpeechEnvironment(): Record<string, string>;
export function launchWithExtension(options?: {
  headless?: boolean;
  hostRules?: string;
  lang?: string;
  args?: string[];
  speech?: 'system' | 'silent' | 'off';
  alongside?: string[];
}): Promise<{ context: BrowserContext; extensionId: string; serviceWorker: Worker }>;
