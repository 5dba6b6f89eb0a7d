/**
 * A contract path template (`/customers/{id}`) as regular-expression source: its literal text escaped, each
 * `{name}` written as `param`, and the names in order. The simulator's router and the conformance family's
 * servesPath match paths with it, each with its own `param` and anchors.
 */
export function pathTemplateSource(template: string, param: string): { source: string; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part);
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name[1]!);
      return param;
    })
    .join('');
  return { source, names };
}
