import { DmsReplicationTask } from './monitored-resources';

/**
 * The distinct replication instances of the tasks (an instance id in another account is another
 * instance). Not part of the public API.
 */
export function dmsInstances(tasks: DmsReplicationTask[]): Array<{ instance: string; account?: string; region?: string }> {
  const seen = new Map<string, { instance: string; account?: string; region?: string }>();
  for (const t of tasks) {
    const key = `${t.account ?? ''}|${t.region ?? ''}|${t.replicationInstanceIdentifier}`;
    if (!seen.has(key)) seen.set(key, { instance: t.replicationInstanceIdentifier, account: t.account, region: t.region });
  }
  return [...seen.values()];
}
