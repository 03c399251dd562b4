/** A store refused a change; `field` names the input at fault when there is one. */
export class StoreError extends Error {
  readonly field: string | undefined;
  /** The HTTP status when the store is an API. */
  readonly status: number | undefined;

  constructor(message: string, options: { field?: string | undefined; status?: number | undefined } = {}) {
    super(message);
    this.name = 'StoreError';
    this.field = options.field;
    this.status = options.status;
  }
}

/** A person-readable message for anything a store or the network threw. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
