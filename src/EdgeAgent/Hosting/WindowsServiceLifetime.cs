using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Hosting;

/// <summary>
/// Lets the Windows Service Control Manager start and stop the agent (what Microsoft.Extensions.Hosting.WindowsServices
/// does; that package is not available to us). The SCM starts <c>edgeagent.exe run --config … --windows-service</c>;
/// this lifetime connects to the SCM on a dedicated thread (StartServiceCtrlDispatcher blocks), reports RUNNING once the
/// host has started, and turns SERVICE_CONTROL_STOP / SHUTDOWN into a graceful host stop (collectors stop first, the
/// recorder drains, then STOPPED is reported).
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe partial class WindowsServiceLifetime : IHostLifetime, IDisposable
{
    private const string ServiceName = "EdgeAgent";
    private const uint ServiceWin32OwnProcess = 0x10;
    private const uint StateStopped = 1;
    private const uint StateStartPending = 2;
    private const uint StateStopPending = 3;
    private const uint StateRunning = 4;
    private const uint AcceptStop = 0x1;
    private const uint AcceptShutdown = 0x4;
    private const uint ControlStop = 0x1;
    private const uint ControlShutdown = 0x5;
    private const uint ControlInterrogate = 0x4;

    // The SCM calls static entry points; one service per process, so one instance.
    private static WindowsServiceLifetime? _current;

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _stopped = new();
    private nint _statusHandle;
    private uint _checkPoint;

    public WindowsServiceLifetime(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
    }

    /// <inheritdoc/>
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        _current = this;
        _lifetime.ApplicationStarted.Register(() => SetStatus(StateRunning, 0));
        _lifetime.ApplicationStopping.Register(() => SetStatus(StateStopPending, 0));
        _lifetime.ApplicationStopped.Register(() => _stopped.Set());
        var thread = new Thread(RunDispatcher) { IsBackground = true, Name = "Windows service dispatcher" };
        thread.Start();
        return _started.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void RunDispatcher()
    {
        var name = Marshal.StringToHGlobalUni(ServiceName);
        try
        {
            var table = stackalloc ServiceTableEntry[2];
            table[0] = new ServiceTableEntry { ServiceName = name, ServiceMain = &ServiceMain };
            table[1] = default;
            if (!StartServiceCtrlDispatcher(table))
            {
                _started.TrySetException(new InvalidOperationException(
                    $"--windows-service: could not connect to the Service Control Manager (error {Marshal.GetLastPInvokeError()}); run without --windows-service from a console"));
            }
        }
        finally
        {
            Marshal.FreeHGlobal(name);
        }
    }

    [UnmanagedCallersOnly]
    private static void ServiceMain(uint argc, nint argv)
    {
        var self = _current!;
        var name = Marshal.StringToHGlobalUni(ServiceName);
        self._statusHandle = RegisterServiceCtrlHandlerEx(name, &Handler, 0);
        Marshal.FreeHGlobal(name);
        self.SetStatus(StateStartPending, 30_000);
        self._started.TrySetResult();

        // ServiceMain must not return before the service has stopped.
        self._stopped.Wait();
        self.SetStatus(StateStopped, 0);
    }

    [UnmanagedCallersOnly]
    private static uint Handler(uint control, uint eventType, nint eventData, nint context)
    {
        var self = _current!;
        switch (control)
        {
            case ControlStop:
            case ControlShutdown:
                self.SetStatus(StateStopPending, 30_000);
                self._lifetime.StopApplication();
                return 0;
            case ControlInterrogate:
                return 0;
            default:
                return 120; // ERROR_CALL_NOT_IMPLEMENTED
        }
    }

    private void SetStatus(uint state, uint waitHintMs)
    {
        if (_statusHandle == 0)
        {
            return;
        }

        var status = new ServiceStatus
        {
            ServiceType = ServiceWin32OwnProcess,
            CurrentState = state,
            ControlsAccepted = state == StateRunning ? AcceptStop | AcceptShutdown : 0,
            Win32ExitCode = 0,
            CheckPoint = state is StateStartPending or StateStopPending ? ++_checkPoint : 0,
            WaitHint = waitHintMs,
        };
        SetServiceStatus(_statusHandle, &status);
    }

    /// <inheritdoc/>
    public void Dispose() => _stopped.Dispose();

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceTableEntry
    {
        public nint ServiceName;
        public delegate* unmanaged<uint, nint, void> ServiceMain;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ServiceStatus
    {
        public uint ServiceType;
        public uint CurrentState;
        public uint ControlsAccepted;
        public uint Win32ExitCode;
        public uint ServiceSpecificExitCode;
        public uint CheckPoint;
        public uint WaitHint;
    }

    [LibraryImport("advapi32.dll", EntryPoint = "StartServiceCtrlDispatcherW", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool StartServiceCtrlDispatcher(ServiceTableEntry* table);

    [LibraryImport("advapi32.dll", EntryPoint = "RegisterServiceCtrlHandlerExW", SetLastError = true)]
    private static partial nint RegisterServiceCtrlHandlerEx(nint serviceName, delegate* unmanaged<uint, uint, nint, nint, uint> handler, nint context);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool SetServiceStatus(nint handle, ServiceStatus* status);
}
