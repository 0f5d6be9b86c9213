export type RequestFrame = (callback: (time: number) => void) => unknown;

/**
 * Coalesces render requests: however often `schedule` is called between two
 * animation frames, `render` runs once, in the next frame.
 */
export function createFrameScheduler(render: () => void, requestFrame: RequestFrame): { schedule(): void } {
  let pending = false;
  return {
    schedule(): void {
      if (pending) {
        return;
      }
      pending = true;
      requestFrame(() => {
        pending = false;
        render();
      });
    },
  };
}
