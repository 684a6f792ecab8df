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

/** A template context with its lazy texts made: a copy of plain objects and arrays. */
export function materialize(value: unknown): unknown {
  if (value instanceof LazyText) return value.toString();
  if (Array.isArray(value)) return value.map(materialize);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = materialize(item);
    return copy;
  }
  return value;
}
