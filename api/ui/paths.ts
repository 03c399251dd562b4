/** Every URL the UI links to, built in one place so pages and routes agree. */

export const UI = '/ui';

const enc = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  const s = search.toString();
  return s === '' ? '' : `?${s}`;
}

export const paths = {
  home: (prompt?: string) => `/${query({ prompt })}`,
  generate: () => `${UI}/generate`,
  runs: (params: { status?: string | undefined; cursor?: string | undefined } = {}) => `${UI}/runs${query(params)}`,
  run: (id: string) => `${UI}/runs/${enc(id)}`,
  runEvents: (id: string) => `${UI}/runs/${enc(id)}/events`,
  cancel: (id: string) => `${UI}/runs/${enc(id)}/cancel`,
  retry: (id: string) => `${UI}/runs/${enc(id)}/retry`,
  /** GET: the preview section alone (polled while it starts); POST: start it. */
  preview: (id: string) => `${UI}/runs/${enc(id)}/preview`,
  stopPreview: (id: string) => `${UI}/runs/${enc(id)}/preview/stop`,
  artifact: (id: string, name: string) => `${UI}/runs/${enc(id)}/artifacts/${enc(name)}`,
  /** Zip entries keep their slashes, so the file page's URL reads like the path. */
  file: (id: string, path: string) => `${UI}/runs/${enc(id)}/files/${path.split('/').map(enc).join('/')}`,
  workflows: () => `${UI}/workflows`,
  workflow: (ref: string) => `${UI}/workflows/${enc(ref)}`,
  newWorkflow: (from?: string) => `${UI}/workflows/new${query({ from })}`,
  validateWorkflow: () => `${UI}/workflows/validate`,
  plugins: () => `${UI}/plugins`,
  health: () => `${UI}/health`,
  login: (next?: string) => `${UI}/login${query({ next })}`,
  logout: () => `${UI}/logout`,
  asset: (name: string) => `${UI}/assets/${name}`,
};
