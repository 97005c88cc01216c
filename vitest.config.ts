import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// WxtVitest does not carry the Vite plugins from wxt.config.ts, so Preact's JSX is given here too.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Tests that need a DOM build one with jsdom themselves (tests/unit/golden-pages.ts).
    environment: 'node',
    restoreMocks: true,
  },
});
