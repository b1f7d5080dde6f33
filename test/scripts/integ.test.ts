import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { appCommand, emptyBucket, integAppNames, stackBuckets, stackNames } from '../../scripts/integ';
import { INTEG_APPS } from '../integ/snapshot';

/** A fake versioned bucket answering ListObjectVersions and DeleteObjects like S3 does. */
function fakeS3(versions: number, markers: number, undeletable?: string) {
  let live = [
    ...Array.from({ length: versions }, (_, i) => ({ kind: 'Versions', Key: `AWSLogs/k${i}.json.gz`, VersionId: `v${i}` })),
    ...Array.from({ length: markers }, (_, i) => ({ kind: 'DeleteMarkers', Key: `AWSLogs/m${i}`, VersionId: `d${i}` })),
  ];
  const calls: string[] = [];
  return {
    calls,
    remaining: () => live.length,
    send: async (command: any) => {
      const name = command.constructor.name;
      calls.push(name);
      if (name === 'ListObjectVersionsCommand') {
        const page = live.slice(0, command.input.MaxKeys);
        return {
          Versions: page.filter((o) => o.kind === 'Versions'),
          DeleteMarkers: page.filter((o) => o.kind === 'DeleteMarkers'),
        };
      }
      if (name === 'DeleteObjectsCommand') {
        const doomed = command.input.Delete.Objects as Array<{ Key: string; VersionId: string }>;
        const errors = doomed.filter((o) => o.Key === undeletable).map((o) => ({ Key: o.Key, Code: 'AccessDenied' }));
        live = live.filter((o) => o.Key === undeletable || !doomed.some((d) => d.Key === o.Key && d.VersionId === o.VersionId));
        return { Errors: errors.length ? errors : undefined };
      }
      throw new Error(`unexpected ${name}`);
    },
  };
}

describe('scripts/integ.ts (integ:deploy and integ:synth)', () => {
  test('runs exactly the apps the snapshot test covers, each with an existing file', () => {
    expect(integAppNames()).toEqual(INTEG_APPS.map((d) => d.name).sort());
    for (const name of integAppNames()) {
      const file = appCommand(name).split(' ').pop()!;
      expect(fs.existsSync(file)).toBe(true);
    }
  });

  test('empties a versioned bucket: every version and delete marker, in pages of 1000', async () => {
    const s3 = fakeS3(1500, 700);
    expect(await emptyBucket(s3, 'b')).toBe(2200);
    expect(s3.remaining()).toBe(0);
    expect(s3.calls.filter((c) => c === 'DeleteObjectsCommand')).toHaveLength(3);
  });

  test('stops with the keys S3 refused instead of listing them forever', async () => {
    await expect(emptyBucket(fakeS3(3, 0, 'AWSLogs/k1.json.gz'), 'b')).rejects.toThrow(/could not empty s3:\/\/b: AWSLogs\/k1.json.gz: AccessDenied/);
  });

  test('finds the buckets of a stack across pages; none for a stack that is gone', async () => {
    const cfn = {
      send: async (command: any) => {
        if (command.input.StackName === 'Gone') throw new Error('Stack with id Gone does not exist');
        return command.input.NextToken
          ? { StackResourceSummaries: [{ ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: 'access-logs', ResourceStatus: 'CREATE_COMPLETE' }] }
          : {
            NextToken: 'p2',
            StackResourceSummaries: [
              { ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: 'trail-logs', ResourceStatus: 'DELETE_FAILED' },
              { ResourceType: 'AWS::KMS::Key', PhysicalResourceId: 'key', ResourceStatus: 'CREATE_COMPLETE' },
              { ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: 'deleted', ResourceStatus: 'DELETE_COMPLETE' },
            ],
          };
      },
    };
    expect(await stackBuckets(cfn, 'IntegTrailStack')).toEqual(['trail-logs', 'access-logs']);
    expect(await stackBuckets(cfn, 'Gone')).toEqual([]);
  });

  test('reads the stack names from the synthesized assembly manifest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'integ-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      artifacts: {
        IntegLogsStack: { type: 'aws:cloudformation:stack', properties: {} },
        Named: { type: 'aws:cloudformation:stack', properties: { stackName: 'custom-name' } },
        Tree: { type: 'cdk:tree' },
      },
    }));
    expect(stackNames(dir)).toEqual(['IntegLogsStack', 'custom-name']);
    expect(stackNames(path.join(dir, 'missing'))).toEqual([]);
  });
});
