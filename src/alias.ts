/**
 * Paddle spellings of camelCase methods (DESIGN.md §1): each alias is the *same* function object,
 * assigned once on the prototype. Declare the alias in an interface merged with the class, e.g.
 * `export interface Optimizer { clear_grad: Optimizer['clearGrad'] }`.
 * @param ctor - The class whose prototype gets the aliases.
 * @param aliases - Paddle name → camelCase method name, e.g. `{ clear_grad: 'clearGrad' }`.
 * @throws Error when a camelCase target is not defined on the prototype (a programming error, raised at import).
 */
export function aliasMethods<T extends object>(
  ctor: { prototype: T },
  aliases: Readonly<Record<string, keyof T & string>>,
): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const [alias, target] of Object.entries(aliases)) {
    const desc = Object.getOwnPropertyDescriptor(proto, target);
    if (desc === undefined) throw new Error(`aliasMethods: ${target} is not defined on the prototype`);
    Object.defineProperty(proto, alias, { ...desc, enumerable: false });
  }
}
