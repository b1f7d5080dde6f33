import { createHash } from 'crypto';
import { AlarmFactory } from './alarm-factory';

/**
 * Alarms of one family (e.g. one per API) spread over a fixed number of nested stacks, each alarm's
 * stack chosen by a hash of its stable key: adding or removing a resource never moves another's
 * alarms, and a stack is created with its first alarm. With `SHARDS` stacks the parent template
 * holds none of these alarms (each ~1 KB), so the platform stack stays under CloudFormation's 500
 * resources and 1 MB per template ("Understand CloudFormation quotas",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html) with
 * hundreds of APIs.
 */
export class AlarmShards {
  /** Stacks per family: 100 APIs (two alarms each) put about 25 alarms in each. */
  public static readonly SHARDS = 8;

  private readonly factories = new Map<number, AlarmFactory>();

  /**
   * @param parent the factory whose scope holds the nested stacks
   * @param id the nested stacks' id prefix (`<id>-1` ... `<id>-8`)
   * @param description what the nested stacks hold
   */
  constructor(private readonly parent: AlarmFactory, private readonly id: string, private readonly description: string) {}

  /** The factory of the nested stack that holds the alarms of `key`. */
  public factoryFor(key: string): AlarmFactory {
    const shard = shardOf(key, AlarmShards.SHARDS);
    let factory = this.factories.get(shard);
    if (!factory) {
      factory = this.parent.nested(`${this.id}-${shard + 1}`, `${this.description} (shard ${shard + 1} of ${AlarmShards.SHARDS}, by a hash of each key)`).factory;
      this.factories.set(shard, factory);
    }
    return factory;
  }
}

/** A stable shard of `key` in 0..shards-1 (the first 4 bytes of its SHA-256). */
export function shardOf(key: string, shards: number): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) % shards;
}
