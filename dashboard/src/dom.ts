/** Small DOM helpers: build elements, and change text or attributes only when they differ. */

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | undefined>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) {
      element.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

// Writing the same text again would make screen readers repeat a live region, and costs layout.
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) {
    element.textContent = text;
  }
}

export function setAttr(element: Element, name: string, value: string | undefined): void {
  if (value === undefined) {
    if (element.hasAttribute(name)) {
      element.removeAttribute(name);
    }
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) {
    element.hidden = hidden;
  }
}

/**
 * Keeps a container's children in step with a list by key: existing elements
 * are updated in place, new ones created, gone ones removed, and elements
 * moved only when out of order. Big tables are paged before they get here.
 */
export function reconcile<T, E extends HTMLElement>(
  container: HTMLElement,
  items: readonly T[],
  key: (item: T) => string,
  create: (item: T) => E,
  update: (element: E, item: T) => void,
): void {
  const existing = new Map<string, E>();
  for (const child of Array.from(container.children)) {
    const childKey = (child as HTMLElement).dataset['key'];
    if (childKey !== undefined) {
      existing.set(childKey, child as E);
    }
  }
  let cursor: Element | null = container.firstElementChild;
  for (const item of items) {
    const itemKey = key(item);
    let element = existing.get(itemKey);
    if (element === undefined) {
      element = create(item);
      element.dataset['key'] = itemKey;
    } else {
      existing.delete(itemKey);
    }
    update(element, item);
    if (element !== cursor) {
      container.insertBefore(element, cursor);
    } else {
      cursor = cursor.nextElementSibling;
    }
  }
  for (const stale of existing.values()) {
    stale.remove();
  }
}

export function byId<T extends HTMLElement = HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`#${CSS.escape(id)}`);
  if (found === null) {
    throw new Error(`no #${id}`);
  }
  return found;
}
