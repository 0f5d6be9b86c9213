// Node 20 has no Map.groupBy (it came in Node 21); Vitest 5's reporter calls it when it prints failed tests, and
// without it a failing run ends in "Map.groupBy is not a function" instead of the failures. Loaded with --import
// before Vitest; does nothing on a Node that has it.
if (typeof Map.groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value(items, keyOf) {
      const groups = new Map();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}
