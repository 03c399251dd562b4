import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataError, EXIT, UsageError, type Io } from './io.ts';
import { appInfo, entities, type EntityModel } from './model.ts';
import { readFields, type StoredRecord } from './records.ts';
import { load, save } from './store.ts';

const envName = `${appInfo.command.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_DATA`;

export function usage(): string {
  const commands = entities.map((entity) => {
    const fields = entity.fields.map((field) => (field.required ? `--${field.name} <${field.type}>` : `[--${field.name} <${field.type}>]`)).join(' ');
    return `  ${entity.key} list [--json]
  ${entity.key} add ${fields}
  ${entity.key} update <id> [--<field> <value> …]
  ${entity.key} remove <id>`;
  });
  return `Usage: ${appInfo.command} <${entities.map((entity) => entity.key).join('|')}> <command> [options]

${appInfo.description}

Commands:
${commands.join('\n')}

Options:
      --data <file>   the data file (default: $${envName}, or ${appInfo.command}.json in the current folder)
  -h, --help          show this help
  -v, --version       show the version

Exit codes: 0 done, 1 unreadable data file or unknown id, 2 wrong command line.
`;
}

function describe(entity: EntityModel, record: StoredRecord): string {
  const details = entity.fields
    .filter((field) => field.name !== entity.titleField && record[field.name] !== null && record[field.name] !== undefined)
    .map((field) => `${field.name}: ${field.type === 'boolean' ? (record[field.name] === true ? 'yes' : 'no') : String(record[field.name])}`);
  return `#${record.id}  ${String(record[entity.titleField] ?? '')}${details.length > 0 ? `  (${details.join(', ')})` : ''}`;
}

function idOf(text: string | undefined): number {
  const id = Number(text);
  if (text === undefined || !Number.isInteger(id) || id < 1) throw new UsageError(`expected a record id (a whole number), got "${text ?? ''}"`);
  return id;
}

export async function run(args: string[], io: Io): Promise<number> {
  try {
    const fieldOptions = Object.fromEntries(entities.flatMap((entity) => entity.fields.map((field) => [field.name, { type: 'string' as const }])));
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...fieldOptions, data: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
    if (values.help === true || positionals.length === 0) {
      io.stdout(usage());
      return values.help === true ? EXIT.ok : EXIT.usage;
    }
    if (values.version === true) {
      io.stdout(`${appInfo.version}\n`);
      return EXIT.ok;
    }
    const [name, command, id] = positionals;
    const entity = entities.find((candidate) => candidate.key === name);
    if (entity === undefined) throw new UsageError(`unknown collection "${name}"; use one of ${entities.map((candidate) => candidate.key).join(', ')}`);
    const options = values as Record<string, string | undefined>;
    const path = resolve(io.cwd, values.data ?? io.env[envName] ?? `${appInfo.command}.json`);
    const data = await load(path);
    const records = data[entity.key] ?? [];
    const find = (wanted: number): StoredRecord => {
      const found = records.find((record) => record.id === wanted);
      if (found === undefined) throw new DataError(`there is no ${entity.label.toLowerCase()} #${wanted}`);
      return found;
    };

    switch (command) {
      case 'list':
        io.stdout(values.json === true ? `${JSON.stringify(records, null, 2)}\n` : records.length === 0 ? `No ${entity.pluralLabel.toLowerCase()} yet.\n` : `${records.map((record) => describe(entity, record)).join('\n')}\n`);
        return EXIT.ok;
      case 'add': {
        const record: StoredRecord = { id: records.reduce((max, known) => Math.max(max, known.id), 0) + 1, ...readFields(entity, options, true) };
        data[entity.key] = [...records, record];
        await save(path, data);
        io.stdout(`Added ${describe(entity, record)}\n`);
        return EXIT.ok;
      }
      case 'update': {
        const record = { ...find(idOf(id)), ...readFields(entity, options, false) };
        data[entity.key] = records.map((known) => (known.id === record.id ? record : known));
        await save(path, data);
        io.stdout(`Updated ${describe(entity, record)}\n`);
        return EXIT.ok;
      }
      case 'remove': {
        const record = find(idOf(id));
        data[entity.key] = records.filter((known) => known.id !== record.id);
        await save(path, data);
        io.stdout(`Removed ${describe(entity, record)}\n`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`unknown command "${command ?? ''}"; use list, add, update or remove`);
    }
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
