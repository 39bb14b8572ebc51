using System.Collections.Concurrent;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa;

/// <summary>
/// Keeps several Publish requests outstanding while the session has subscriptions, routes each response to its
/// subscription, and carries acknowledgements on the next request.
/// </summary>
internal sealed class PublishEngine : IDisposable
{
    private readonly OpcUaClient _client;
    private readonly OpcUaClientOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<uint, OpcUaSubscription> _subscriptions = new();
    private readonly ConcurrentQueue<SubscriptionAcknowledgement> _acknowledgements = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _workers = [];
    private readonly Lock _gate = new();
    private int _activeWorkers;
    private int _maxWorkers;

    public PublishEngine(OpcUaClient client, OpcUaClientOptions options, TimeProvider time, ILogger logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
        _maxWorkers = Math.Max(1, options.PublishRequestCount);
        _ = time;
    }

    public Func<uint, bool>? DropNotification { get; set; }

    public void Add(OpcUaSubscription subscription)
    {
        _subscriptions[subscription.Id] = subscription;
        lock (_gate)
        {
            while (_activeWorkers < _maxWorkers && !_stop.IsCancellationRequested)
            {
                _activeWorkers++;
                _workers.Add(Task.Run(WorkerAsync));
            }
        }
    }

    public void Remove(uint subscriptionId) => _subscriptions.TryRemove(subscriptionId, out _);

    /// <summary>The id of a subscription that has heard nothing for too long, or null.</summary>
    public uint? FindSilentSubscription()
    {
        foreach (var subscription in _subscriptions.Values)
        {
            // Twice the keep-alive period plus a request timeout: generous, because a false alarm costs a reconnect.
            var limit = (subscription.KeepAlivePeriod * 2) + _options.OperationTimeout;
            if (subscription.SinceLastPublish > limit)
            {
                return subscription.Id;
            }
        }

        return null;
    }

    private TimeSpan PublishTimeout()
    {
        var longest = _subscriptions.Values.Select(s => s.KeepAlivePeriod).DefaultIfEmpty(TimeSpan.Zero).Max();
        return (longest * 2) + _options.OperationTimeout;
    }

    private async Task WorkerAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested && !_subscriptions.IsEmpty)
            {
                var acks = new List<SubscriptionAcknowledgement>();
                while (acks.Count < 1000 && _acknowledgements.TryDequeue(out var ack))
                {
                    acks.Add(ack);
                }

                PublishResponse response;
                try
                {
                    response = await _client.CallAsync<PublishResponse>(new PublishRequest { SubscriptionAcknowledgements = acks.ToArray() }, _stop.Token, PublishTimeout()).ConfigureAwait(false);
                }
                catch (ServiceResultException ex)
                {
                    Requeue(acks);
                    if (ex.StatusCode.Code == StatusCodes.BadTooManyPublishRequests)
                    {
                        // The server wants fewer outstanding requests: this worker retires.
                        lock (_gate)
                        {
                            _maxWorkers = Math.Max(1, _maxWorkers - 1);
                        }

                        return;
                    }

                    if (ex.StatusCode.Code is StatusCodes.BadNoSubscription or StatusCodes.BadTimeout)
                    {
                        continue;
                    }

                    OpcUaLog.PublishFailed(_logger, ex.StatusCode, ex);
                    if (!_client.IsConnected)
                    {
                        return;
                    }

                    continue;
                }
                catch (OpcUaConnectionException ex) when (ex.StatusCode.Code == StatusCodes.BadTimeout)
                {
                    Requeue(acks);
                    continue;
                }
                catch (OpcUaDecodingException ex)
                {
                    // The server's response cannot be read, so which subscription it was for and what it carried are
                    // lost to this session. End every subscription with the reason at once, so its owner records the
                    // gap and starts afresh, instead of waiting for the silence watchdog.
                    Requeue(acks);
                    OpcUaLog.PublishFailed(_logger, ex.StatusCode, ex);
                    Fail(ex);
                    return;
                }

                if (DropNotification?.Invoke(response.NotificationMessage.SequenceNumber) == true && response.NotificationMessage.NotificationData.Length > 0)
                {
                    continue;
                }

                if (_subscriptions.TryGetValue(response.SubscriptionId, out var subscription))
                {
                    var toAck = await subscription.ProcessAsync(response.NotificationMessage, republished: false, _stop.Token).ConfigureAwait(false);

                    foreach (var sequence in toAck)
                    {
                        _acknowledgements.Enqueue(new SubscriptionAcknowledgement { SubscriptionId = response.SubscriptionId, SequenceNumber = sequence });
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or OpcUaException or System.Threading.Channels.ChannelClosedException)
        {
            // Stopped, or the connection was lost (reported by the client).
        }
        finally
        {
            lock (_gate)
            {
                _activeWorkers--;
            }
        }
    }

    private void Requeue(List<SubscriptionAcknowledgement> acks)
    {
        foreach (var ack in acks)
        {
            _acknowledgements.Enqueue(ack);
        }
    }

    public void Fail(Exception reason)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Complete(reason);
        }
    }

    public void CompleteAll()
    {
        foreach (var subscription in _subscriptions.Values)
        {
            subscription.Complete(null);
        }
    }

    public void Dispose() => _stop.Dispose();

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Task[] workers;
        lock (_gate)
        {
            workers = [.. _workers];
        }

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
