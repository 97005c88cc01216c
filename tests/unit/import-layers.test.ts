/**
 * The layers of utils/: page/ is the ground floor (DOM and text primitives every capability reads
 * pages with), the capabilities stand on it, and none reaches back up or sideways into a sibling
 * it has no business with. Read from the import statements of every file, so a new import that
 * breaks a rule fails here rather than in a review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const UTILS = join(ROOT, 'utils');

/** Project files by their path from the project root (posix), with the specifiers they import. */
type ImportMap = Map<string, string[]>;

const IMPORT_SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source file imports or re-exports, static and dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(IMPORT_SPECIFIER)) found.push(match[1] ?? match[2] ?? '');
  return found;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The project path (posix, from the root, no extension) an import points at, or null for a
 * package. `~/` and `@/` are the project root (WXT's aliases).
 */
function target(file: string, specifier: string): string | null {
  let path: string;
  if (specifier.startsWith('~/') || specifier.startsWith('@/')) path = specifier.slice(2);
  else if (specifier.startsWith('.')) path = posix.join(posix.dirname(file), specifier);
  else return null;
  return path.replace(/\?.*$/, '').replace(/\.(tsx?|js)$/, '');
}

/** The utils/ folder a project path is in ('' for a file at the top of utils/), or null. */
function folderOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'utils') return null;
  return parts.length > 2 ? (parts[1] ?? '') : '';
}

interface Rule {
  /** What the rule says, for the failure message. */
  says: string;
  /** Whether an import from `from` (utils/ folder) of `to` (project path) breaks it. */
  breaks: (from: string, to: string, imports: ImportMap) => boolean;
}

/** A file at the top of utils/ that itself imports no utils/ folder: a helper, not a capability. */
function isTopHelper(path: string, imports: ImportMap): boolean {
  if (folderOf(path) !== '') return false;
  const file = [`${path}.ts`, `${path}.tsx`].find((candidate) => imports.has(candidate));
  if (!file) return false;
  return (imports.get(file) ?? []).every((specifier) => {
    const to = target(file, specifier);
    return to === null || folderOf(to) === '';
  });
}

const RULES: Rule[] = [
  {
    says: 'utils/page/ imports only utils/page/ and the pure helpers at the top of utils/',
    breaks: (from, to, imports) =>
      from === 'page' && folderOf(to) !== 'page' && !isTopHelper(to, imports),
  },
  {
    says: 'utils/detect/ does not import utils/extract/',
    breaks: (from, to) => from === 'detect' && folderOf(to) === 'extract',
  },
  {
    says: 'utils/extract/ does not import utils/detect/',
    breaks: (from, to) => from === 'extract' && folderOf(to) === 'detect',
  },
  {
    says: 'utils/convert/ does not import the list of bundles (utils/bundles.ts)',
    breaks: (from, to) => from === 'convert' && to === 'utils/bundles',
  },
  {
    says: 'utils/extract/ does not import utils/reader/',
    breaks: (from, to) => from === 'extract' && folderOf(to) === 'reader',
  },
];

/** Every import that breaks a rule, as "file → import: rule". */
function layerViolations(imports: ImportMap): string[] {
  const violations: string[] = [];
  for (const [file, specifiers] of imports) {
    const from = folderOf(file);
    if (from === null) continue;
    for (const specifier of specifiers) {
      const to = target(file, specifier);
      if (to === null) continue;
      for (const rule of RULES)
        if (rule.breaks(from, to, imports)) violations.push(`${file} → ${specifier}: ${rule.says}`);
    }
  }
  return violations;
}

function projectImports(): ImportMap {
  const imports: ImportMap = new Map();
  for (const path of sourceFiles(UTILS)) {
    const file = relative(ROOT, path).split(/[\\/]/).join('/');
    imports.set(file, importsOf(readFileSync(path, 'utf8')));
  }
  return imports;
}

describe('import layers of utils/', () => {
  it('reads the imports of every file, static, type-only, re-exported and dynamic', () => {
    expect(
      importsOf(
        [
          "import { a } from '../page/cjk';",
          "import type { B } from './b';",
          "export { c } from '~/utils/c';",
          "import './side-effect.css';",
          "const d = await import('../d');",
          'import {\n  e,\n  f,\n} from "../e";',
        ].join('\n'),
      ),
    ).toEqual(['../page/cjk', './b', '~/utils/c', './side-effect.css', '../d', '../e']);
    const imports = projectImports();
    const folders = new Set([...imports.keys()].map((file) => folderOf(file)));
    for (const folder of ['page', 'detect', 'extract', 'convert', 'reader', 'speech'])
      expect(folders).toContain(folder);
  });

  it('finds an import that breaks a rule', () => {
    const imports: ImportMap = new Map([
      ['utils/page/walk.ts', ["import { x } from '../extract/page-walk';"].flatMap(importsOf)],
      ['utils/detect/page-text.ts', ['~/utils/extract/page-walk']],
      ['utils/extract/header-fields.ts', ['../detect/page-text']],
      ['utils/convert/load.ts', ['../bundles']],
      ['utils/extract/result.ts', ['../reader/reader-session']],
      ['utils/page/ok.ts', ['./cjk', '../pure', 'some-package']],
      ['utils/pure.ts', ['./other-pure']],
    ]);
    expect(layerViolations(imports)).toEqual([
      expect.stringContaining('utils/page/walk.ts → ../extract/page-walk'),
      expect.stringContaining('utils/detect/page-text.ts → ~/utils/extract/page-walk'),
      expect.stringContaining('utils/extract/header-fields.ts → ../detect/page-text'),
      expect.stringContaining('utils/convert/load.ts → ../bundles'),
      expect.stringContaining('utils/extract/result.ts → ../reader/reader-session'),
    ]);
  });

  it('holds for every file under utils/', () => {
    expect(layerViolations(projectImports())).toEqual([]);
  });
});
