/**
 * Rules read form answers through accessors typed from the schemas (issue 11 item 8): renaming a
 * field key must fail the type check of the rule that reads it, not silently switch the rule off.
 * A type-check probe: shared/ is compiled with the TypeScript API as it is, then with one schema
 * field renamed in memory (the file on disk is never written).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const RULES_DIR = path.join(ROOT, 'shared/rules');
/** 様式第5号's schema, and the field R-C-1 compares with the 積算 (COST_PROSE in catalog/cost.ts). */
const SCHEMA_FILE = path.join(ROOT, 'shared/forms/besshi1/yoshiki5/schema.ts');
const FIELD = 'costText';
const RULE_FILE = path.join(RULES_DIR, 'catalog/cost.ts');

function configOf(file: string): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(file, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`cannot read ${file}`);
  return parsed;
}

const config = configOf(path.join(ROOT, 'shared/tsconfig.json'));
const same = (a: string, b: string): boolean => path.resolve(a) === path.resolve(b);

/** Parsed files shared by both programs (lib and zod typings are the slow part to parse). */
const parsedFiles = new Map<string, ts.SourceFile>();

/** The shared/ program, with `replace` (file → source text) substituted in memory. */
function sharedProgram(replace?: { readonly file: string; readonly text: string }): ts.Program {
  const host = ts.createCompilerHost(config.options, true);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (f) => (replace && same(f, replace.file) ? replace.text : readFile(f));
  host.getSourceFile = (f, language, onError, shouldCreate) => {
    if (replace && same(f, replace.file)) return ts.createSourceFile(f, replace.text, language, true);
    let sf = parsedFiles.get(f);
    if (!sf) {
      sf = getSourceFile(f, language, onError, shouldCreate);
      if (sf) parsedFiles.set(f, sf);
    }
    return sf;
  };
  return ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
}

function errorsIn(program: ts.Program, inFile: (file: string) => boolean): string[] {
  return program
    .getSourceFiles()
    .filter((sf) => inFile(sf.fileName))
    .flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)])
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map((d) => `${path.relative(ROOT, d.file?.fileName ?? '')}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('typed access to form answers (issue 11 item 8)', () => {
  it("renaming 様式第5号's 先進医療にかかる費用 field breaks the type check of R-C-1's rule", () => {
    const underRules = (f: string): boolean => path.resolve(f).startsWith(RULES_DIR + path.sep);
    expect(errorsIn(sharedProgram(), underRules)).toEqual([]);

    const source = readFileSync(SCHEMA_FILE, 'utf8');
    const key = new RegExp(`^(\\s*)${FIELD}:`, 'gm');
    expect(source.match(key), `${FIELD} is declared once in ${path.relative(ROOT, SCHEMA_FILE)}`).toHaveLength(1);
    const renamed = sharedProgram({ file: SCHEMA_FILE, text: source.replace(key, `$1${FIELD}Renamed:`) });
    const errors = errorsIn(renamed, (f) => same(f, RULE_FILE));
    expect(errors.length, 'the rule reading the renamed key no longer compiles').toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(`"${FIELD}"`);
  }, 120_000);

  it('no rule of the catalogue names a form or a field by a string', () => {
    const dir = path.join(RULES_DIR, 'catalog');
    // text(s, X, 'key') / answer(s, X, 'key'), at('besshi…'), s.forms.get('besshi…'): the reads typed access replaces.
    const untyped = [/\b(?:text|answer)\(s, [^,()]+, '[^']*'\)/, /\bat\('besshi/, /\bforms\.get\('/, /\binPackage\(s, 'besshi/];
    const found = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(path.join(dir, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (untyped.some((re) => re.test(line)) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(found).toEqual([]);
  });
});
