/**
 * Store: what React's useSyncExternalStore needs — get() returns the same snapshot object until a set(),
 * set() replaces the snapshot (never mutates it) and then tells every listener once, and the function
 * subscribe() returns stops the telling.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Store } from '../../../lib/lab/store';

interface State {
  count: number;
  name: string;
  nested: { items: number[] };
}

function initial(): State {
  return { count: 0, name: 'a', nested: { items: [1, 2] } };
}

describe('Store', () => {
  it('get() returns the very object given, and the same one on every call until set()', () => {
    const state = initial();
    const store = new Store(state);
    assert.equal(store.get(), state);
    assert.equal(store.get(), store.get());
  });

  it('set() replaces the snapshot: the old one is untouched, the new one is a different object with the patch applied', () => {
    const store = new Store(initial());
    const before = store.get();
    store.set({ count: 5 });
    const after = store.get();
    assert.notEqual(after, before);
    assert.deepEqual(before, { count: 0, name: 'a', nested: { items: [1, 2] } });
    assert.deepEqual(after, { count: 5, name: 'a', nested: { items: [1, 2] } });
  });

  it('the patch is shallow: fields not in the patch keep their identity', () => {
    const store = new Store(initial());
    const nested = store.get().nested;
    store.set({ name: 'b' });
    assert.equal(store.get().nested, nested);
  });

  it('every set() gives a new snapshot, even an empty patch or an unchanged value', () => {
    const store = new Store(initial());
    const seen = new Set([store.get()]);
    store.set({});
    seen.add(store.get());
    store.set({ count: 0 });
    seen.add(store.get());
    assert.equal(seen.size, 3);
  });

  it('each listener is called exactly once per set(), after the snapshot is replaced', () => {
    const store = new Store(initial());
    const calls: string[] = [];
    store.subscribe(() => calls.push(`first saw ${store.get().count}`));
    store.subscribe(() => calls.push(`second saw ${store.get().count}`));
    store.set({ count: 1 });
    assert.deepEqual(calls, ['first saw 1', 'second saw 1']);
    store.set({ count: 2 });
    store.set({});
    assert.deepEqual(calls, [
      'first saw 1',
      'second saw 1',
      'first saw 2',
      'second saw 2',
      'first saw 2',
      'second saw 2',
    ]);
  });

  it('no listener is called by get() or subscribe()', () => {
    const store = new Store(initial());
    let calls = 0;
    store.subscribe(() => calls++);
    store.get();
    store.subscribe(() => calls++);
    assert.equal(calls, 0);
  });

  it('the function subscribe() returns stops that listener and no other; calling it twice is harmless', () => {
    const store = new Store(initial());
    let a = 0;
    let b = 0;
    const stopA = store.subscribe(() => a++);
    store.subscribe(() => b++);
    store.set({ count: 1 });
    stopA();
    store.set({ count: 2 });
    stopA();
    store.set({ count: 3 });
    assert.deepEqual([a, b], [1, 3]);
  });

  it('a listener that unsubscribes itself while being called is called once and never again', () => {
    const store = new Store(initial());
    let calls = 0;
    const stop = store.subscribe(() => {
      calls++;
      stop();
    });
    store.set({ count: 1 });
    store.set({ count: 2 });
    assert.equal(calls, 1);
  });

  it('the same function subscribed twice is one subscription (a Set): called once per set(), gone after one unsubscribe', () => {
    const store = new Store(initial());
    let calls = 0;
    const listener = () => calls++;
    const stopFirst = store.subscribe(listener);
    store.subscribe(listener);
    store.set({ count: 1 });
    assert.equal(calls, 1);
    stopFirst();
    store.set({ count: 2 });
    assert.equal(calls, 1);
  });

  it('get and subscribe work detached from the store (React calls them as plain functions)', () => {
    const store = new Store(initial());
    const { get, subscribe } = store;
    let calls = 0;
    const stop = subscribe(() => calls++);
    store.set({ count: 7 });
    assert.equal(get().count, 7);
    stop();
    store.set({ count: 8 });
    assert.equal(calls, 1);
  });

  describe('waitFor', () => {
    it('resolves with the first snapshot set after the call that it accepts, not with the current one', async () => {
      const store = new Store(initial());
      store.set({ count: 3 });
      const waiting = store.waitFor((state) => state.count >= 3);
      store.set({ count: 1 });
      store.set({ count: 4, name: 'b' });
      store.set({ count: 5 });
      assert.deepEqual(await waiting, { count: 4, name: 'b', nested: { items: [1, 2] } });
    });

    it('stops listening once resolved', async () => {
      const store = new Store(initial());
      let asked = 0;
      const waiting = store.waitFor(() => ++asked === 2);
      store.set({ count: 1 });
      store.set({ count: 2 });
      await waiting;
      store.set({ count: 3 });
      assert.equal(asked, 2);
    });

    it('rejects after the timeout, naming what did not happen, and stops listening', async (t) => {
      t.mock.timers.enable({ apis: ['setTimeout'] });
      const store = new Store(initial());
      let asked = 0;
      const waiting = store.waitFor(() => (asked++, false), 2_000, 'frame 180 being drawn');
      store.set({ count: 1 });
      t.mock.timers.tick(1_999);
      store.set({ count: 2 });
      t.mock.timers.tick(1);
      await assert.rejects(waiting, { message: 'frame 180 being drawn did not happen within 2 s' });
      store.set({ count: 3 });
      assert.equal(asked, 2);
    });
  });
});
