using EdgeAgent.Cli;

// The `edgeagent` executable: every verb lives in Cli/, composition in Hosting/.
return await EdgeAgentCommandLine.Build().Parse(args).InvokeAsync();
