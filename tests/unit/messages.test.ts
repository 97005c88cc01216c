import { describe, expect, it } from 'vitest';
import { createMessageListener } from '~/utils/messages';

describe('createMessageListener', () => {
  const listener = createMessageListener({
    '→page:get-status': () => ({ kind: 'not-article' as const, reasons: [] }),
  });

  it('answers the messages it has a handler for', async () => {
    await expect(listener({ type: '→page:get-status' }, {})).resolves.toEqual({
      kind: 'not-article',
      reasons: [],
    });
  });

  it('leaves other messages and non-messages unanswered, for other listeners', () => {
    expect(listener({ type: '→page:reader-open' }, {})).toBeUndefined();
    expect(listener('hello', {})).toBeUndefined();
    expect(listener(null, {})).toBeUndefined();
  });
});
