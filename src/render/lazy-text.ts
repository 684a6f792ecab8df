/**
 * Text that is made only if the page holding it is rendered. Until then it stands in the page's
 * key (JSON) by what it is made from, which is cheaper to know than the text itself.
 */
export class LazyText {
  #text: string | undefined;

  constructor(
    private readonly make: () => string,
    private readonly identify: () => unknown,
  ) {}

  toString(): string {
    this.#text ??= this.make();
    return this.#text;
  }

  toJSON(): unknown {
    return this.identify();
  }
}

/**
 * Makes the lazy texts of a template context, in place: a context is made for one render and
 * thrown away after it (its plain objects and arrays are its own).
 */
export function materialize<Value>(value: Value): Value {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (item instanceof LazyText) value[index] = item.toString();
      else if (item !== null && typeof item === 'object') materialize(item);
    }
  } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (item instanceof LazyText) record[key] = item.toString();
      else if (item !== null && typeof item === 'object') materialize(item);
    }
  }
  return value;
}
