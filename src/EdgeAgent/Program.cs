using EdgeAgent.Cli;

// The `edgeagent` executable: every verb lives in Cli/, composition in Hosting/.
// SIGINT/SIGTERM are left to the generic host (ConsoleLifetime: graceful stop within HostOptions.ShutdownTimeout,
// final storage flush). System.CommandLine's own handling (ProcessTerminationTimeout) is off: racing the host for
// the same signal, it ended a clean stop with exit code 143, which systemd records as a failure.
return await EdgeAgentCommandLine.Build().Parse(args).InvokeAsync(new() { ProcessTerminationTimeout = null });
