import { describe, expect, it } from 'vitest';
import { createFrameScheduler } from '../src/frame';

describe('createFrameScheduler', () => {
  it('renders once per frame however often it is asked', () => {
    const frames: ((time: number) => void)[] = [];
    let renders = 0;
    const scheduler = createFrameScheduler(
      () => renders++,
      (callback) => frames.push(callback),
    );

    scheduler.schedule();
    scheduler.schedule();
    scheduler.schedule();
    expect(frames).toHaveLength(1);
    expect(renders).toBe(0);

    frames.shift()?.(16);
    expect(renders).toBe(1);

    scheduler.schedule();
    expect(frames).toHaveLength(1);
    frames.shift()?.(32);
    expect(renders).toBe(2);
  });

  it('can ask for the next frame from inside a render', () => {
    const frames: ((time: number) => void)[] = [];
    let renders = 0;
    const scheduler = createFrameScheduler(
      () => {
        renders++;
        if (renders === 1) {
          scheduler.schedule();
        }
      },
      (callback) => frames.push(callback),
    );
    scheduler.schedule();
    frames.shift()?.(16);
    expect(frames).toHaveLength(1);
  });
});
