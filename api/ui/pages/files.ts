import { formatBytes } from '../format.ts';
import { html, type Html } from '../html.ts';
import { paths } from '../paths.ts';
import type { ZipEntry } from '../zip.ts';

interface Folder {
  folders: Map<string, Folder>;
  files: { name: string; entry: ZipEntry }[];
}

function buildTree(entries: ZipEntry[]): Folder {
  const root: Folder = { folders: new Map(), files: [] };
  for (const entry of entries) {
    const parts = entry.path.split('/');
    const name = parts.pop() ?? entry.path;
    let folder = root;
    for (const part of parts) {
      let next = folder.folders.get(part);
      if (!next) folder.folders.set(part, (next = { folders: new Map(), files: [] }));
      folder = next;
    }
    folder.files.push({ name, entry });
  }
  return root;
}

function renderFolder(runId: string, folder: Folder): Html {
  const folders = [...folder.folders.entries()].sort(([a], [b]) => a.localeCompare(b));
  const files = [...folder.files].sort((a, b) => a.name.localeCompare(b.name));
  return html`<ul>
${folders.map(([name, sub]) => html`<li class="dir"><details open><summary>${name}/</summary>${renderFolder(runId, sub)}</details></li>`)}
${files.map(
  (f) => html`<li class="file"><a href="${paths.file(runId, f.entry.path)}" data-path="${f.entry.path}">${f.name}</a> <span class="size">${formatBytes(f.entry.size)}</span></li>`,
)}
</ul>`;
}

export interface ZipArtifact {
  name: string;
  size: number;
  entries: ZipEntry[] | undefined;
}

/**
 * The generated project as a tree of links to plain file pages; the script turns the links
 * into an in-page code viewer fed from the zip it downloads once.
 */
export function filesSection(runId: string, zip: ZipArtifact | undefined): Html {
  if (!zip) return html`<section id="files" data-region hidden></section>`;
  const url = paths.artifact(runId, zip.name);
  return html`<section id="files" data-region aria-labelledby="files-h" data-zip="${url}">
<h2 id="files-h">Files</h2>
${
  zip.entries === undefined
    ? html`<p>${zip.name} cannot be read as a zip; <a href="${url}">download it</a> to look inside.</p>`
    : html`<p>${zip.entries.length} files in <a href="${url}" download>${zip.name}</a> (${formatBytes(zip.size)}). Choose a file to read it.</p>
<div class="files-layout">
<nav class="file-tree" aria-label="Project files">${renderFolder(runId, buildTree(zip.entries))}</nav>
<div id="viewer" class="viewer" hidden></div>
</div>`
}
</section>`;
}

/** Source with line numbers; the script's highlighter produces the same structure with colours. */
export function codeBlock(text: string, label: string): Html {
  const lines = text.replace(/\n$/, '').split('\n');
  return html`<pre class="code" tabindex="0" aria-label="${label}"><code>${lines.map((line) => html`<span class="line">${line}</span>\n`)}</code></pre>`;
}
