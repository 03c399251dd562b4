import { html, type Html, type Interpolation } from './html.ts';

/** A status as a word with a colour; the word carries the meaning, the colour only helps. */
export function statusBadge(status: string): Html {
  return html`<span class="badge status-${status.replace(/[^a-z_]/g, '')}">${status.replaceAll('_', ' ')}</span>`;
}

/** A message box; `alert` ones are announced when they appear (form errors after a submit). */
export function notice(kind: 'error' | 'success' | 'info', body: Interpolation, options: { alert?: boolean; id?: string } = {}): Html {
  const role = options.alert ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return html`<div class="notice notice-${kind}"${role ? html` role="${role}"` : ''}${options.id ? html` id="${options.id}"` : ''}>${body}</div>`;
}

/** A labelled list of facts; rows whose value is empty are left out. */
export function facts(rows: [label: string, value: Interpolation][]): Html {
  const shown = rows.filter(([, v]) => v !== undefined && v !== null && v !== '' && v !== false);
  return html`<dl class="facts">${shown.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}</dl>`;
}

export function timeTag(iso: string, text: string): Html {
  return html`<time datetime="${iso}">${text}</time>`;
}
