# cdk-platform-monitoring integration test (metric-dimensions): the smallest Glue for Apache Spark
# job that publishes observability metrics. It runs one small Spark action, then succeeds, or fails
# when started with `--fail true` (so that Glue publishes both `glue.succeed.ALL` and `glue.error.ALL`).
import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ['fail'])
sc = SparkContext.getOrCreate()
GlueContext(sc)
count = sc.parallelize(range(100), 2).count()
if args['fail'] == 'true':
    raise RuntimeError(f'integration test: this run fails on purpose (counted {count} rows)')
print(f'integration test: counted {count} rows')
