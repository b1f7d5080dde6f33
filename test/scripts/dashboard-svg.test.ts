import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import {
  dashboardBodyToString, escapeXml, placeWidgets, renderAssemblyDashboards, renderDashboardSvg,
} from '../../scripts/dashboard-svg';
import { MlPerformanceDashboard } from '../../src/dashboards/ml-performance-dashboard';
import { newStack } from '../nag-helpers';

const BODY = {
  widgets: [
    { type: 'text', x: 0, y: 0, width: 24, height: 1, properties: { markdown: '## Orders & <Payments>' } },
    { type: 'metric', x: 0, y: 1, width: 12, height: 6, properties: { view: 'timeSeries', title: 'Latency "p99"' } },
    { type: 'log', x: 12, y: 1, width: 12, height: 6, properties: { title: 'Recent errors' } },
  ],
};

test('one box per widget at its grid position, titles escaped', () => {
  const svg = renderDashboardSvg('shop-api & co', BODY);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trim().endsWith('</svg>')).toBe(true);
  const rects = [...svg.matchAll(/<g><rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map(m => m.slice(1).map(Number));
  // 40 px per column, 28 px per row, 8 px margin, 36 px header
  expect(rects).toEqual([
    [9, 45, 958, 26],
    [9, 73, 478, 166],
    [489, 73, 478, 166],
  ]);
  expect(svg).toContain('>Orders &amp; &lt;Payments&gt;<');
  expect(svg).toContain('>Latency &quot;p99&quot;<');
  expect(svg).toContain('>shop-api &amp; co<');
  expect(svg).toContain('3 widgets');
  expect(svg).not.toMatch(/<Payments>/);
});

test('widgets without x/y flow left to right, top to bottom, wrapping at column 24', () => {
  const placed = placeWidgets([
    { type: 'metric', width: 12, height: 6, properties: { title: 'a' } },
    { type: 'metric', width: 8, height: 3, properties: { title: 'b' } },
    { type: 'metric', width: 8, height: 6, properties: { title: 'c' } },
    { type: 'metric', properties: { title: 'd' } },
  ]);
  expect(placed.map(p => [p.title, p.x, p.y, p.width, p.height])).toEqual([
    ['a', 0, 0, 12, 6], ['b', 12, 0, 8, 3], ['c', 0, 6, 8, 6], ['d', 8, 6, 6, 6],
  ]);
});

test('escapeXml and the Fn::Join body with token placeholders', () => {
  expect(escapeXml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  expect(dashboardBodyToString({ 'Fn::Join': ['', ['{"r":"', { Ref: 'AWS::Region' }, '","a":"', { 'Fn::GetAtt': ['Alarm1', 'Arn'] }, '"}']] }))
    .toBe('{"r":"${AWS::Region}","a":"${Alarm1.Arn}"}');
  expect(dashboardBodyToString('{"widgets":[]}')).toBe('{"widgets":[]}');
});

test('renders every dashboard of a synthesized cloud assembly', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-svg-'));
  const { stack } = newStack();
  new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop' });
  fs.mkdirSync(path.join(outdir, 'assembly-Stage'));
  fs.writeFileSync(path.join(outdir, 'assembly-Stage', 'TestStack.template.json'), JSON.stringify(Template.fromStack(stack).toJSON()));
  const written = renderAssemblyDashboards(outdir);
  expect(written).toEqual([path.join(outdir, 'shop-ml-performance.svg')]); // named after the dashboard
  const svg = fs.readFileSync(written[0], 'utf8');
  expect(svg).toContain('>shop-ml-performance<');
  expect((svg.match(/<g>/g) ?? []).length).toBe(25);
  expect(svg).toContain('>Market Intelligence Hub: latest values<');
});
