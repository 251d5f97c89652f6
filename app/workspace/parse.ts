// Turns workspace text or objects into a validated Workspace, or an EmulatorError whose issues name
// the file, the JSON path, the line and the reason. Browser-safe: no file access here.
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { EmulatorError, type ErrorIssue } from '../errors.js';
import { migrateWorkspace } from './migrations.js';
import { workspaceSchema, type Workspace } from './schema.js';

export function toJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const k = String(key);
    return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? `${acc}.${k}` : `${acc}[${JSON.stringify(k)}]`;
  }, '$');
}

function zodIssueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

interface SourceInfo {
  file?: string;
  doc?: Document;
  lines?: LineCounter;
}

function locate(source: SourceInfo, path: readonly PropertyKey[]): Pick<ErrorIssue, 'line' | 'column'> {
  if (!source.doc || !source.lines) return {};
  // Walk down as far as the document goes, so a missing field points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = source.doc.getIn(path.slice(0, depth) as unknown[], true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const pos = source.lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return {};
}

export interface ParsedWorkspace {
  workspace: Workspace;
  /** The migrated input as the user wrote it (no defaults filled in): what gets saved back. */
  raw: Record<string, unknown>;
  /** Migrations applied, oldest first. */
  migrated: string[];
  fromVersion: number;
}

/** Validates an already-parsed object (admin API, IPC, import). Migrates older versions first. */
export function validateWorkspace(raw: unknown, source: SourceInfo = {}): Workspace {
  return checkWorkspace(raw, source).workspace;
}

/** Deeper than any real workspace; deeper values would overflow the stack of later copies and diffs. */
export const MAX_WORKSPACE_DEPTH = 64;

interface Visit {
  value: unknown;
  depth: number;
  key: string | number;
  parent: Visit | undefined;
}

/** The JSON path of the first value nested deeper than `limit`, found without recursion. */
export function tooDeep(raw: unknown, limit = MAX_WORKSPACE_DEPTH): (string | number)[] | undefined {
  const stack: Visit[] = [{ value: raw, depth: 0, key: '', parent: undefined }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= limit) {
      const path: (string | number)[] = [];
      for (let v: Visit | undefined = visit; v?.parent; v = v.parent) path.unshift(v.key);
      return path;
    }
    if (Array.isArray(value)) {
      value.forEach((child: unknown, i) =>
        stack.push({ value: child, depth: depth + 1, key: i, parent: visit }),
      );
    } else {
      for (const [key, child] of Object.entries(value))
        stack.push({ value: child, depth: depth + 1, key, parent: visit });
    }
  }
  return undefined;
}

export function checkWorkspace(raw: unknown, source: SourceInfo = {}): ParsedWorkspace {
  const deep = tooDeep(raw);
  if (deep) {
    throw new EmulatorError('EMU_ERR_WORKSPACE_INVALID', 'The workspace is invalid (1 problem).', {
      issues: [
        {
          path: toJsonPath(deep.slice(0, 8)) + (deep.length > 8 ? '…' : ''),
          message: `Nested more than ${MAX_WORKSPACE_DEPTH} levels deep`,
          ...(source.file === undefined ? {} : { file: source.file }),
        },
      ],
    });
  }
  const { value, applied, fromVersion } = migrateWorkspace(raw, source.file);
  const result = workspaceSchema.safeParse(value);
  if (result.success) return { workspace: result.data, raw: value, migrated: applied, fromVersion };
  const issues: ErrorIssue[] = result.error.issues.map((issue) => ({
    path: toJsonPath(issue.path),
    message: zodIssueMessage(issue),
    ...(source.file === undefined ? {} : { file: source.file }),
    ...locate(source, issue.path),
  }));
  const where = source.file ? ` in ${source.file}` : '';
  throw new EmulatorError(
    'EMU_ERR_WORKSPACE_INVALID',
    `The workspace${where} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}).`,
    { issues },
  );
}

function jsonSyntaxIssue(text: string, file: string | undefined): ErrorIssue | undefined {
  const errors: ParseError[] = [];
  parseJson(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return undefined;
  const before = text.slice(0, first.offset).split('\n');
  return {
    path: '$',
    message: `JSON syntax error: ${printParseErrorCode(first.error)}`,
    ...(file === undefined ? {} : { file }),
    line: before.length,
    column: (before.at(-1)?.length ?? 0) + 1,
  };
}

/**
 * Parses a workspace file's text: strict JSON unless the file is .yaml/.yml. Both are then read as a
 * YAML 1.2 document (a superset of JSON) so every schema problem can be given a line and column.
 */
export function parseWorkspaceText(text: string, file?: string): ParsedWorkspace {
  const syntax = file !== undefined && /\.ya?ml$/i.test(file) ? undefined : jsonSyntaxIssue(text, file);
  if (syntax) {
    throw new EmulatorError(
      'EMU_ERR_WORKSPACE_PARSE',
      `The workspace${file ? ` ${file}` : ''} is not valid JSON.`,
      {
        issues: [syntax],
      },
    );
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: ErrorIssue[] = doc.errors.map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return {
        path: '$',
        message: e.message.split('\n')[0] ?? e.message,
        ...(file === undefined ? {} : { file }),
        line: pos.line,
        column: pos.col,
      };
    });
    throw new EmulatorError(
      'EMU_ERR_WORKSPACE_PARSE',
      `The workspace${file ? ` ${file}` : ''} cannot be parsed.`,
      {
        issues,
      },
    );
  }
  // Line numbers only make sense when no migration moved things around.
  return checkWorkspace(doc.toJS(), { ...(file === undefined ? {} : { file }), doc, lines });
}
