using BenchmarkDotNet.Running;
using EdgeAgent.Benchmarks.Ingest;
using EdgeAgent.Benchmarks.OpcUa;

// Entry points in one executable:
//   ingest ...         the end-to-end Modbus ingest run that tests/benchmarks/modbus-ingest.sh drives (prints figures);
//   opcua-server ...   our OPC UA server with N changing variables, for the subscription benchmark (another process);
//   opcua ...          the OPC UA subscription run that tests/benchmarks/opcua-subscribe.sh drives (prints figures);
//   anything else goes to BenchmarkDotNet (e.g. --filter '*') for the micro-benchmarks in Micro/.
switch (args.Length > 0 ? args[0] : "")
{
    case "ingest":
        return await IngestBenchmark.RunAsync(args[1..]);
    case "opcua-server":
        return await OpcUaBenchServer.RunAsync(args[1..]);
    case "opcua":
        return await OpcUaSubscribeBenchmark.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(IngestBenchmark).Assembly).Run(args);
return 0;
