/**
 * Renders CloudWatch dashboards as SVG previews of what each widget will show, without data:
 * graphs with their series legend (label, colour, left / right axis), y-axis label, horizontal
 * annotations at their height on a plausible axis, statistic, period and stacking; single-value
 * tiles; alarm status widgets with the alarm names; Logs Insights widgets with their log groups
 * and first query lines; text widgets' headings. Every widget that would show data says so
 * ("No data — preview"). Same body, same bytes: no dates, no randomness, fixed rounding.
 *
 *   ts-node --project scripts/tsconfig.json scripts/dashboard-svg.ts [cdk.out [docsDir prefix]]
 *
 * writes `<cdk.out>/<dashboard name>.svg` and `.png` (the logical id when the name is a token) for
 * every `AWS::CloudWatch::Dashboard` in every template of the cloud assembly, and copies those whose
 * name starts with `prefix` into `docsDir`, without the prefix.
 *
 * Body format: "Dashboard Body Structure and Syntax", Amazon CloudWatch API Reference
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html);
 * see dashboard-body.ts for the fields read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AssemblyNames } from './cfn-names';
import {
  alarmNames, axisScale, AxisScale, formatPeriod, formatValue, horizontalAnnotations, HorizontalAnnotation,
  markdownLines, metricSeries, parseLogQuery, Series, statAndPeriod,
} from './dashboard-body';
import { svgToPng } from './dashboard-png';

/** CloudWatch's dashboard grid is 24 columns wide. */
export const GRID_COLUMNS = 24;
/** Pixels per grid column and per grid row in the picture. */
const COLUMN_PX = 50;
const ROW_PX = 34;
const MARGIN_PX = 8;
const HEADER_PX = 40;
const PAD = 8;
/** Average glyph width as a fraction of the font size (DejaVu Sans / Helvetica; monospace). */
const SANS_EM = 0.6;
const MONO_EM = 0.61;
/** CloudWatch's default widget size when a widget sets none. */
const DEFAULT_WIDGET_SIZE = 6;
/** The marker on every widget that would show data. */
export const NO_DATA = 'No data — preview';

/** A widget with its position resolved. */
export interface PlacedWidget {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly title: string;
  readonly properties: any;
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
    return { x, y, width, height, type: widgetKind(w), title: widgetTitle(w), properties: w.properties ?? {} };
  });
}

/** Escapes text for SVG content and attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const FILL: { [kind: string]: string } = {
  graph: '#ffffff',
  singleValue: '#ffffff',
  log: '#ffffff',
  alarm: '#ffffff',
  text: '#f4f6f8',
  other: '#ffffff',
};

/** Pixel box of a widget. */
interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** An SVG picture of one dashboard body (the parsed `DashboardBody` JSON). */
export function renderDashboardSvg(name: string, body: any): string {
  const placed = placeWidgets(Array.isArray(body?.widgets) ? body.widgets : []);
  const rows = placed.reduce((max, w) => Math.max(max, w.y + w.height), 0);
  const width = GRID_COLUMNS * COLUMN_PX + 2 * MARGIN_PX;
  const height = HEADER_PX + rows * ROW_PX + 2 * MARGIN_PX;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" `
    + 'font-family="Helvetica, Arial, sans-serif">');
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#eef1f4"/>`);
  out.push(text(MARGIN_PX, MARGIN_PX + 18, name, { size: 16, bold: true, maxWidth: width / 2 }));
  out.push(text(width - MARGIN_PX, MARGIN_PX + 18,
    `${placed.length} widgets · preview from the synthesized template · no data`, { size: 11, fill: '#5f6b7a', anchor: 'end' }));
  for (const w of placed) {
    const box: Box = {
      x: MARGIN_PX + w.x * COLUMN_PX + 2,
      y: HEADER_PX + MARGIN_PX + w.y * ROW_PX + 2,
      w: w.width * COLUMN_PX - 4,
      h: w.height * ROW_PX - 4,
    };
    out.push(`<g data-widget="${escapeXml(w.type)}">`);
    out.push(`<rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="3" `
      + `fill="${FILL[w.type] ?? FILL.other}" stroke="#c3ccd6" stroke-width="1"/>`);
    switch (w.type) {
      case 'graph': out.push(...graphWidget(box, w)); break;
      case 'singleValue': out.push(...singleValueWidget(box, w)); break;
      case 'alarm': out.push(...alarmWidget(box, w)); break;
      case 'log': out.push(...logWidget(box, w)); break;
      case 'text': out.push(...textWidget(box, w)); break;
      default: out.push(...otherWidget(box, w));
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Widgets

function header(box: Box, title: string, subtitle?: string): string[] {
  const out = [text(box.x + PAD, box.y + 17, title, { size: 12, bold: true, maxWidth: box.w - 2 * PAD })];
  if (subtitle) out.push(text(box.x + PAD, box.y + 31, subtitle, { size: 10, fill: '#5f6b7a', maxWidth: box.w - 2 * PAD }));
  return out;
}

function graphWidget(box: Box, w: PlacedWidget): string[] {
  const p = w.properties;
  const series = metricSeries(p);
  const shown = series.filter(s => s.visible);
  const annotations = horizontalAnnotations(p);
  const view = typeof p.view === 'string' ? p.view : 'timeSeries';
  const subtitle = [statAndPeriod(series), p.stacked === true ? 'stacked' : '', view !== 'timeSeries' ? view : '']
    .filter(s => s.length > 0).join(' · ');
  const out = header(box, w.title, subtitle);

  // Legend at the bottom, left-axis series first.
  const hasRight = shown.some(s => s.axis === 'right') || annotations.some(a => a.axis === 'right');
  const legendTop = box.y + box.h - PAD;
  const legend = legendLayout(shown, box.w - 2 * PAD, hasRight, Math.max(1, Math.min(4, Math.floor((box.h - 110) / 13))));
  const legendHeight = legend.rows * 13;
  const plotTop = box.y + 44;
  const plotBottom = legendTop - legendHeight - 8;
  const left = axisScale(p, 'left', annotations);
  const right = axisScale(p, 'right', annotations);
  const leftWidth = axisWidth(left, true);
  const rightWidth = hasRight ? axisWidth(right, true) : 8;
  const plot: Box = { x: box.x + PAD + leftWidth, y: plotTop, w: box.w - 2 * PAD - leftWidth - rightWidth, h: plotBottom - plotTop };
  if (plot.h >= 20 && plot.w >= 40) {
    out.push(...axis(plot, left, 'left'));
    if (hasRight) out.push(...axis(plot, right, 'right'));
    out.push(`<line x1="${plot.x}" y1="${plot.y + plot.h}" x2="${plot.x + plot.w}" y2="${plot.y + plot.h}" stroke="#9aa5b1" stroke-width="1"/>`);
    out.push(text(plot.x + plot.w / 2, plot.y + plot.h / 2 + 4, NO_DATA,
      { size: 11, fill: '#a7b1bc', anchor: 'middle', italic: true, background: '#ffffff' }));
    const labelYs: number[] = [];
    const valuesDrawn = new Set<string>();
    for (const a of annotations) out.push(...annotation(plot, a, a.axis === 'right' ? right : left, labelYs, valuesDrawn));
  } else {
    out.push(text(box.x + PAD, box.y + 46, NO_DATA, { size: 10, fill: '#a7b1bc', italic: true }));
  }
  let y = legendTop - legendHeight + 10;
  for (const row of legend.lines) {
    for (const item of row) {
      if (item.color) {
        out.push(`<rect x="${r(box.x + PAD + item.x)}" y="${r(y - 6)}" width="10" height="4" fill="${escapeXml(item.color)}"/>`);
        out.push(text(box.x + PAD + item.x + 14, y, item.text, { size: 10, fill: '#1d2733' }));
      } else {
        out.push(text(box.x + PAD + item.x, y, item.text, { size: 10, fill: '#5f6b7a' }));
      }
    }
    y += 13;
  }
  return out;
}

interface LegendItem {
  readonly x: number;
  readonly text: string;
  readonly color?: string;
}

/** Legend entries flowed into at most `maxRows` rows of `width` px; labels truncated, overflow counted. */
function legendLayout(series: Series[], width: number, twoAxes: boolean, maxRows: number): { rows: number; lines: LegendItem[][] } {
  const entries: { text: string; color?: string }[] = [];
  for (const side of ['left', 'right'] as const) {
    const onSide = series.filter(s => s.axis === side);
    if (onSide.length === 0) continue;
    if (twoAxes) entries.push({ text: side === 'left' ? 'Left axis:' : 'Right axis:' });
    for (const s of onSide) entries.push({ text: s.label, color: s.color });
  }
  if (entries.length === 0) entries.push({ text: 'No metrics' });
  const lines: LegendItem[][] = [[]];
  let x = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const swatch = e.color ? 14 : 0;
    const maxChars = Math.max(4, Math.floor((width - swatch) / (10 * SANS_EM)));
    const label = truncate(e.text, maxChars);
    const itemWidth = swatch + textWidth(label, 10) + 14;
    if (x > 0 && x + itemWidth > width + 14) {
      if (lines.length === maxRows) {
        // No room: replace what is left by "+N more".
        const remaining = entries.slice(i).filter(rest => rest.color).length;
        const last = lines[lines.length - 1];
        const more = `+${remaining} more`;
        while (last.length > 0 && last[last.length - 1].x + textWidth(more, 10) > width) {
          last.pop();
        }
        last.push({ x: last.length === 0 ? 0 : Math.min(x, width - textWidth(more, 10)), text: more });
        return { rows: lines.length, lines };
      }
      lines.push([]);
      x = 0;
    }
    lines[lines.length - 1].push({ x, text: label, color: e.color });
    x += itemWidth;
  }
  return { rows: lines.length, lines };
}

function axisWidth(scale: AxisScale, withTicks: boolean): number {
  const tickChars = scale.known && withTicks ? Math.max(...scale.ticks.map(t => formatValue(t).length)) : 1;
  return tickChars * 10 * SANS_EM + 8 + (scale.label ? 14 : 0);
}

function yOf(plot: Box, scale: AxisScale, value: number): number {
  const clamped = Math.min(scale.max, Math.max(scale.min, value));
  return plot.y + plot.h - ((clamped - scale.min) / (scale.max - scale.min)) * plot.h;
}

function axis(plot: Box, scale: AxisScale, side: 'left' | 'right'): string[] {
  const out: string[] = [];
  const x = side === 'left' ? plot.x : plot.x + plot.w;
  const ticks = scale.known ? scale.ticks : [scale.min, scale.min + (scale.max - scale.min) / 2, scale.max];
  for (const t of ticks) {
    const y = r(yOf(plot, scale, t));
    if (side === 'left') out.push(`<line x1="${plot.x}" y1="${y}" x2="${plot.x + plot.w}" y2="${y}" stroke="#e3e8ee" stroke-width="1"/>`);
    if (scale.known) {
      out.push(text(side === 'left' ? x - 4 : x + 4, y + 3, formatValue(t), { size: 10, fill: '#5f6b7a', anchor: side === 'left' ? 'end' : 'start' }));
    }
  }
  if (!scale.known && scale.minSet) {
    out.push(text(side === 'left' ? x - 4 : x + 4, r(plot.y + plot.h) + 3, formatValue(scale.min),
      { size: 10, fill: '#5f6b7a', anchor: side === 'left' ? 'end' : 'start' }));
  }
  if (scale.label) {
    const lx = r(side === 'left' ? plot.x - axisWidth(scale, true) + 10 : plot.x + plot.w + axisWidth(scale, true) - 4);
    const ly = r(plot.y + plot.h / 2);
    const maxChars = Math.max(3, Math.floor(plot.h / (10 * SANS_EM)));
    out.push(`<text x="${lx}" y="${ly}" font-size="10" fill="#1d2733" text-anchor="middle" `
      + `transform="rotate(-90 ${lx} ${ly})">${escapeXml(truncate(scale.label, maxChars))}</text>`);
  }
  return out;
}

/**
 * One horizontal annotation: its line (and band or fill), its value on the axis and its label above
 * the line; labels already placed (`labelYs`) are avoided, and a value already written is not repeated.
 */
function annotation(plot: Box, a: HorizontalAnnotation, scale: AxisScale, labelYs: number[], valuesDrawn: Set<string>): string[] {
  const out: string[] = [];
  const color = escapeXml(a.color);
  const y = r(yOf(plot, scale, a.value));
  if (a.toValue !== undefined) {
    const y2 = r(yOf(plot, scale, a.toValue));
    out.push(`<rect x="${plot.x}" y="${Math.min(y, y2)}" width="${r(plot.w)}" height="${Math.abs(y2 - y)}" fill="${color}" fill-opacity="0.12"/>`);
  } else if (a.fill) {
    const top = a.fill === 'above' ? plot.y : y;
    const bottom = a.fill === 'above' ? y : plot.y + plot.h;
    out.push(`<rect x="${plot.x}" y="${r(top)}" width="${r(plot.w)}" height="${r(bottom - top)}" fill="${color}" fill-opacity="0.08"/>`);
  }
  out.push(`<line x1="${plot.x}" y1="${y}" x2="${r(plot.x + plot.w)}" y2="${y}" stroke="${color}" stroke-width="1.5" `
    + `data-annotation="${a.value}"/>`);
  // The value on the axis, in the annotation's colour; the label just above the line (below it near the top).
  const onLeft = a.axis === 'left';
  const valueKey = `${a.axis}:${a.value}`;
  if (!valuesDrawn.has(valueKey)) {
    valuesDrawn.add(valueKey);
    out.push(text(onLeft ? plot.x - 4 : r(plot.x + plot.w + 4), y + 3, formatValue(a.value),
      { size: 10, fill: a.color, anchor: onLeft ? 'end' : 'start', bold: true, background: '#ffffff' }));
  }
  if (a.label) {
    let ly = y - plot.y < 14 ? y + 11 : y - 3;
    const step = ly > y ? 10 : -10;
    while (labelYs.some(used => Math.abs(used - ly) < 10)) ly += step;
    if (ly < plot.y + 8 || ly > plot.y + plot.h) return out;
    labelYs.push(ly);
    out.push(text(plot.x + 4, ly, a.label, { size: 9, fill: a.color, maxWidth: plot.w - 8 }));
  }
  return out;
}

function singleValueWidget(box: Box, w: PlacedWidget): string[] {
  const series = metricSeries(w.properties).filter(s => s.visible);
  const out = header(box, w.title);
  out.push(text(box.x + box.w - PAD, box.y + 17, NO_DATA, { size: 10, fill: '#a7b1bc', anchor: 'end', italic: true }));
  const n = Math.max(1, series.length);
  const tileWidth = (box.w - 2 * PAD) / n;
  const top = box.y + 26;
  series.forEach((s, i) => {
    const x = box.x + PAD + i * tileWidth;
    if (i > 0) out.push(`<line x1="${r(x - 4)}" y1="${top + 2}" x2="${r(x - 4)}" y2="${r(box.y + box.h - PAD)}" stroke="#e3e8ee"/>`);
    out.push(`<rect x="${r(x)}" y="${top + 6}" width="10" height="4" fill="${escapeXml(s.color)}"/>`);
    out.push(text(x + 14, top + 12, s.label, { size: 11, fill: '#1d2733', maxWidth: tileWidth - 22 }));
    out.push(text(x, top + 44, '—', { size: 26, fill: '#a7b1bc' }));
    out.push(text(x + 40, top + 40, `${s.expression ? 'expression' : s.stat} · ${formatPeriod(s.period)}`, { size: 10, fill: '#5f6b7a', maxWidth: tileWidth - 48 }));
  });
  return out;
}

function alarmWidget(box: Box, w: PlacedWidget): string[] {
  const names = alarmNames(w.properties);
  const details = [`${names.length} alarm${names.length === 1 ? '' : 's'}`];
  if (typeof w.properties.sortBy === 'string') details.push(`sorted by ${w.properties.sortBy}`);
  if (Array.isArray(w.properties.states)) details.push(`states ${w.properties.states.join(', ')}`);
  details.push('state unknown: no data in a preview');
  const out = header(box, w.title, details.join(' · '));
  // A grid, row by row as CloudWatch lists them; columns as wide as the longest name allows.
  const width = box.w - 2 * PAD;
  const longest = Math.max(0, ...names.map(n => textWidth(n, 11)));
  const columns = Math.max(1, Math.min(names.length, Math.floor(width / Math.max(200, longest + 36))));
  const cellWidth = width / columns;
  const rows = Math.max(1, Math.floor((box.h - 44) / 18));
  const capacity = columns * rows;
  const shown = names.length > capacity ? names.slice(0, capacity - 1) : names;
  const cell = (i: number) => ({ x: box.x + PAD + (i % columns) * cellWidth, y: box.y + 50 + Math.floor(i / columns) * 18 });
  shown.forEach((name, i) => {
    const { x, y } = cell(i);
    out.push(`<circle cx="${r(x + 5)}" cy="${r(y - 4)}" r="4.5" fill="#ffffff" stroke="#9aa5b1" stroke-width="1.5"/>`);
    out.push(text(x + 15, y, name, { size: 11, fill: '#1d2733', maxWidth: cellWidth - 22 }));
  });
  if (shown.length < names.length) {
    const { x, y } = cell(shown.length);
    out.push(text(x + 15, y, `+${names.length - shown.length} more`, { size: 11, fill: '#5f6b7a' }));
  }
  return out;
}

function logWidget(box: Box, w: PlacedWidget): string[] {
  const query = typeof w.properties.query === 'string' ? w.properties.query : '';
  const { logGroups, lines } = parseLogQuery(query);
  const view = typeof w.properties.view === 'string' ? w.properties.view : 'table';
  const out = header(box, w.title, `Logs Insights · ${view} · ${logGroups.length} log group${logGroups.length === 1 ? '' : 's'}`);
  const width = box.w - 2 * PAD;
  // Log groups: as many full names as fit on two lines, then "+N more".
  const groupLines = wrapList(logGroups, width - textWidth('Log groups: ', 10), 10, 2);
  let y = box.y + 48;
  groupLines.forEach((line, i) => {
    out.push(text(box.x + PAD, y, `${i === 0 ? 'Log groups: ' : '            '}${line}`, { size: 10, fill: '#1d2733', maxWidth: width }));
    y += 13;
  });
  // The query, first lines, in a code box.
  const codeTop = y - 4;
  const maxLines = Math.max(1, Math.floor((box.y + box.h - PAD - codeTop - 6) / 13));
  const shown = lines.length > maxLines ? [...lines.slice(0, maxLines - 1), '…'] : lines;
  out.push(`<rect x="${box.x + PAD}" y="${r(codeTop)}" width="${width}" height="${shown.length * 13 + 8}" fill="#f4f6f8" rx="2"/>`);
  y = codeTop + 14;
  for (const line of shown) {
    out.push(text(box.x + PAD + 6, y, line, { size: 10, mono: true, fill: '#1d2733', maxWidth: width - 12 }));
    y += 13;
  }
  const free = box.y + box.h - (y + 4);
  out.push(free >= 24
    ? text(box.x + box.w / 2, y + 4 + free / 2 + 4, NO_DATA, { size: 11, fill: '#a7b1bc', anchor: 'middle', italic: true })
    : text(box.x + box.w - PAD, box.y + 17, NO_DATA, { size: 10, fill: '#a7b1bc', anchor: 'end', italic: true }));
  return out;
}

/** Items joined with ", " into at most `maxLines` lines of `width` px; the last says how many are left. */
function wrapList(items: string[], width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < items.length; i++) {
    const candidate = current ? `${current}, ${items[i]}` : items[i];
    if (textWidth(candidate, size) <= width || !current) {
      current = candidate;
      continue;
    }
    if (lines.length + 1 === maxLines) {
      lines.push(`${current}, +${items.length - i} more`);
      return lines;
    }
    lines.push(`${current},`);
    current = items[i];
  }
  if (current) lines.push(current);
  return lines;
}

function textWidget(box: Box, w: PlacedWidget): string[] {
  const lines = markdownLines(typeof w.properties.markdown === 'string' ? w.properties.markdown : '');
  const out: string[] = [];
  let y = box.y;
  for (const line of lines) {
    const size = line.level === 0 ? 11 : Math.max(12, 18 - 2 * line.level);
    if (y + size + 6 > box.y + box.h) break;
    y += size + 6;
    out.push(text(box.x + PAD, y - 3, line.text, { size, bold: line.level > 0, fill: '#1d2733', maxWidth: box.w - 2 * PAD }));
  }
  return out;
}

function otherWidget(box: Box, w: PlacedWidget): string[] {
  return header(box, w.title, `${w.type} widget · ${w.width}×${w.height}`);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

interface TextOptions {
  readonly size: number;
  readonly fill?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly mono?: boolean;
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Truncate with an ellipsis to about this width in px. */
  readonly maxWidth?: number;
  /** Paint a background behind the text (for values drawn over lines). */
  readonly background?: string;
}

function text(x: number, y: number, content: string, o: TextOptions): string {
  const em = o.mono ? MONO_EM : SANS_EM;
  const value = o.maxWidth !== undefined ? truncate(content, Math.max(2, Math.floor(o.maxWidth / (o.size * em)))) : content;
  const attrs = [`x="${r(x)}"`, `y="${r(y)}"`, `font-size="${o.size}"`];
  if (o.fill) attrs.push(`fill="${escapeXml(o.fill)}"`);
  if (o.bold) attrs.push('font-weight="bold"');
  if (o.italic) attrs.push('font-style="italic"');
  if (o.mono) attrs.push('font-family="monospace"');
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`);
  let before = '';
  if (o.background) {
    const width = textWidth(value, o.size, em) + 4;
    const left = o.anchor === 'end' ? x - width + 2 : o.anchor === 'middle' ? x - width / 2 : x - 2;
    before = `<rect x="${r(left)}" y="${r(y - o.size + 1)}" width="${r(width)}" height="${o.size + 2}" fill="${escapeXml(o.background)}"/>`;
  }
  return `${before}<text ${attrs.join(' ')}>${escapeXml(value)}</text>`;
}

function textWidth(content: string, size: number, em = SANS_EM): number {
  return content.length * size * em;
}

/** Rounds a coordinate to one decimal, so output does not depend on floating-point noise. */
function r(value: number): number {
  return Math.round(value * 10) / 10;
}

function truncate(content: string, max: number): string {
  return content.length <= max ? content : `${content.slice(0, Math.max(1, max - 1))}…`;
}

// ---------------------------------------------------------------------------------------------
// Templates and assemblies

/**
 * A template's `DashboardBody` as a JSON string: a literal string as is, an `Fn::Join` with its
 * literal parts joined and every token (`Ref`, `Fn::GetAtt`, ...) replaced by `resolve(token)`,
 * by default a `${...}` placeholder.
 */
export function dashboardBodyToString(value: any, resolve: (token: any) => string = tokenPlaceholder): string {
  if (typeof value === 'string') return value;
  if (value && Array.isArray(value['Fn::Join'])) {
    const [separator, parts] = value['Fn::Join'];
    // Tokens sit inside JSON strings of the body: escape what they resolve to.
    return (parts as any[]).map(p => (typeof p === 'string' ? p : JSON.stringify(resolve(p)).slice(1, -1))).join(separator);
  }
  return resolve(value);
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
    return markdownLines(p.markdown)[0]?.text ?? '';
  }
  return `(untitled ${w.type ?? 'widget'})`;
}

/** Every directory under `dir` (itself included) holding `*.template.json` files, with those files. */
function templateDirs(dir: string): { dir: string; files: string[] }[] {
  const found: { dir: string; files: string[] }[] = [];
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const files = entries.filter(e => e.isFile() && e.name.endsWith('.template.json')).map(e => e.name);
  if (files.length > 0) found.push({ dir, files });
  for (const e of entries) if (e.isDirectory()) found.push(...templateDirs(path.join(dir, e.name)));
  return found;
}

/** A dashboard found in a cloud assembly, its body parsed with names resolved. */
export interface AssemblyDashboard {
  readonly name: string;
  readonly stackName: string;
  readonly body: any;
}

/** Every `AWS::CloudWatch::Dashboard` in the cloud assembly `outDir` (nested assemblies included). */
export function assemblyDashboards(outDir: string): AssemblyDashboard[] {
  const found: AssemblyDashboard[] = [];
  for (const { dir, files } of templateDirs(outDir)) {
    const names = AssemblyNames.fromDirectory(dir);
    for (const file of files) {
      const template = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      for (const [logicalId, resource] of Object.entries<any>(template.Resources ?? {})) {
        if (resource.Type !== 'AWS::CloudWatch::Dashboard') continue;
        const body = JSON.parse(dashboardBodyToString(resource.Properties?.DashboardBody ?? '{}', token => names.text(token, file)));
        const rawName = resource.Properties?.DashboardName;
        found.push({ name: typeof rawName === 'string' ? rawName : logicalId, stackName: path.basename(file, '.template.json'), body });
      }
    }
  }
  return found;
}

/** Writes one SVG per dashboard found in the cloud assembly `outDir`; returns the files written. */
export function renderAssemblyDashboards(outDir: string): string[] {
  const written: string[] = [];
  for (const d of assemblyDashboards(outDir)) {
    let target = path.join(outDir, `${d.name}.svg`);
    if (written.includes(target)) target = path.join(outDir, `${d.stackName}-${d.name}.svg`);
    fs.writeFileSync(target, renderDashboardSvg(d.name, d.body));
    written.push(target);
  }
  return written;
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ?? 'cdk.out';
  if (!fs.existsSync(outDir)) {
    console.error(`dashboard-svg: ${outDir} does not exist; run cdk synth first.`);
    process.exit(1);
  }
  const written = renderAssemblyDashboards(outDir);
  const pictures: string[] = [];
  for (const file of written) {
    const png = file.replace(/\.svg$/, '.png');
    fs.writeFileSync(png, await svgToPng(fs.readFileSync(file, 'utf8')));
    pictures.push(file, png);
    console.log(`dashboard-svg: wrote ${file} and ${path.basename(png)}`);
  }
  // Optional: copy pictures whose name starts with a prefix into a docs folder, without the prefix.
  const [docsDir, prefix] = [process.argv[3], process.argv[4]];
  if (docsDir && prefix) {
    fs.mkdirSync(docsDir, { recursive: true });
    for (const file of pictures.filter((f) => path.basename(f).startsWith(prefix))) {
      const target = path.join(docsDir, path.basename(file).slice(prefix.length));
      fs.copyFileSync(file, target);
      console.log(`dashboard-svg: copied ${file} to ${target}`);
    }
  }
  if (written.length === 0) console.log(`dashboard-svg: no AWS::CloudWatch::Dashboard in ${outDir}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
