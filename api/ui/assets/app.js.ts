/** The entry module: each enhancement starts when its page's markup is there, and does nothing otherwise. */
export const appJs = String.raw`
import { rememberRegions } from './regions.js';
import { enhanceForms } from './forms.js';
import { followRun } from './live.js';
import { enhanceFiles } from './files.js';
import { enhanceEditor } from './editor.js';
import { enhanceExamples } from './examples.js';
import { autoRefresh } from './refresh.js';
import { followPreview } from './preview.js';

rememberRegions();
enhanceForms();
enhanceExamples(document.getElementById('prompt'));
enhanceEditor(document.getElementById('source'));
enhanceFiles(document.getElementById('files'));
document.addEventListener('ql:regions', () => enhanceFiles(document.getElementById('files')));
const timeline = document.getElementById('timeline');
if (timeline) followRun(timeline);
autoRefresh();
followPreview();
`;
