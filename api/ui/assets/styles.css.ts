/** The UI's one stylesheet. Colours meet WCAG AA contrast in both schemes; status colours always come with a word. */
export const stylesCss = String.raw`
:root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --panel: #f6f8fa; --accent: #0a58ca; --accent-fg: #ffffff;
  --ok: #116329; --ok-bg: #dafbe1; --bad: #a40e26; --bad-bg: #ffebe9; --warn: #7d4e00; --warn-bg: #fff8c5; --run: #0550ae; --run-bg: #ddf4ff;
  --idle: #57606a; --idle-bg: #eaeef2; --focus: #bf3989;
  --tok-kw: #8250df; --tok-str: #0a3069; --tok-num: #0550ae; --tok-com: #6e7781; --tok-tag: #116329; --tok-attr: #953800; --tok-prop: #0550ae;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #161b22; --accent: #4493f8; --accent-fg: #0d1117;
    --ok: #3fb950; --ok-bg: #12261e; --bad: #ff7b72; --bad-bg: #2d1214; --warn: #d29922; --warn-bg: #272115; --run: #79c0ff; --run-bg: #121d2f;
    --idle: #9198a1; --idle-bg: #21262d; --focus: #f778ba;
    --tok-kw: #d2a8ff; --tok-str: #a5d6ff; --tok-num: #79c0ff; --tok-com: #8b949e; --tok-tag: #7ee787; --tok-attr: #ffa657; --tok-prop: #79c0ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
a { color: var(--accent); }
code, pre, textarea.code-input { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.875rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--accent); color: var(--accent-fg); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.muted, .help { color: var(--muted); }
.help { font-size: 0.9rem; margin: 0; }
.lead { font-size: 1.05rem; max-width: 48rem; }

.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.brand { font-weight: 700; color: var(--fg); text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.site-header nav a { display: inline-block; padding: 0.35rem 0.7rem; border-radius: 6px; color: var(--fg); text-decoration: none; }
.site-header nav a:hover { background: var(--idle-bg); }
.site-header nav a[aria-current="page"] { background: var(--accent); color: var(--accent-fg); }
.sign-out { margin-left: auto; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }

button, .button { display: inline-flex; align-items: center; gap: 0.4rem; min-height: 2.5rem; padding: 0.45rem 1rem; border: 1px solid var(--line); border-radius: 6px;
  background: var(--panel); color: var(--fg); font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
button:hover, .button:hover { border-color: var(--muted); }
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button.danger { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
button[disabled], button[aria-disabled="true"] { opacity: 0.6; cursor: progress; }
.link-button { min-height: 0; padding: 0.25rem 0.5rem; border: 0; background: none; color: var(--accent); font-weight: 400; text-decoration: underline; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.actions form { margin: 0; }

.stack { display: flex; flex-direction: column; gap: 0.5rem; max-width: 48rem; }
label { font-weight: 600; }
input[type="text"], input[type="password"], textarea, select { width: 100%; padding: 0.55rem 0.65rem; border: 1px solid var(--muted); border-radius: 6px; background: var(--bg); color: var(--fg); font: inherit; }
textarea { resize: vertical; }
textarea.code-input { line-height: 1.45; tab-size: 2; white-space: pre; overflow-wrap: normal; overflow-x: auto; }
.check { display: flex; gap: 0.5rem; align-items: flex-start; }
.check label { font-weight: 400; }
.check input { margin-top: 0.35rem; width: 1.1rem; height: 1.1rem; }
fieldset { border: 0; padding: 0; margin: 0.5rem 0; }
legend { font-weight: 600; padding: 0; margin-bottom: 0.4rem; }
.examples ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
.chip { min-height: 2.25rem; padding: 0.3rem 0.8rem; border-radius: 999px; font-weight: 400; text-align: left; }
details.options { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
details.options[open] summary { margin-bottom: 0.5rem; }
summary { cursor: pointer; }

.notice { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.25rem 1rem; margin: 1rem 0; max-width: 60rem; }
.notice h2 { margin: 0.5rem 0; font-size: 1.05rem; }
.notice-error { border-color: var(--bad); background: var(--bad-bg); }
.notice-success { border-color: var(--ok); background: var(--ok-bg); }
.notice-info { border-color: var(--run); background: var(--run-bg); }

.badge { display: inline-block; padding: 0.05rem 0.55rem; border-radius: 999px; font-size: 0.8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; color: var(--idle); background: var(--idle-bg); }
.status-completed, .status-passed, .status-reachable, .status-alive { color: var(--ok); background: var(--ok-bg); }
.status-failed, .status-error, .status-unreachable { color: var(--bad); background: var(--bad-bg); }
.status-cancelled, .status-warning, .status-retrying, .status-silent { color: var(--warn); background: var(--warn-bg); }
.status-running, .status-waiting, .status-starting { color: var(--run); background: var(--run-bg); }

.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.5rem 1.5rem; margin: 0 0 1rem; }
.facts div { min-width: 0; }
.facts dt { font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.breadcrumb { font-size: 0.9rem; color: var(--muted); }

table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { font-size: 0.85rem; color: var(--muted); }
tbody th { font-weight: 500; overflow-wrap: anywhere; }
.filters ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.filters a { display: inline-block; padding: 0.3rem 0.8rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.filters a[aria-current="page"] { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
.pager { display: flex; gap: 1rem; margin: 1rem 0; }
.recent { padding-left: 1.2rem; }
.recent li { margin: 0.25rem 0; }

.timeline, .timeline .children { list-style: none; margin: 0; padding: 0; }
.timeline .children { margin-left: 1.25rem; border-left: 2px dotted var(--line); padding-left: 0.75rem; }
.timeline .children:empty { display: none; }
.step { border-left: 4px solid var(--line); padding: 0.4rem 0 0.4rem 0.75rem; margin: 0.5rem 0; }
.step[data-status="completed"] { border-left-color: var(--ok); }
.step[data-status="failed"] { border-left-color: var(--bad); }
.step[data-status="running"], .step[data-status="waiting"] { border-left-color: var(--run); }
.step[data-status="cancelled"] { border-left-color: var(--warn); }
.step-title { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.step-name { font-weight: 600; overflow-wrap: anywhere; }
.uses { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; color: var(--muted); }
.step-meta { font-size: 0.85rem; color: var(--muted); display: flex; gap: 0.75rem; }
.step-error { color: var(--bad); margin: 0.25rem 0; overflow-wrap: anywhere; }
.history { font-size: 0.85rem; margin: 0.25rem 0; padding-left: 1.2rem; }
.log { list-style: none; margin: 0.25rem 0; padding: 0; font-size: 0.85rem; }
.log:empty { display: none; }
.log li { overflow-wrap: anywhere; }
.log .t { color: var(--muted); font-variant-numeric: tabular-nums; }
.log .level { font-weight: 600; }
.log .level-warn .level { color: var(--warn); }
.log .level-error .level { color: var(--bad); }
.log .data { color: var(--muted); }
.step-log progress { width: min(20rem, 100%); }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem; overflow: auto; }
pre.stream { max-height: 16rem; white-space: pre-wrap; margin: 0.25rem 0; }
pre.json, pre.output { max-height: 24rem; }
.preview-frame { display: block; width: 100%; height: 70vh; min-height: 20rem; border: 1px solid var(--line); border-radius: 6px; background: #ffffff; }

.score { font-size: 1.05rem; }
.findings { padding-left: 0; list-style: none; }
.finding { margin: 0.4rem 0; overflow-wrap: anywhere; }
.check-name { font-weight: 600; }
.checks tbody th, .checks td[data-label="Time"], .checks td[data-label="Result"] { white-space: nowrap; }

.files-layout { display: grid; grid-template-columns: minmax(14rem, 20rem) 1fr; gap: 1rem; align-items: start; }
.file-tree { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; max-height: 70vh; overflow: auto; font-size: 0.9rem; }
.file-tree ul { list-style: none; margin: 0; padding-left: 1rem; }
.file-tree > ul { padding-left: 0; }
.file-tree li { margin: 0.15rem 0; }
.file-tree .size { color: var(--muted); font-size: 0.8rem; }
.file-tree a[aria-current="true"] { font-weight: 700; background: var(--run-bg); }
.viewer { min-width: 0; }
.viewer h3 { margin-top: 0; overflow-wrap: anywhere; }
pre.code { counter-reset: line; line-height: 1.45; max-height: 75vh; }
pre.code .line { counter-increment: line; }
pre.code .line::before { content: counter(line); display: inline-block; width: 3.2em; margin-right: 1em; padding-right: 0.5em; text-align: right; color: var(--muted); border-right: 1px solid var(--line); user-select: none; }
pre.annotated .has-issue { background: var(--bad-bg); }
pre.annotated .issue-note { display: block; color: var(--bad); font-weight: 600; padding-left: 4.7em; white-space: pre-wrap; }
.file-path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 1.2rem; }
.tok-kw { color: var(--tok-kw); } .tok-str { color: var(--tok-str); } .tok-num { color: var(--tok-num); } .tok-com { color: var(--tok-com); font-style: italic; }
.tok-tag { color: var(--tok-tag); } .tok-attr { color: var(--tok-attr); } .tok-prop { color: var(--tok-prop); }

.issues li { margin: 0.3rem 0; }
.plugin { border-top: 1px solid var(--line); }
.plugin-step { margin: 0.5rem 0; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
.plugin-step[open] { padding-bottom: 1rem; }
.plugin-step summary { overflow-wrap: anywhere; }
.schema td, .schema th { font-size: 0.9rem; }
.empty { color: var(--muted); }

/* Phones: tables become stacked cards, each cell labelled by its column. */
@media (max-width: 40rem) {
  main { padding: 0.75rem; }
  h1 { font-size: 1.35rem; }
  .files-layout { grid-template-columns: 1fr; }
  .file-tree { max-height: 40vh; }
  table.responsive, table.responsive tbody, table.responsive tr, table.responsive th, table.responsive td { display: block; width: 100%; }
  table.responsive thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.responsive tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.25rem 0.5rem; }
  table.responsive th, table.responsive td { border: 0; padding: 0.2rem 0; }
  table.responsive [data-label]::before { content: attr(data-label); display: inline-block; min-width: 6.5rem; margin-right: 0.5rem; font-size: 0.75rem; color: var(--muted); text-transform: uppercase; }
  table.responsive td:empty { display: none; }
  .site-header { padding: 0.5rem 0.75rem; }
  .sign-out { margin-left: 0; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;
