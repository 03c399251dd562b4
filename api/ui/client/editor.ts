/** In the workflow editor, a problem's "Line 12" link puts the cursor on that line of the YAML. */
export function enhanceEditor(textarea: HTMLTextAreaElement | null): void {
  if (!textarea) return;
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-line]') : null;
    if (!link) return;
    event.preventDefault();
    const line = Math.max(1, Number(link.dataset.line));
    const column = Math.max(1, Number(link.dataset.column || 1));
    const lines = textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i] ?? '').length + 1;
    offset += Math.min(column - 1, (lines[line - 1] ?? '').length);
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  });
}
