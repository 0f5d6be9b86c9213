import { describe, expect, it } from 'vitest';
import { createEmitter } from '../src/emitter';

describe('createEmitter', () => {
  it('delivers to every listener until it unsubscribes', () => {
    const emitter = createEmitter<number>();
    const a: number[] = [];
    const b: number[] = [];
    const stopA = emitter.subscribe((v) => a.push(v));
    emitter.subscribe((v) => b.push(v));
    emitter.emit(1);
    stopA();
    stopA();
    emitter.emit(2);
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
    expect(emitter.size).toBe(1);
  });

  it('keeps delivering when one listener throws', () => {
    const errors: unknown[] = [];
    const emitter = createEmitter<string>((error) => errors.push(error));
    const heard: string[] = [];
    emitter.subscribe(() => {
      throw new Error('boom');
    });
    emitter.subscribe((v) => heard.push(v));
    emitter.emit('x');
    expect(heard).toEqual(['x']);
    expect(errors).toHaveLength(1);
  });
});
