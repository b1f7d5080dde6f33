/**
 * Renders the layout of CloudWatch dashboards (widget boxes with their titles on the 24-column
 * grid) as SVG, so reviewers can see the dashboards without deploying.
 *
 *   ts-node --project scripts/tsconfig.json scripts/dashboard-svg.ts [cdk.out]
 *
 * writes `<cdk.out>/<dashboard name>.svg` (the logical id when the name is a token) for every `AWS::CloudWatch::Dashboard` in every
 * template of the cloud assembly.
 */
import * as fs from 'fs';
import * as path from 'path';

/** CloudWatch's dashboard grid is 24 columns wide. */
export const GRID_COLUMNS = 24;
/** Pixels per grid column and per grid row in the picture. */
const COLUMN_PX = 40;
const ROW_PX = 28;
const MARGIN_PX = 8;
const HEADER_PX = 36;
const CHAR_PX = 6.6;
/** CloudWatch's default widget size when a widget sets none. */
const DEFAULT_WIDGET_SIZE = 6;

/** A widget with its position resolved. */
export interface PlacedWidget {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly title: string;
}

/**
 * Positions widgets as CloudWatch does: explicit `x`/`y` are kept; widgets without them flow left
 * to right, top to bottom, starting on a new line below everything placed so far and wrapping at
 * column 24.
 */
export function placeWidgets(widgets: any[]): PlacedWidget[] {
  let bottom = 0;
  for (const w of widgets) {
    if (typeof w.x === 'number' && typeof w.y === 'number') {
      bottom = Math.max(bottom, w.y + (w.height ?? DEFAULT_WIDGET_SIZE));
    }
  }
  let cursorX = 0;
  let cursorY = bottom;
  let lineHeight = 0;
  return widgets.map(w => {
    const width = Math.min(w.width ?? DEFAULT_WIDGET_SIZE, GRID_COLUMNS);
    const height = w.height ?? DEFAULT_WIDGET_SIZE;
    let x: number;
    let y: number;
    if (typeof w.x === 'number' && typeof w.y === 'number') {
      x = w.x;
      y = w.y;
    } else {
      if (cursorX + width > GRID_COLUMNS) {
        cursorX = 0;
        cursorY += lineHeight;
        lineHeight = 0;
      }
      x = cursorX;
      y = cursorY;
      cursorX += width;
      lineHeight = Math.max(lineHeight, height);
    }
    return { x, y, width, height, type: widgetKind(w), title: widgetTitle(w) };
  });
}

/** Escapes text for SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const FILL: { [kind: string]: string } = {
  graph: '#e3f0fb',
  singleValue: '#e6f5e9',
  log: '#fff6dc',
  alarm: '#fde8e8',
  text: '#f1f1f1',
  other: '#ffffff',
};

/** An SVG picture of one dashboard body (the parsed `DashboardBody` JSON). */
export function renderDashboardSvg(name: string, body: any): string {
  const placed = placeWidgets(Array.isArray(body?.widgets) ? body.widgets : []);
  const rows = placed.reduce((max, w) => Math.max(max, w.y + w.height), 0);
  const width = GRID_COLUMNS * COLUMN_PX + 2 * MARGIN_PX;
  const height = HEADER_PX + rows * ROW_PX + 2 * MARGIN_PX;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `
    + 'font-family="Helvetica, Arial, sans-serif">');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#fafafa"/>`);
  out.push(`<text x="${MARGIN_PX}" y="${MARGIN_PX + 18}" font-size="16" font-weight="bold">${escapeXml(name)}</text>`);
  out.push(`<text x="${width - MARGIN_PX}" y="${MARGIN_PX + 18}" font-size="11" text-anchor="end" fill="#666">`
    + `${placed.length} widgets</text>`);
  for (const w of placed) {
    const px = MARGIN_PX + w.x * COLUMN_PX;
    const py = HEADER_PX + MARGIN_PX + w.y * ROW_PX;
    const pw = w.width * COLUMN_PX;
    const ph = w.height * ROW_PX;
    out.push(`<g><rect x="${px + 1}" y="${py + 1}" width="${pw - 2}" height="${ph - 2}" rx="3" `
      + `fill="${FILL[w.type] ?? FILL.other}" stroke="#8a9bb0" stroke-width="1"/>`);
    const maxChars = Math.max(3, Math.floor((pw - 12) / CHAR_PX));
    out.push(`<text x="${px + 6}" y="${py + Math.min(17, ph - 8)}" font-size="11">${escapeXml(truncate(w.title, maxChars))}</text>`);
    if (ph >= 2 * ROW_PX) {
      out.push(`<text x="${px + 6}" y="${py + ph - 8}" font-size="9" fill="#777">${escapeXml(w.type)} ${w.width}×${w.height}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

/**
 * A template's `DashboardBody` as a JSON string: a literal string as is, an `Fn::Join` with its
 * literal parts joined and every token (`Ref`, `Fn::GetAtt`, ...) replaced by a `${...}` placeholder.
 */
export function dashboardBodyToString(value: any): string {
  if (typeof value === 'string') return value;
  if (value && Array.isArray(value['Fn::Join'])) {
    const [separator, parts] = value['Fn::Join'];
    return (parts as any[]).map(p => (typeof p === 'string' ? p : tokenPlaceholder(p))).join(separator);
  }
  return tokenPlaceholder(value);
}

function tokenPlaceholder(token: any): string {
  if (token && typeof token.Ref === 'string') return '${' + token.Ref + '}';
  if (token && Array.isArray(token['Fn::GetAtt'])) return '${' + token['Fn::GetAtt'].join('.') + '}';
  if (token && typeof token === 'object') {
    const fn = Object.keys(token)[0];
    return '${' + (fn ?? 'Token') + '}';
  }
  return String(token);
}

function widgetKind(w: any): string {
  switch (w.type) {
    case 'metric': return w.properties?.view === 'singleValue' ? 'singleValue' : 'graph';
    case 'log': return 'log';
    case 'alarm': return 'alarm';
    case 'text': return 'text';
    default: return String(w.type ?? 'other');
  }
}

function widgetTitle(w: any): string {
  const p = w.properties ?? {};
  if (typeof p.title === 'string' && p.title.length > 0) return p.title;
  if (w.type === 'text' && typeof p.markdown === 'string') {
    const firstLine = p.markdown.split('\n').find((l: string) => l.trim().length > 0) ?? '';
    return firstLine.replace(/^#+\s*/, '').trim();
  }
  return `(untitled ${w.type ?? 'widget'})`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Every `*.template.json` under `dir` (nested assemblies included). */
function templateFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...templateFiles(full));
    else if (entry.name.endsWith('.template.json')) files.push(full);
  }
  return files;
}

/** Writes one SVG per dashboard found in the cloud assembly `outDir`; returns the files written. */
export function renderAssemblyDashboards(outDir: string): string[] {
  const written: string[] = [];
  for (const file of templateFiles(outDir)) {
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    const stackName = path.basename(file, '.template.json');
    for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::CloudWatch::Dashboard') continue;
      const body = JSON.parse(dashboardBodyToString(resource.Properties?.DashboardBody ?? '{}'));
      const rawName = resource.Properties?.DashboardName;
      const name = typeof rawName === 'string' ? rawName : logicalId;
      const base = typeof rawName === 'string' ? rawName : logicalId;
      let target = path.join(outDir, `${base}.svg`);
      if (written.includes(target)) target = path.join(outDir, `${stackName}-${base}.svg`);
      fs.writeFileSync(target, renderDashboardSvg(name, body));
      written.push(target);
    }
  }
  return written;
}

if (require.main === module) {
  const outDir = process.argv[2] ?? 'cdk.out';
  if (!fs.existsSync(outDir)) {
    console.error(`dashboard-svg: ${outDir} does not exist; run cdk synth first.`);
    process.exit(1);
  }
  const written = renderAssemblyDashboards(outDir);
  for (const file of written) console.log(`dashboard-svg: wrote ${file}`);
  // Optional: copy pictures whose name starts with a prefix into a docs folder, without the prefix.
  const [docsDir, prefix] = [process.argv[3], process.argv[4]];
  if (docsDir && prefix) {
    fs.mkdirSync(docsDir, { recursive: true });
    for (const file of written.filter((f) => path.basename(f).startsWith(prefix))) {
      const target = path.join(docsDir, path.basename(file).slice(prefix.length));
      fs.copyFileSync(file, target);
      console.log(`dashboard-svg: copied ${file} to ${target}`);
    }
  }
  if (written.length === 0) console.log(`dashboard-svg: no AWS::CloudWatch::Dashboard in ${outDir}`);
}
