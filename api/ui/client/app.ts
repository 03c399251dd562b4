/** The entry module: each enhancement starts when its page's markup is there, and does nothing otherwise. */
import { rememberRegions } from './regions.ts';
import { enhanceForms } from './forms.ts';
import { followRun } from './live.ts';
import { enhanceFiles } from './files.ts';
import { enhanceEditor } from './editor.ts';
import { enhanceExamples } from './examples.ts';
import { autoRefresh } from './refresh.ts';
import { followPreview } from './preview.ts';

rememberRegions();
enhanceForms();
enhanceExamples(document.querySelector<HTMLTextAreaElement | HTMLInputElement>('#prompt'));
enhanceEditor(document.querySelector<HTMLTextAreaElement>('textarea#source'));
enhanceFiles(document.getElementById('files'));
document.addEventListener('ql:regions', () => enhanceFiles(document.getElementById('files')));
const timeline = document.getElementById('timeline');
if (timeline) followRun(timeline);
autoRefresh();
followPreview();
