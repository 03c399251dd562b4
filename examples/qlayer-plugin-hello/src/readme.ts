import { defineStep, FatalStepError, z } from 'quantumlayer';

const feature = z.object({
  title: z.string().min(1),
  description: z.string().optional(),
});

/** The slice of a project spec this generator needs; extra fields are ignored, so a full spec fits. */
const spec = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes'),
  description: z.string().min(1),
  features: z.array(feature).default([]),
  license: z.enum(['MIT', 'Apache-2.0', 'UNLICENSED']).default('MIT'),
  author: z.string().optional(),
  // An input rather than the clock, so a retried or replayed step writes the same files.
  year: z.number().int().min(1970).max(9999).optional(),
});

const file = z.object({ path: z.string(), content: z.string() });

export const readme = defineStep({
  description: 'Generates README.md (and LICENSE for MIT) from a project spec',
  input: spec,
  output: z.object({ files: z.array(file) }),
  retry: { maxAttempts: 1 },
  async run(ctx, input) {
    const titles = new Set<string>();
    for (const f of input.features) {
      // Duplicates would give the README two identical sections; no retry changes that.
      if (titles.has(f.title)) throw new FatalStepError(`feature '${f.title}' is listed twice`, { code: 'hello_duplicate_feature', details: { title: f.title } });
      titles.add(f.title);
    }
    ctx.progress({ message: `writing README for ${input.name}` });
    const files = [{ path: 'README.md', content: renderReadme(input) }];
    if (input.license === 'MIT') files.push({ path: 'LICENSE', content: mitLicense(input.author ?? `the ${input.name} authors`, input.year) });
    return { files };
  },
});

function renderReadme(input: z.output<typeof spec>): string {
  const lines = [`# ${input.name}`, '', input.description, ''];
  if (input.features.length > 0) {
    lines.push('## Features', '');
    for (const f of input.features) lines.push(f.description ? `- **${f.title}**: ${f.description}` : `- **${f.title}**`);
    lines.push('');
  }
  lines.push('## Getting started', '', '```sh', 'npm install', 'npm start', '```', '', '## License', '', input.license, '');
  return lines.join('\n');
}

function mitLicense(holder: string, year: number | undefined): string {
  return `MIT License

Copyright (c) ${year === undefined ? '' : `${year} `}${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;
}
