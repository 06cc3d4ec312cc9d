/**
 * A plain object: its prototype is null or an Object.prototype (of any realm), and it is no
 * built-in (Date, Map, arguments, …) or class instance.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return (
    (prototype === null || Object.getPrototypeOf(prototype) === null) &&
    Object.prototype.toString.call(value) === '[object Object]'
  );
}

/** A value as error messages show it: 'text', 12, null, object, an array, a Map, a Foo. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value !== 'object' || isPlainObject(value)) return typeof value;
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  const name = tag === 'Object' ? (constructorName(value) ?? 'object') : tag;
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
}

function constructorName(value: object): string | undefined {
  const prototype = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
  const name = prototype?.constructor?.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
