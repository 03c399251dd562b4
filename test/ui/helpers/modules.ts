/** Loads one of the UI's browser modules (a string) into Node, for those that need no DOM. */
export async function loadModule<T>(source: string): Promise<T> {
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as T;
}
