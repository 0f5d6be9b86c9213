/** Removes a listener or a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void;

export type Listener<T> = (value: T) => void;

/** A tiny typed event source: one value type, many listeners. */
export interface Emitter<T> {
  emit(value: T): void;
  subscribe(listener: Listener<T>): Unsubscribe;
  readonly size: number;
}

/**
 * Creates an emitter. A listener that throws is reported to `onListenerError`
 * and does not stop the others from hearing the value.
 */
export function createEmitter<T>(
  onListenerError: (error: unknown) => void = (error) => console.error(error),
): Emitter<T> {
  const listeners = new Set<Listener<T>>();
  return {
    emit(value: T): void {
      // Copy so a listener that unsubscribes during emit does not skip another.
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener: Listener<T>): Unsubscribe {
      // Wrap so the same function subscribed twice is two subscriptions.
      const entry: Listener<T> = (value) => listener(value);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get size(): number {
      return listeners.size;
    },
  };
}
