/** A request cookie's value: cookie-parser types `request.cookies` as `any`, and a cookie is a string or absent. */
export function cookieOf(request: { cookies?: unknown }, name: string): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
