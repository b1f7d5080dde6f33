import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import {
  axisScale, horizontalAnnotations, markdownLines, metricSeries, parseLogQuery, SERIES_PALETTE,
} from '../../scripts/dashboard-body';
import { svgToPng } from '../../scripts/dashboard-png';
import {
  dashboardBodyToString, escapeXml, NO_DATA, placeWidgets, renderAssemblyDashboards, renderDashboardSvg,
} from '../../scripts/dashboard-svg';
import { MlPerformanceDashboard } from '../../src/dashboards/ml-performance-dashboard';
import { ecommerceMlComponents } from '../ml-fixtures';
import { newStack } from '../nag-helpers';

/**
 * A dashboard with one widget of each kind, synthesized by aws-cdk-lib into a cloud assembly (a
 * nested stack included, as the platform's log group shards are), and its preview.
 */
function synthesizeShopDashboard(): { outdir: string; svg: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-svg-'));
  // Asset metadata (on by default in the cdk CLI) is how the preview finds nested templates.
  const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'Shop', { env: { account: '123456789012', region: 'eu-west-1' } });
  const nested = new NestedStack(stack, 'Logs');
  const ordersLogs = new logs.LogGroup(nested, 'Orders', { logGroupName: '/shop/orders' });
  const checkoutLogs = new logs.LogGroup(stack, 'Checkout', { logGroupName: '/aws/lambda/checkout' });

  const errors = new cloudwatch.Metric({
    namespace: 'Shop',
    metricName: 'Errors',
    dimensionsMap: { FunctionName: 'checkout' },
    statistic: 'Sum',
    label: 'Checkout errors',
    color: '#123456',
  });
  const invocations = new cloudwatch.Metric({
    namespace: 'AWS/Lambda', metricName: 'Invocations', dimensionsMap: { FunctionName: 'checkout' }, statistic: 'Sum',
  });
  const latency = new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Latency', statistic: 'p99', label: 'p99 latency' });
  const errorRate = new cloudwatch.MathExpression({
    expression: 'e / i * 100',
    label: 'Error rate',
    usingMetrics: {
      e: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'HiddenErrors', statistic: 'Sum' }),
      i: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'HiddenCalls', statistic: 'Sum' }),
    },
  });
  const errorsAlarm = errors.createAlarm(stack, 'ErrorsAlarm', { alarmName: 'shop-checkout-errors', threshold: 5, evaluationPeriods: 1 });
  const latencyAlarm = latency.createAlarm(stack, 'LatencyAlarm', { alarmName: 'shop-latency-p99', threshold: 3000, evaluationPeriods: 3 });

  new cloudwatch.Dashboard(stack, 'Dashboard', {
    dashboardName: 'shop-overview',
    widgets: [
      [new cloudwatch.TextWidget({ markdown: '# Checkout & <Payments>\nWhat the shop sells', width: 24, height: 2 })],
      [
        new cloudwatch.GraphWidget({
          title: 'Checkout',
          width: 12,
          height: 8,
          left: [errors, invocations, errorRate],
          right: [latency],
          stacked: true,
          period: Duration.minutes(1),
          leftYAxis: { label: 'Count', min: 0 },
          rightYAxis: { label: 'Milliseconds', min: 0 },
          leftAnnotations: [{ value: 5, label: 'Errors alarm', color: '#d62728' }],
          rightAnnotations: [latencyAlarm.toAnnotation()],
        }),
        new cloudwatch.SingleValueWidget({
          title: 'Orders now',
          width: 12,
          height: 3,
          metrics: [new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Orders', statistic: 'Sum', label: 'Orders' })],
        }),
      ],
      [new cloudwatch.AlarmStatusWidget({ title: 'Shop alarms', alarms: [errorsAlarm, latencyAlarm], width: 24, height: 3 })],
      [new cloudwatch.LogQueryWidget({
        title: 'Recent errors',
        logGroupNames: [checkoutLogs.logGroupName, ordersLogs.logGroupName],
        queryLines: ['fields @timestamp, @message', 'filter @message like /ERROR/', 'sort @timestamp desc'],
        width: 24,
        height: 6,
      })],
    ],
  });
  app.synth();
  const written = renderAssemblyDashboards(outdir);
  expect(written).toEqual([path.join(outdir, 'shop-overview.svg')]);
  return { outdir, svg: fs.readFileSync(written[0], 'utf8') };
}

/** The `y` of the `<text>` whose content is exactly `content` and whose attributes match `attrs`. */
function textYs(svg: string, content: string, attrs = ''): number[] {
  const re = new RegExp(`<text x="[^"]*" y="([\\d.]+)"[^>]*${attrs}[^>]*>${content.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}</text>`, 'g');
  return [...svg.matchAll(re)].map(m => Number(m[1]));
}

describe('preview of a synthesized dashboard with every widget kind', () => {
  const { outdir, svg } = synthesizeShopDashboard();
  const widget = (kind: string) => svg.split('<g data-widget=').find(part => part.startsWith(`"${kind}"`)) ?? '';

  test('graph: legend labels with their colours, left and right axis, generated names, hidden math inputs left out', () => {
    const graph = widget('graph');
    expect(graph).toMatch(/<rect [^>]*fill="#123456"\/>\n?<text[^>]*>Checkout errors<\/text>/);
    expect(graph).toContain('>Error rate<');
    // No label: CloudWatch-like generated name, metric name and dimension values, first palette colour.
    expect(graph).toMatch(new RegExp(`fill="${SERIES_PALETTE[0]}"/>\\n?<text[^>]*>Invocations \\(checkout\\)</text>`));
    expect(graph).toMatch(new RegExp(`fill="${SERIES_PALETTE[1]}"/>\\n?<text[^>]*>Error rate</text>`));
    // Hidden rows (the expression's inputs) take no palette colour.
    expect(graph).toMatch(new RegExp(`fill="${SERIES_PALETTE[2]}"/>\\n?<text[^>]*>p99 latency</text>`));
    expect(graph).toContain('>p99 latency<');
    expect(graph.indexOf('>Left axis:<')).toBeLessThan(graph.indexOf('>Checkout errors<'));
    expect(graph.indexOf('>Right axis:<')).toBeLessThan(graph.indexOf('>p99 latency<'));
    expect(graph.indexOf('>Right axis:<')).toBeGreaterThan(graph.indexOf('>Error rate<'));
    expect(graph).not.toMatch(/HiddenErrors|HiddenCalls/);
  });

  test('graph: y-axis labels, statistic, period, stacked', () => {
    const graph = widget('graph');
    expect(graph).toMatch(/transform="rotate\(-90 [^"]*\)">Count<\/text>/);
    expect(graph).toMatch(/transform="rotate\(-90 [^"]*\)">Milliseconds<\/text>/);
    expect(graph).toContain('>Sum / expression / p99 · 1 min · stacked<');
  });

  test('graph: annotation lines with their values and labels, at their height on the axis', () => {
    const graph = widget('graph');
    const line = (value: number) => Number(new RegExp(`<line [^>]*y1="([\\d.]+)"[^>]*data-annotation="${value}"`).exec(graph)?.[1]);
    expect(line(5)).toBeGreaterThan(0);
    expect(line(3000)).toBeGreaterThan(0);
    expect(graph).toContain('>Errors alarm<');
    expect(graph).toContain('>p99 latency &gt;= 3000 for 3 datapoints within 15 minutes<'); // Alarm.toAnnotation()'s label
    expect(textYs(graph, '5', 'font-weight="bold"')).toHaveLength(1);
    expect(textYs(graph, '3000', 'font-weight="bold"')).toHaveLength(1);
    // Left axis from 0 to a round number above 1.25 × 5: ticks 0, 2, 4, 6, 8; the line at 5 sits halfway
    // between the 4 and 6 ticks (tick labels are drawn 3 px below their gridline).
    const [y4] = textYs(graph, '4', 'text-anchor="end"');
    const [y6] = textYs(graph, '6', 'text-anchor="end"');
    expect(textYs(graph, '8', 'text-anchor="end"')).toHaveLength(1);
    expect(Math.abs(line(5) - ((y4 + y6) / 2 - 3))).toBeLessThanOrEqual(0.2);
    // Right axis: 0 to 4000 (1.25 × 3000 rounded up to a 1000 step); 3000 at three quarters of the height.
    const [r0] = textYs(graph, '0', 'fill="#5f6b7a"(?! text-anchor="end")');
    const [r4000] = textYs(graph, '4000');
    expect(Math.abs(line(3000) - (r0 - 3 - 0.75 * (r0 - r4000)))).toBeLessThanOrEqual(0.2);
  });

  test('alarm status: the alarm names, resolved from the alarms\' ARNs in the template', () => {
    const alarms = widget('alarm');
    expect(alarms).toContain('>shop-checkout-errors<');
    expect(alarms).toContain('>shop-latency-p99<');
    expect(alarms).toContain('2 alarms');
    expect(svg).not.toContain('.Arn}');
  });

  test('log query: the log groups it reads (a nested stack\'s included) and its query lines', () => {
    const log = widget('log');
    expect(log).toContain('>Log groups: /aws/lambda/checkout, /shop/orders<');
    expect(log).toContain('>fields @timestamp, @message<');
    expect(log).toContain('>| filter @message like /ERROR/<');
    expect(log).toContain('>| sort @timestamp desc<');
    expect(log).not.toContain('SOURCE');
  });

  test('text: the heading, escaped, and the first lines; single value: labels, statistic, period', () => {
    expect(widget('text')).toMatch(/font-weight="bold"[^>]*>Checkout &amp; &lt;Payments&gt;<\/text>/);
    expect(widget('text')).toContain('>What the shop sells<');
    expect(widget('singleValue')).toContain('>Orders<');
    expect(widget('singleValue')).toContain('>Sum · 5 min<');
    expect(svg).not.toMatch(/<Payments>/);
  });

  test('every widget that would show data says there is none', () => {
    for (const kind of ['graph', 'singleValue', 'log']) expect(widget(kind)).toContain(`>${NO_DATA}<`);
    expect(widget('alarm')).toContain('state unknown: no data in a preview');
    expect(svg).toContain('preview from the synthesized template · no data');
  });

  test('same body, same bytes (SVG and PNG)', async () => {
    expect(renderAssemblyDashboards(outdir)).toHaveLength(1);
    expect(fs.readFileSync(path.join(outdir, 'shop-overview.svg'), 'utf8')).toBe(svg);
    const png = await svgToPng(svg);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Number(/width="(\d+)"/.exec(svg)![1])); // IHDR width
    expect((await svgToPng(svg)).equals(png)).toBe(true);
  });
});

describe('reading the body', () => {
  test('compact metric rows: "." repeats the previous row, generated names, palette in order, options', () => {
    const series = metricSeries({
      stat: 'Sum',
      metrics: [
        ['AWS/Lambda', 'Errors', 'FunctionName', 'a'],
        ['.', '.', '.', 'b', { yAxis: 'right', stat: 'Maximum', period: 60 }],
        ['.', 'Throttles', '.', '.', { label: 'b throttles', color: '#00ff00' }],
        ['Shop', 'Orders'],
        [{ expression: 'SEARCH(\'Errors\', \'Sum\')', id: 'e1' }],
        ['Shop', 'Hidden', { visible: false }],
      ],
    });
    expect(series.map(s => [s.label, s.axis, s.stat, s.period, s.color, s.visible])).toEqual([
      ['Errors (a)', 'left', 'Sum', 300, SERIES_PALETTE[0], true],
      ['Errors (b)', 'right', 'Maximum', 60, SERIES_PALETTE[1], true],
      ['b throttles', 'left', 'Sum', 300, '#00ff00', true],
      ['Orders', 'left', 'Sum', 300, SERIES_PALETTE[2], true],
      ['SEARCH(\'Errors\', \'Sum\')', 'left', 'Sum', 300, SERIES_PALETTE[3], true],
      ['Hidden', 'left', 'Sum', 300, SERIES_PALETTE[4], false], // drawn nowhere; the next visible row would get [4] too
    ]);
    expect(metricSeries({ metrics: [['N', 'M']] })[0].stat).toBe('Average');
  });

  test('a plausible axis: body min/max win; otherwise 0 to a round number above 1.25 × the highest annotation', () => {
    const properties = { annotations: { horizontal: [{ value: 300 }, [{ value: 10, label: 'band' }, { value: 20 }], { value: 7, yAxis: 'right', visible: false }] } };
    const annotations = horizontalAnnotations(properties);
    expect(annotations.map(a => [a.value, a.toValue, a.label, a.axis])).toEqual([[300, undefined, '', 'left'], [10, 20, 'band', 'left']]);
    expect(axisScale(properties, 'left', annotations)).toMatchObject({ min: 0, max: 400, ticks: [0, 100, 200, 300, 400], known: true });
    expect(axisScale({ yAxis: { left: { min: 0, max: 100 } } }, 'left', [])).toMatchObject({ min: 0, max: 100, known: true });
    expect(axisScale({ yAxis: { left: { min: 0 } } }, 'left', [])).toMatchObject({ min: 0, known: false, minSet: true });
    expect(axisScale({ yAxis: { right: { label: 'ms' } } }, 'right', []).label).toBe('ms');
  });

  test('log queries split into SOURCE log groups and query lines; markdown into headings and lines', () => {
    expect(parseLogQuery("SOURCE '/a' | SOURCE '/b' | fields @message\n| limit 5")).toEqual({ logGroups: ['/a', '/b'], lines: ['fields @message', '| limit 5'] });
    expect(markdownLines('## Title **bold**\n\n- item [link](https://x)\nplain')).toEqual([
      { level: 2, text: 'Title bold' }, { level: 0, text: '• item link' }, { level: 0, text: 'plain' },
    ]);
  });
});

test('long legends, alarm lists and queries are truncated with an ellipsis or "+N more", never drawn past the widget', () => {
  const metrics = Array.from({ length: 30 }, (_, i) => ['Shop', `Metric${i}`, { label: `a rather long series label number ${i} of thirty` }]);
  const alarms = Array.from({ length: 40 }, (_, i) => `arn:aws:cloudwatch:eu-west-1:1:alarm:shop-alarm-${i}`);
  const svg = renderDashboardSvg('d', {
    widgets: [
      { type: 'metric', x: 0, y: 0, width: 6, height: 6, properties: { title: 'T'.repeat(80), metrics } },
      { type: 'alarm', x: 6, y: 0, width: 6, height: 3, properties: { title: 'alarms', alarms } },
      { type: 'log', x: 12, y: 0, width: 6, height: 3, properties: { title: 'q', query: `SOURCE '/g' | ${'x'.repeat(200)}\n| a\n| b\n| c\n| d` } },
    ],
  });
  expect(svg).toMatch(/>T+…</);
  expect(svg).toMatch(/>\+\d+ more</);
  expect(svg).toMatch(/>x+…</);
  expect(svg).toContain('>…<'); // more query lines than fit
  // Every text starts inside the picture's 24 columns.
  const width = Number(/width="(\d+)"/.exec(svg)![1]);
  for (const m of svg.matchAll(/<text x="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(width);
});

test('one box per widget at its grid position, titles escaped', () => {
  const svg = renderDashboardSvg('shop-api & co', {
    widgets: [
      { type: 'text', x: 0, y: 0, width: 24, height: 1, properties: { markdown: '## Orders & <Payments>' } },
      { type: 'metric', x: 0, y: 1, width: 12, height: 6, properties: { view: 'timeSeries', title: 'Latency "p99"' } },
      { type: 'log', x: 12, y: 1, width: 12, height: 6, properties: { title: 'Recent errors' } },
    ],
  });
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg.trim().endsWith('</svg>')).toBe(true);
  const rects = [...svg.matchAll(/<g data-widget="\w+">\n<rect x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/g)].map(m => m.slice(1).map(Number));
  // 50 px per column, 34 px per row, 8 px margin, 40 px header, 2 px gap around each widget
  expect(rects).toEqual([
    [10, 50, 1196, 30],
    [10, 84, 596, 200],
    [610, 84, 596, 200],
  ]);
  expect(svg).toContain('>Orders &amp; &lt;Payments&gt;<');
  expect(svg).toContain('>Latency &quot;p99&quot;<');
  expect(svg).toContain('>shop-api &amp; co<');
  expect(svg).toContain('3 widgets');
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

test('escapeXml and the Fn::Join body with token placeholders or resolved names', () => {
  expect(escapeXml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  const join = { 'Fn::Join': ['', ['{"r":"', { Ref: 'AWS::Region' }, '","a":"', { 'Fn::GetAtt': ['Alarm1', 'Arn'] }, '"}']] };
  expect(dashboardBodyToString(join)).toBe('{"r":"${AWS::Region}","a":"${Alarm1.Arn}"}');
  expect(JSON.parse(dashboardBodyToString(join, () => 'say "hi"')).a).toBe('say "hi"'); // escaped inside the JSON string
  expect(dashboardBodyToString('{"widgets":[]}')).toBe('{"widgets":[]}');
});

test('renders every dashboard of a synthesized cloud assembly', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-svg-'));
  const { stack } = newStack();
  new MlPerformanceDashboard(stack, 'Ml', { projectName: 'shop', mlComponents: ecommerceMlComponents() });
  fs.mkdirSync(path.join(outdir, 'assembly-Stage'));
  fs.writeFileSync(path.join(outdir, 'assembly-Stage', 'TestStack.template.json'), JSON.stringify(Template.fromStack(stack).toJSON()));
  const written = renderAssemblyDashboards(outdir);
  expect(written).toEqual([path.join(outdir, 'shop-ml-performance.svg')]); // named after the dashboard
  const svg = fs.readFileSync(written[0], 'utf8');
  expect(svg).toContain('>shop-ml-performance<');
  expect((svg.match(/<g data-widget=/g) ?? []).length).toBe(25);
  expect(svg).toContain('>Market Intelligence Hub: latest values<');
});
