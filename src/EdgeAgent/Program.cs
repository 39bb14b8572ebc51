using EdgeAgent.Cli;

// The `edgeagent` executable: every verb lives in Cli/, composition in Hosting/.
// SIGINT/SIGTERM cancel the verb's token; the generous timeout lets the host finish its graceful shutdown (final
// storage flush, HostOptions.ShutdownTimeout = 20 s; systemd waits 30 s) instead of System.CommandLine's default 2 s cutting it short.
return await EdgeAgentCommandLine.Build().Parse(args).InvokeAsync(new() { ProcessTerminationTimeout = TimeSpan.FromSeconds(25) });
