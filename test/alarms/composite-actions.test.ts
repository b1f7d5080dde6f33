import * as sns from 'aws-cdk-lib/aws-sns';
import { alarmsOf, allOptionsPlatform, assemblyTemplates, AssemblyTemplate } from './alarm-fixtures';
import { PlatformAlarms, SnsAlarmActionStrategy } from '../../src';
import { newStack } from '../nag-helpers';

/**
 * For every composite alarm with actions, the composite's ALARM actions and those of each alarm its
 * rule names (across nested stacks: `Outputs.*` are followed, nested parameters mapped to the parent's value).
 */
function compositesAndChildren(templates: AssemblyTemplate[]) {
  const parentValueOf: { [param: string]: unknown } = {};
  for (const t of templates) {
    for (const r of Object.values(t.resources)) {
      if (r.Type === 'AWS::CloudFormation::Stack') Object.assign(parentValueOf, r.Properties?.Parameters ?? {});
    }
  }
  const outputs: { [name: string]: { template: AssemblyTemplate; value: any } } = {};
  for (const t of templates) for (const [name, o] of Object.entries(t.outputs)) outputs[name] = { template: t, value: o.Value };
  const normalize = (action: any) => JSON.stringify(action?.Ref && parentValueOf[action.Ref] ? parentValueOf[action.Ref] : action);
  const actionsOf = (t: AssemblyTemplate, logicalId: string) => (t.resources[logicalId]?.Properties?.AlarmActions ?? []).map(normalize);

  const result: Array<{ composite: string; own: string[]; children: Array<{ name: string; actions: string[] }> }> = [];
  for (const t of templates) {
    for (const [id, r] of Object.entries(t.resources)) {
      if (r.Type !== 'AWS::CloudWatch::CompositeAlarm') continue;
      const parts: any[] = r.Properties.AlarmRule['Fn::Join'][1];
      const children = parts.filter((p) => p['Fn::GetAtt']).map((p) => {
        const [target, attr] = p['Fn::GetAtt'];
        if (attr === 'Arn') return { name: r.Properties.AlarmName + ' <- ' + target, actions: actionsOf(t, target) };
        const out = outputs[attr.replace(/^Outputs\./, '')];
        const childId = out.value['Fn::GetAtt'][0];
        return { name: `${out.template.name}/${childId}`, actions: actionsOf(out.template, childId) };
      });
      result.push({ composite: `${t.name}/${id}`, own: actionsOf(t, id), children });
    }
  }
  return result;
}

describe('one incident, one notification: composites never notify what their inputs notify', () => {
  test('by default platform-health (the only composite) has no actions; each of its inputs notifies the alert topic', () => {
    const { app } = allOptionsPlatform();
    const templates = assemblyTemplates(app);
    const composites = compositesAndChildren(templates);
    expect(composites.map((c) => c.composite)).toEqual([expect.stringMatching(/platformhealth/)]);
    expect(composites[0].own).toEqual([]);
    // 16 inputs: DMS lag, source latency and instance free storage, 2 Lambda + 2 Lambda groups, 2 per API x 3, Batch and 2 Glue.
    expect(composites[0].children.length).toBe(16);
    for (const child of composites[0].children) expect(child).toEqual({ name: child.name, actions: [expect.stringMatching(/AlertsTopic/)] });
    // No other composite exists: the Lambda groups notify themselves.
    expect(alarmsOf(templates).filter((a) => a.type === 'AWS::CloudWatch::CompositeAlarm')).toHaveLength(1);
  });

  test('opt-in platformHealth.actions (a pager topic) notify the pager only, and no input notifies the pager', () => {
    const { app } = allOptionsPlatform((stack) => ({
      alarms: {
        platformHealth: { actions: [new SnsAlarmActionStrategy({ topics: [sns.Topic.fromTopicArn(stack, 'Pager', 'arn:aws:sns:eu-west-1:123456789012:pager')] })] },
      },
    }));
    const composites = compositesAndChildren(assemblyTemplates(app));
    expect(composites).toHaveLength(1);
    expect(composites[0].own).toEqual([JSON.stringify('arn:aws:sns:eu-west-1:123456789012:pager')]);
    for (const child of composites[0].children) {
      expect(child.actions.filter((a) => composites[0].own.includes(a))).toEqual([]);
    }
  });

  test('platformHealth.actions on the alert topic itself fail at synth, naming the prop and the fix', () => {
    const { app, stack } = newStack();
    const topic = new sns.Topic(stack, 'Alerts');
    new PlatformAlarms(stack, 'Alarms', {
      projectName: 'proj',
      alertTopic: topic,
      dmsReplicationTasks: [{ replicationInstanceIdentifier: 'ri', replicationTaskIdentifier: 'T1' }],
      platformHealth: { actions: [new SnsAlarmActionStrategy({ topics: [topic] })] },
    });
    expect(() => app.synth()).toThrow(/platformHealth\.actions notifies an action that the alarm .* notifies too, so one incident would send two notifications\. Give the composite another target \(e\.g\. a pager topic\), or leave it without actions\./);
  });
});
