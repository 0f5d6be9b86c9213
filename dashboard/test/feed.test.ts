import { describe, expect, it } from 'vitest';
import { Feed } from '../src/store/feed';

describe('Feed', () => {
  it('keeps the newest first, capped, with distinct ids', () => {
    const feed = new Feed(3);
    feed.add([{ at: 1, kind: 'disrupted', text: 'a' }]);
    feed.add([
      { at: 3, kind: 'recovered', text: 'c' },
      { at: 2, kind: 'quadrant', text: 'b' },
    ]);
    feed.add([{ at: 4, kind: 'hidden', text: 'd' }]);
    expect(feed.latest.map((item) => item.text)).toEqual(['d', 'c', 'b']);
    expect(new Set(feed.latest.map((item) => item.id)).size).toBe(3);
  });

  it('does not count an empty batch as a change', () => {
    const feed = new Feed();
    feed.add([]);
    expect(feed.version).toBe(0);
  });
});
