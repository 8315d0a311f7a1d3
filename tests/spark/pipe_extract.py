"""PySpark (local mode) pipes a JSON-lines corpus through `shiji extract` with RDD.pipe(), then
`shiji merge` over the collected extracts must give the files of one `shiji build`.

usage: python pipe_extract.py SHIJI_BIN CORPUS.jsonl EXTRACTS_OUT.jsonl
"""
import sys

from pyspark.sql import SparkSession

shiji, corpus, out = sys.argv[1:4]
spark = SparkSession.builder.master("local[2]").appName("shiji-extract").getOrCreate()
lines = spark.sparkContext.textFile(corpus, minPartitions=3)
# each partition runs one `shiji extract` process: JSON lines in on stdin, extracts out on stdout
extracts = lines.pipe(f"{shiji} extract --threads 1").collect()
spark.stop()
with open(out, "w", encoding="utf-8") as f:
    for e in extracts:
        f.write(e + "\n")
print(f"{len(extracts)} extracts from {corpus}")
