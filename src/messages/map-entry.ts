/** Sets a map entry as an own property: plain assignment of '__proto__' would set the prototype. */
export function setEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}
