using BenchmarkDotNet.Running;
using EdgeAgent.Benchmarks.Ingest;

// Two entry points in one executable:
//   ingest ...   the end-to-end Modbus ingest run that tests/benchmarks/modbus-ingest.sh drives (prints figures);
//   anything else goes to BenchmarkDotNet (e.g. --filter '*') for the micro-benchmarks in Micro/.
if (args.Length > 0 && args[0] == "ingest")
{
    return await IngestBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
return 0;
