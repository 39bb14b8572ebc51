using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EdgeAgent.Benchmarks.Micro;

/// <summary>
/// Short runs (3 iterations after warm-up) with allocation figures, in process. Why in process: the default toolchain
/// rebuilds the whole solution graph into a generated project for every run, which takes longer than its 2-minute
/// build timeout on a shared 2-core machine; the figures here are per-operation costs, where the in-process harness
/// is accurate enough. Artifacts go beside the binaries, not into the working folder.
/// </summary>
public sealed class MicroBenchmarkConfig : ManualConfig
{
    public MicroBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
        ArtifactsPath = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
    }
}
