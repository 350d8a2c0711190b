/**
 * An API path template as a pattern, for both routers (the HTTP routes and the officer
 * endpoints): `{name}` captures one path segment, `{name+}` the rest of the path. Names
 * come back in the order their groups appear.
 */
export function compilePath(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path.replace(/[.]/g, '\\.').replace(/\{(\w+)(\+?)\}/g, (_m, name: string, rest: string) => {
    names.push(name);
    return rest ? '(.+)' : '([^/]+)';
  });
  return { pattern: new RegExp(`^${source}/?$`), names };
}
