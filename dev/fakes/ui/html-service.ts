import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import type { ApiShape } from '../core/api-shape';
import { makeEnum } from '../core/enums';
import { fail } from '../core/errors';

type RealHtmlService = GoogleAppsScript.HTML.HtmlService;
type RealHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type RealHtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT']);

/** Where HTML files come from: given contents, else <distDir>/<name>.html read on demand. */
export interface HtmlFileSource { files?: Record<string, string>; distDir: string }

const SERVICE_API = ['createHtmlOutput', 'createHtmlOutputFromFile', 'createTemplate', 'createTemplateFromFile'] as const;
const OUTPUT_API = ['addMetaTag', 'append', 'appendUntrusted', 'clear', 'getContent', 'getHeight', 'getTitle',
  'getWidth', 'setContent', 'setHeight', 'setSandboxMode', 'setTitle', 'setWidth', 'setXFrameOptionsMode'] as const;
const TEMPLATE_API = ['evaluate', 'getRawContent'] as const;

/** Reads an HTML file by name (without .html), with Apps Script's error when missing. */
export function readHtmlFile(source: HtmlFileSource, name: string): string {
  const bare = String(name).replace(/\.html$/, '');
  if (source.files) {
    if (Object.prototype.hasOwnProperty.call(source.files, bare)) return source.files[bare];
    return fail(`No HTML file named ${bare} was found.`);
  }
  try {
    return readFileSync(join(source.distDir, `${bare}.html`), 'utf8');
  } catch {
    return fail(`No HTML file named ${bare} was found.`);
  }
}

/** HtmlService. */
export class FakeHtmlService implements ApiShape<RealHtmlService, typeof SERVICE_API[number]> {
  static readonly apiName = 'HtmlService';
  static readonly service = 'HtmlService';
  static readonly api: readonly string[] = [...SERVICE_API, 'SandboxMode', 'XFrameOptionsMode'];

  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(private readonly source: HtmlFileSource) {}

  createHtmlOutput(html?: string): FakeHtmlOutput { return new FakeHtmlOutput(html === undefined ? '' : String(html)); }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return new FakeHtmlOutput(readHtmlFile(this.source, filename));
  }
  createTemplate(html: string): FakeHtmlTemplate { return new FakeHtmlTemplate(String(html)); }
  createTemplateFromFile(filename: string): FakeHtmlTemplate {
    return new FakeHtmlTemplate(readHtmlFile(this.source, filename));
  }
}

/** An HtmlOutput: content plus the title and size a sidebar or dialog uses. */
export class FakeHtmlOutput implements ApiShape<RealHtmlOutput, typeof OUTPUT_API[number]> {
  static readonly apiName = 'HtmlOutput';
  static readonly service = 'HtmlService';
  static readonly api: readonly string[] = OUTPUT_API;

  title = '';
  width = 0;
  height = 0;

  constructor(public content: string) {}

  addMetaTag(_name: string, _content: string): FakeHtmlOutput { return this; }
  append(addedContent: string): FakeHtmlOutput { this.content += String(addedContent); return this; }
  appendUntrusted(addedContent: string): FakeHtmlOutput { this.content += escapeHtml(String(addedContent)); return this; }
  clear(): FakeHtmlOutput { this.content = ''; return this; }
  getContent(): string { return this.content; }
  getHeight(): number { return this.height; }
  getTitle(): string { return this.title; }
  getWidth(): number { return this.width; }
  setContent(content: string): FakeHtmlOutput { this.content = String(content); return this; }
  setHeight(height: number): FakeHtmlOutput { this.height = height; return this; }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): FakeHtmlOutput { return this; }
  setTitle(title: string): FakeHtmlOutput { this.title = String(title); return this; }
  setWidth(width: number): FakeHtmlOutput { this.width = width; return this; }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): FakeHtmlOutput { return this; }
}

/**
 * An HtmlTemplate. Scripts assign variables as properties (`t.data = ...`); evaluate() runs
 * `<?= expr ?>` (HTML-escaped) and `<?!= expr ?>` (raw) with those variables in scope.
 * Statement scriptlets `<? ... ?>` are not supported and throw.
 */
export class FakeHtmlTemplate implements ApiShape<RealHtmlTemplate, typeof TEMPLATE_API[number]> {
  static readonly apiName = 'HtmlTemplate';
  static readonly service = 'HtmlService';
  static readonly api: readonly string[] = TEMPLATE_API;
  static readonly assignable = true;

  readonly variables: Record<string, unknown> = {};

  constructor(private readonly source: string) {}

  evaluate(): FakeHtmlOutput {
    const html = this.source.replace(/<\?(!?=)?([\s\S]*?)\?>/g, (_whole, kind: string | undefined, expr: string) => {
      if (!kind) return fail('The fake HtmlTemplate supports only <?= ?> and <?!= ?> scriptlets.');
      const value = vm.runInNewContext(expr, { ...this.variables, JSON });
      const text = value === undefined || value === null ? '' : String(value);
      return kind === '!=' ? text : escapeHtml(text);
    });
    return new FakeHtmlOutput(html);
  }
  getRawContent(): string { return this.source; }
}

/** Escapes text for HTML (what <?= ?> does). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
