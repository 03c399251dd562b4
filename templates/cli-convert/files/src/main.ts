import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appInfo } from './app-info.ts';
import { format, INPUT_FORMATS, OUTPUT_FORMATS, parse, type InputFormat, type OutputFormat } from './formats.ts';
import { DataError, EXIT, readAll, UsageError, type Io } from './io.ts';

export function usage(): string {
  return `Usage: ${appInfo.command} [options] [input]

${appInfo.description}
Reads the input file, or standard input when it is missing or "-".

Options:
  -o, --output <file>     write to this file instead of standard output
  -f, --from <format>     input format: ${INPUT_FORMATS.join(', ')} (default: ${appInfo.from})
  -t, --to <format>       output format: ${OUTPUT_FORMATS.join(', ')} (default: ${appInfo.to})
  -d, --delimiter <char>  field separator of csv input and output (default: ",")
      --no-header         the csv/tsv input has no header row; columns become column1, column2, …
      --raw               keep every csv/tsv value as text (default: numbers, true/false and empty cells are typed)
      --compact           write JSON on one line
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 done, 1 unreadable input or data, 2 wrong command line.
`;
}

function choose<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, name: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}"`);
}

export async function run(args: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        output: { type: 'string', short: 'o' },
        from: { type: 'string', short: 'f' },
        to: { type: 'string', short: 't' },
        delimiter: { type: 'string', short: 'd' },
        'no-header': { type: 'boolean' },
        raw: { type: 'boolean' },
        compact: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.help === true) {
      io.stdout(usage());
      return EXIT.ok;
    }
    if (values.version === true) {
      io.stdout(`${appInfo.version}\n`);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError(`expected at most one input file, got ${positionals.length}`);
    const from = choose<InputFormat>(values.from, INPUT_FORMATS, appInfo.from, 'from');
    const to = choose<OutputFormat>(values.to, OUTPUT_FORMATS, appInfo.to, 'to');
    if (values.delimiter !== undefined && values.delimiter.length !== 1) throw new UsageError('--delimiter must be a single character');

    const input = positionals[0];
    let text: string;
    if (input === undefined || input === '-') {
      text = await readAll(io.stdin);
    } else {
      try {
        text = await readFile(resolve(io.cwd, input), 'utf8');
      } catch (error) {
        throw new DataError(`cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    const rows = parse(from, text, { delimiter: values.delimiter, header: values['no-header'] !== true, infer: values.raw !== true });
    const output = format(to, rows, { delimiter: values.delimiter, indent: values.compact === true ? 0 : 2 });
    if (values.output === undefined) io.stdout(output);
    else await writeFile(resolve(io.cwd, values.output), output);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DataError) {
      io.stderr(`${appInfo.command}: ${error.message}\n`);
      return EXIT.dataError;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${appInfo.command}: ${(error as Error).message}\nRun "${appInfo.command} --help" for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
