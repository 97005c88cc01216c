import { startBackground } from '~/utils/background/start-background';

/** The background: its services and their message handlers (utils/background/start-background.ts). */
export default defineBackground(() => startBackground());
