using System.Security.Cryptography;
using EdgeAgent.OpcUa.Encoding;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.OpcUa.Server;

/// <summary>The services (Part 4) the server implements.</summary>
public sealed partial class OpcUaServer
{
    private const string AnonymousPolicyId = "anonymous";
    private const string TransportProfile = "http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary";
    private static readonly NodeId DataChangeFilterEncoding = new(724u);
    private static readonly uint[] ScalarDimensions = [0u];

    private static readonly Dictionary<uint, string> TypeNames = new()
    {
        [58] = "BaseObjectType",
        [61] = "FolderType",
        [63] = "BaseDataVariableType",
        [68] = "PropertyType",
        [2004] = "ServerType",
        [2138] = "ServerStatusType",
    };

    /// <summary>Answers one request (a Publish is queued and answered by a subscription's publishing cycle).</summary>
    internal async Task HandleAsync(ServerConnection connection, uint requestId, IServiceRequest request)
    {
        IServiceResponse? response;
        List<(PendingPublish Request, IServiceResponse Response)>? alsoSend = null;
        try
        {
            lock (Sync)
            {
                response = request switch
                {
                    GetEndpointsRequest r => GetEndpoints(r),
                    CreateSessionRequest r => CreateSession(connection, r),
                    ActivateSessionRequest r => ActivateSession(connection, r),
                    CloseSessionRequest r => CloseSession(connection, r, out alsoSend),
                    ReadRequest r => Read(connection, r),
                    BrowseRequest r => Browse(connection, r),
                    BrowseNextRequest r => BrowseNext(connection, r),
                    TranslateBrowsePathsToNodeIdsRequest r => TranslateBrowsePaths(connection, r),
                    CreateSubscriptionRequest r => CreateSubscription(connection, r),
                    ModifySubscriptionRequest r => ModifySubscription(connection, r),
                    CreateMonitoredItemsRequest r => CreateMonitoredItems(connection, r),
                    PublishRequest r => Publish(connection, requestId, r, out alsoSend),
                    RepublishRequest r => Republish(connection, r),
                    DeleteSubscriptionsRequest r => DeleteSubscriptions(connection, r, out alsoSend),
                    _ => Fault(request.RequestHeader, StatusCodes.BadServiceUnsupported),
                };
            }
        }
        catch (OpcUaException ex)
        {
            response = Fault(request.RequestHeader, ex.StatusCode);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or KeyNotFoundException or OverflowException)
        {
            ServerLog.ServiceFailed(_logger, request.ServiceName, ex);
            response = Fault(request.RequestHeader, StatusCodes.BadInternalError);
        }

        if (response is not null)
        {
            await connection.SendResponseAsync(requestId, response).ConfigureAwait(false);
        }

        foreach (var (pending, answer) in alsoSend ?? [])
        {
            await pending.Connection.SendResponseAsync(pending.RequestId, answer).ConfigureAwait(false);
        }
    }

    private static ResponseHeader Header(IServiceRequest request) =>
        new() { Timestamp = DateTime.UtcNow, RequestHandle = request.RequestHeader.RequestHandle };

    private EndpointDescription Endpoint() => new()
    {
        EndpointUrl = EndpointUrl,
        Server = new ApplicationDescription
        {
            ApplicationUri = Options.ApplicationUri,
            ProductUri = Options.ProductUri,
            ApplicationName = new LocalizedText(null, Options.ApplicationName),
            ApplicationType = ApplicationType.Server,
            DiscoveryUrls = [EndpointUrl],
        },
        SecurityMode = MessageSecurityMode.None,
        SecurityPolicyUri = SecurityPolicyUris.None,
        UserIdentityTokens = [new UserTokenPolicy { PolicyId = AnonymousPolicyId, TokenType = UserTokenType.Anonymous }],
        TransportProfileUri = TransportProfile,
        SecurityLevel = 0,
    };

    private GetEndpointsResponse GetEndpoints(GetEndpointsRequest request) =>
        new() { ResponseHeader = Header(request), Endpoints = [Endpoint()] };

    private CreateSessionResponse CreateSession(ServerConnection connection, CreateSessionRequest request)
    {
        if (_sessions.Count >= Options.MaxSessions)
        {
            throw new OpcUaException(StatusCodes.BadTooManySessions, "No room for another session.");
        }

        var requested = double.IsFinite(request.RequestedSessionTimeout) && request.RequestedSessionTimeout > 0
            ? TimeSpan.FromMilliseconds(request.RequestedSessionTimeout)
            : Options.MaxSessionTimeout;
        var timeout = requested < Options.MinSessionTimeout ? Options.MinSessionTimeout : requested > Options.MaxSessionTimeout ? Options.MaxSessionTimeout : requested;
        var session = new ServerSession(
            new NodeId(Guid.NewGuid(), 1),
            new NodeId(RandomNumberGenerator.GetBytes(32), 0),
            request.SessionName,
            timeout,
            connection,
            _time.GetTimestamp());
        _sessions[session.AuthenticationToken] = session;
        ServerLog.SessionCreated(_logger, session.SessionId, session.Name, timeout.TotalMilliseconds);
        return new CreateSessionResponse
        {
            ResponseHeader = Header(request),
            SessionId = session.SessionId,
            AuthenticationToken = session.AuthenticationToken,
            RevisedSessionTimeout = timeout.TotalMilliseconds,
            ServerNonce = RandomNumberGenerator.GetBytes(32),
            ServerEndpoints = [Endpoint()],
            ServerSignature = new SignatureData(),
            MaxRequestMessageSize = (uint)Options.MaxMessageSize,
        };
    }

    private ServerSession RequireSession(ServerConnection connection, IServiceRequest request, bool activated = true)
    {
        if (!_sessions.TryGetValue(request.RequestHeader.AuthenticationToken, out var session))
        {
            throw new OpcUaException(StatusCodes.BadSessionIdInvalid, "Unknown session.");
        }

        if (activated && !session.Activated)
        {
            throw new OpcUaException(StatusCodes.BadSessionNotActivated, "Session not activated.");
        }

        if (activated && session.Connection != connection)
        {
            throw new OpcUaException(StatusCodes.BadSecureChannelIdInvalid, "The session belongs to another secure channel.");
        }

        session.LastActivity = _time.GetTimestamp();
        return session;
    }

    private ActivateSessionResponse ActivateSession(ServerConnection connection, ActivateSessionRequest request)
    {
        var session = RequireSession(connection, request, activated: false);
        var token = request.UserIdentityToken;
        var anonymous = token.TypeId.IsNull || token.TypeId == AnonymousIdentityToken.BinaryEncodingId;
        if (!anonymous)
        {
            throw new OpcUaException(StatusCodes.BadIdentityTokenRejected, "Only anonymous sessions are served.");
        }

        // A session may move to a new secure channel by activating again there (Part 4 §5.6.3).
        session.Connection = connection;
        session.Activated = true;
        return new ActivateSessionResponse { ResponseHeader = Header(request), ServerNonce = RandomNumberGenerator.GetBytes(32), Results = [], DiagnosticInfos = [] };
    }

    private CloseSessionResponse CloseSession(ServerConnection connection, CloseSessionRequest request, out List<(PendingPublish, IServiceResponse)>? alsoSend)
    {
        var session = RequireSession(connection, request, activated: false);
        alsoSend = RemoveSession(session);
        ServerLog.SessionClosed(_logger, session.SessionId, "closed by the client");
        return new CloseSessionResponse { ResponseHeader = Header(request) };
    }

    /// <summary>Removes a session and its subscriptions; its queued Publish requests are answered BadSessionClosed.</summary>
    private List<(PendingPublish, IServiceResponse)> RemoveSession(ServerSession session)
    {
        _sessions.Remove(session.AuthenticationToken);
        foreach (var subscription in session.Subscriptions.Values.ToList())
        {
            DeleteSubscription(subscription);
        }

        var answers = new List<(PendingPublish, IServiceResponse)>();
        while (session.TakePublish() is { } pending)
        {
            answers.Add((pending, Fault(new RequestHeader { RequestHandle = pending.RequestHandle }, StatusCodes.BadSessionClosed)));
        }

        return answers;
    }

    private ReadResponse Read(ServerConnection connection, ReadRequest request)
    {
        RequireSession(connection, request);
        if (request.NodesToRead.Length == 0)
        {
            throw new OpcUaException(StatusCodes.BadNothingToDo, "Nothing to read.");
        }

        if (request.TimestampsToReturn is < TimestampsToReturn.Source or > TimestampsToReturn.Neither)
        {
            throw new OpcUaException(StatusCodes.BadTimestampsToReturnInvalid, "Invalid TimestampsToReturn.");
        }

        return new ReadResponse
        {
            ResponseHeader = Header(request),
            Results = request.NodesToRead.Select(r => ReadAttribute(r, request.TimestampsToReturn)).ToArray(),
            DiagnosticInfos = [],
        };
    }

    private DataValue ReadAttribute(ReadValueId item, TimestampsToReturn timestamps)
    {
        if (AddressSpace.TryGet(item.NodeId) is not { } node)
        {
            return new DataValue(Variant.Null, StatusCodes.BadNodeIdUnknown);
        }

        if (item.AttributeId == Attributes.Value)
        {
            if (node.NodeClass != NodeClass.Variable)
            {
                return new DataValue(Variant.Null, StatusCodes.BadAttributeIdInvalid);
            }

            if (!node.IsReadable)
            {
                return new DataValue(Variant.Null, StatusCodes.BadNotReadable);
            }

            return WithTimestamps(node.CurrentValue, timestamps);
        }

        Variant? value = item.AttributeId switch
        {
            Attributes.NodeId => new Variant(BuiltInType.NodeId, node.NodeId),
            Attributes.NodeClass => Variant.From((int)node.NodeClass),
            Attributes.BrowseName => new Variant(BuiltInType.QualifiedName, node.BrowseName),
            Attributes.DisplayName => new Variant(BuiltInType.LocalizedText, node.DisplayName),
            Attributes.Description => new Variant(BuiltInType.LocalizedText, new LocalizedText(null, null)),
            6 or 7 => Variant.From(0u), // WriteMask, UserWriteMask: nothing is writable
            12 when node.NodeClass == NodeClass.Object => new Variant(BuiltInType.Byte, (byte)0), // EventNotifier
            Attributes.DataType when node.NodeClass == NodeClass.Variable => new Variant(BuiltInType.NodeId, node.DataType.IsNull ? new NodeId(24u) : node.DataType),
            Attributes.ValueRank when node.NodeClass == NodeClass.Variable => Variant.From(node.ValueRank),
            Attributes.ArrayDimensions when node.NodeClass == NodeClass.Variable => node.ValueRank < 0 ? Variant.Null : new Variant(BuiltInType.UInt32, ScalarDimensions, isArray: true),
            Attributes.AccessLevel or Attributes.UserAccessLevel when node.NodeClass == NodeClass.Variable => new Variant(BuiltInType.Byte, node.AccessLevel),
            Attributes.MinimumSamplingInterval when node.NodeClass == NodeClass.Variable => Variant.From(Options.MinPublishingInterval.TotalMilliseconds),
            20 when node.NodeClass == NodeClass.Variable => Variant.From(false), // Historizing
            _ => null,
        };
        return value is { } v ? new DataValue(v, StatusCodes.Good) : new DataValue(Variant.Null, StatusCodes.BadAttributeIdInvalid);
    }

    internal static DataValue WithTimestamps(DataValue value, TimestampsToReturn timestamps) => timestamps switch
    {
        TimestampsToReturn.Source => value with { ServerTimestamp = null },
        TimestampsToReturn.Server => value with { SourceTimestamp = null },
        TimestampsToReturn.Neither => value with { SourceTimestamp = null, ServerTimestamp = null },
        _ => value,
    };

    private BrowseResponse Browse(ServerConnection connection, BrowseRequest request)
    {
        var session = RequireSession(connection, request);
        if (request.NodesToBrowse.Length == 0)
        {
            throw new OpcUaException(StatusCodes.BadNothingToDo, "Nothing to browse.");
        }

        return new BrowseResponse
        {
            ResponseHeader = Header(request),
            Results = request.NodesToBrowse.Select(d => BrowseOne(session, d, request.RequestedMaxReferencesPerNode)).ToArray(),
            DiagnosticInfos = [],
        };
    }

    private BrowseResult BrowseOne(ServerSession session, BrowseDescription description, uint maxReferences)
    {
        if (AddressSpace.TryGet(description.NodeId) is not { } node)
        {
            return new BrowseResult { StatusCode = StatusCodes.BadNodeIdUnknown };
        }

        if (description.BrowseDirection is < BrowseDirection.Forward or > BrowseDirection.Both)
        {
            return new BrowseResult { StatusCode = StatusCodes.BadBrowseDirectionInvalid };
        }

        var references = new List<ReferenceDescription>();
        foreach (var reference in node.References)
        {
            var direction = reference.IsForward ? BrowseDirection.Forward : BrowseDirection.Inverse;
            if (description.BrowseDirection != BrowseDirection.Both && description.BrowseDirection != direction)
            {
                continue;
            }

            if (!ReferenceTypes.Matches(reference.ReferenceTypeId, description.ReferenceTypeId, description.IncludeSubtypes))
            {
                continue;
            }

            var target = AddressSpace.TryGet(reference.Target);
            var nodeClass = target?.NodeClass ?? NodeClass.ObjectType;
            if (description.NodeClassMask != 0 && (description.NodeClassMask & (uint)nodeClass) == 0)
            {
                continue;
            }

            references.Add(new ReferenceDescription
            {
                ReferenceTypeId = reference.ReferenceTypeId,
                IsForward = reference.IsForward,
                NodeId = new ExpandedNodeId(reference.Target),
                BrowseName = target?.BrowseName ?? new QualifiedName(0, TypeNames.GetValueOrDefault(reference.Target.IdType == IdType.Numeric ? reference.Target.NumericId : 0u, reference.Target.ToString())),
                DisplayName = target?.DisplayName ?? new LocalizedText(null, TypeNames.GetValueOrDefault(reference.Target.IdType == IdType.Numeric ? reference.Target.NumericId : 0u, reference.Target.ToString())),
                NodeClass = nodeClass,
                TypeDefinition = new ExpandedNodeId(target?.NodeClass is NodeClass.Object or NodeClass.Variable ? target.TypeDefinition : NodeId.Null),
            });
        }

        return Page(session, references, maxReferences);
    }

    private static BrowseResult Page(ServerSession session, List<ReferenceDescription> references, uint maxReferences)
    {
        if (maxReferences == 0 || references.Count <= maxReferences)
        {
            return new BrowseResult { StatusCode = StatusCodes.Good, References = [.. references] };
        }

        // The rest waits behind a continuation point (a per-session resource; a handful at most).
        if (session.ContinuationPoints.Count >= 10)
        {
            return new BrowseResult { StatusCode = StatusCodes.BadNoContinuationPoints };
        }

        var point = RandomNumberGenerator.GetBytes(16);
        session.ContinuationPoints[Convert.ToHexString(point)] = (references.Skip((int)maxReferences).ToList(), maxReferences);
        return new BrowseResult { StatusCode = StatusCodes.Good, References = [.. references.Take((int)maxReferences)], ContinuationPoint = point };
    }

    private BrowseNextResponse BrowseNext(ServerConnection connection, BrowseNextRequest request)
    {
        var session = RequireSession(connection, request);
        var results = new List<BrowseResult>();
        foreach (var point in request.ContinuationPoints)
        {
            var key = point is null ? string.Empty : Convert.ToHexString(point);
            if (!session.ContinuationPoints.Remove(key, out var rest))
            {
                results.Add(new BrowseResult { StatusCode = StatusCodes.BadContinuationPointInvalid });
                continue;
            }

            results.Add(request.ReleaseContinuationPoints ? new BrowseResult { StatusCode = StatusCodes.Good } : Page(session, rest.References, rest.Max));
        }

        return new BrowseNextResponse { ResponseHeader = Header(request), Results = [.. results], DiagnosticInfos = [] };
    }

    private TranslateBrowsePathsToNodeIdsResponse TranslateBrowsePaths(ServerConnection connection, TranslateBrowsePathsToNodeIdsRequest request)
    {
        RequireSession(connection, request);
        if (request.BrowsePaths.Length == 0)
        {
            throw new OpcUaException(StatusCodes.BadNothingToDo, "No browse paths.");
        }

        return new TranslateBrowsePathsToNodeIdsResponse
        {
            ResponseHeader = Header(request),
            Results = request.BrowsePaths.Select(TranslateOne).ToArray(),
            DiagnosticInfos = [],
        };
    }

    private BrowsePathResult TranslateOne(BrowsePath path)
    {
        if (AddressSpace.TryGet(path.StartingNode) is null)
        {
            return new BrowsePathResult { StatusCode = StatusCodes.BadNodeIdUnknown };
        }

        if (path.RelativePath.Elements.Length == 0)
        {
            return new BrowsePathResult { StatusCode = StatusCodes.BadNothingToDo };
        }

        var current = new List<NodeId> { path.StartingNode };
        foreach (var element in path.RelativePath.Elements)
        {
            if (string.IsNullOrEmpty(element.TargetName.Name))
            {
                return new BrowsePathResult { StatusCode = StatusCodes.BadBrowseNameInvalid };
            }

            var next = new List<NodeId>();
            foreach (var nodeId in current)
            {
                foreach (var reference in AddressSpace.TryGet(nodeId)?.References ?? [])
                {
                    if (reference.IsForward == !element.IsInverse
                        && ReferenceTypes.Matches(reference.ReferenceTypeId, element.ReferenceTypeId, element.IncludeSubtypes)
                        && AddressSpace.TryGet(reference.Target) is { } target
                        && target.BrowseName == element.TargetName
                        && !next.Contains(target.NodeId))
                    {
                        next.Add(target.NodeId);
                    }
                }
            }

            if (next.Count == 0)
            {
                return new BrowsePathResult { StatusCode = StatusCodes.BadNoMatch };
            }

            current = next;
        }

        return new BrowsePathResult
        {
            StatusCode = StatusCodes.Good,
            Targets = current.Select(n => new BrowsePathTarget { TargetId = new ExpandedNodeId(n), RemainingPathIndex = uint.MaxValue }).ToArray(),
        };
    }

    private CreateSubscriptionResponse CreateSubscription(ServerConnection connection, CreateSubscriptionRequest request)
    {
        var session = RequireSession(connection, request);
        if (session.Subscriptions.Count >= Options.MaxSubscriptionsPerSession)
        {
            throw new OpcUaException(StatusCodes.BadTooManySubscriptions, "No room for another subscription.");
        }

        var subscription = new ServerSubscription(++_nextSubscriptionId, session, ReviseInterval(request.RequestedPublishingInterval), 1, 3, ReviseMaxNotifications(request.MaxNotificationsPerPublish), Math.Max(0, Options.RetransmissionQueueSize));
        Revise(subscription, request.RequestedMaxKeepAliveCount, request.RequestedLifetimeCount);
        session.Subscriptions[subscription.Id] = subscription;
        _publishLoops[subscription] = Task.Run(() => PublishLoopAsync(subscription), CancellationToken.None);
        return new CreateSubscriptionResponse
        {
            ResponseHeader = Header(request),
            SubscriptionId = subscription.Id,
            RevisedPublishingInterval = subscription.PublishingInterval.TotalMilliseconds,
            RevisedMaxKeepAliveCount = subscription.MaxKeepAliveCount,
            RevisedLifetimeCount = subscription.LifetimeCount,
        };
    }

    private TimeSpan ReviseInterval(double requestedMs)
    {
        var requested = double.IsFinite(requestedMs) && requestedMs > 0 ? TimeSpan.FromMilliseconds(Math.Min(requestedMs, 3_600_000)) : Options.MinPublishingInterval;
        return requested < Options.MinPublishingInterval ? Options.MinPublishingInterval : requested;
    }

    /// <summary>The client's limit (0 = none), lowered to the server's own when that is smaller (Part 4 §5.13.2.2).</summary>
    private uint ReviseMaxNotifications(uint requested)
    {
        var own = Options.MaxNotificationsPerPublish;
        return own == 0 ? requested : requested == 0 ? own : Math.Min(requested, own);
    }

    private static void Revise(ServerSubscription subscription, uint keepAlive, uint lifetime)
    {
        subscription.MaxKeepAliveCount = Math.Clamp(keepAlive, 1u, 10_000u);
        subscription.LifetimeCount = Math.Clamp(lifetime, subscription.MaxKeepAliveCount * 3, 100_000u);
    }

    private ModifySubscriptionResponse ModifySubscription(ServerConnection connection, ModifySubscriptionRequest request)
    {
        var session = RequireSession(connection, request);
        var subscription = FindSubscription(session, request.SubscriptionId);
        subscription.PublishingInterval = ReviseInterval(request.RequestedPublishingInterval);
        subscription.MaxNotificationsPerPublish = ReviseMaxNotifications(request.MaxNotificationsPerPublish);
        Revise(subscription, request.RequestedMaxKeepAliveCount, request.RequestedLifetimeCount);
        return new ModifySubscriptionResponse
        {
            ResponseHeader = Header(request),
            RevisedPublishingInterval = subscription.PublishingInterval.TotalMilliseconds,
            RevisedMaxKeepAliveCount = subscription.MaxKeepAliveCount,
            RevisedLifetimeCount = subscription.LifetimeCount,
        };
    }

    private static ServerSubscription FindSubscription(ServerSession session, uint id) =>
        session.Subscriptions.TryGetValue(id, out var subscription) ? subscription : throw new OpcUaException(StatusCodes.BadSubscriptionIdInvalid, $"No subscription {id}.");

    private CreateMonitoredItemsResponse CreateMonitoredItems(ServerConnection connection, CreateMonitoredItemsRequest request)
    {
        var session = RequireSession(connection, request);
        var subscription = FindSubscription(session, request.SubscriptionId);
        if (request.ItemsToCreate.Length == 0)
        {
            throw new OpcUaException(StatusCodes.BadNothingToDo, "No items.");
        }

        if (request.TimestampsToReturn is < TimestampsToReturn.Source or > TimestampsToReturn.Neither)
        {
            throw new OpcUaException(StatusCodes.BadTimestampsToReturnInvalid, "Invalid TimestampsToReturn.");
        }

        return new CreateMonitoredItemsResponse
        {
            ResponseHeader = Header(request),
            Results = request.ItemsToCreate.Select(i => CreateMonitoredItem(subscription, i, request.TimestampsToReturn)).ToArray(),
            DiagnosticInfos = [],
        };
    }

    private MonitoredItemCreateResult CreateMonitoredItem(ServerSubscription subscription, MonitoredItemCreateRequest request, TimestampsToReturn timestamps)
    {
        if (AddressSpace.TryGet(request.ItemToMonitor.NodeId) is not { } node)
        {
            return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadNodeIdUnknown };
        }

        if (request.ItemToMonitor.AttributeId != Attributes.Value || node.NodeClass != NodeClass.Variable)
        {
            // Only data changes of variables are served (no events, no other attributes).
            return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadAttributeIdInvalid };
        }

        var parameters = request.RequestedParameters;
        var trigger = DataChangeTrigger.StatusValue;
        var deadband = 0.0;
        var filter = parameters.Filter;
        if (filter.TypeId is { IsNull: false })
        {
            if (filter.TypeId != DataChangeFilterEncoding || filter.Encoding != ExtensionObjectEncoding.Binary || filter.Body is null)
            {
                return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadMonitoredItemFilterUnsupported };
            }

            DataChangeFilter decoded;
            try
            {
                var decoder = new BinaryDecoder(filter.Body, DecodingLimits.Default);
                decoded = DataChangeFilter.Decode(ref decoder);
            }
            catch (OpcUaDecodingException)
            {
                return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadMonitoredItemFilterInvalid };
            }

            trigger = decoded.Trigger;
            switch (decoded.DeadbandType)
            {
                case (uint)DeadbandType.None:
                    break;
                case (uint)DeadbandType.Absolute when !double.IsFinite(decoded.DeadbandValue) || decoded.DeadbandValue < 0:
                    return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadDeadbandFilterInvalid };
                case (uint)DeadbandType.Absolute when node.Value.Value.ToDouble() is null || node.Value.Value.Value is bool:
                    return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadFilterNotAllowed };
                case (uint)DeadbandType.Absolute:
                    deadband = decoded.DeadbandValue;
                    break;
                default:
                    // Percent deadband needs an EURange, which these variables do not have.
                    return new MonitoredItemCreateResult { StatusCode = StatusCodes.BadMonitoredItemFilterUnsupported };
            }
        }

        var minimum = Options.MinPublishingInterval.TotalMilliseconds;
        var sampling = parameters.SamplingInterval < 0 || !double.IsFinite(parameters.SamplingInterval)
            ? subscription.PublishingInterval.TotalMilliseconds
            : Math.Max(parameters.SamplingInterval, minimum);
        var queueSize = Math.Clamp(parameters.QueueSize, 1u, Options.MaxQueueSize);
        var item = new ServerMonitoredItem(++_nextMonitoredItemId, subscription, node, parameters.ClientHandle, request.MonitoringMode, sampling, queueSize, parameters.DiscardOldest, trigger, deadband, timestamps);
        subscription.Items[item.Id] = item;
        node.MonitoredItems.Add(item);

        // The first sample is always reported (Part 4 §5.12.1.2).
        item.Offer(node.CurrentValue);
        return new MonitoredItemCreateResult { StatusCode = StatusCodes.Good, MonitoredItemId = item.Id, RevisedSamplingInterval = sampling, RevisedQueueSize = queueSize };
    }

    private PublishResponse? Publish(ServerConnection connection, uint requestId, PublishRequest request, out List<(PendingPublish, IServiceResponse)>? alsoSend)
    {
        alsoSend = null;
        var session = RequireSession(connection, request);
        var results = new StatusCode[request.SubscriptionAcknowledgements.Length];
        for (var i = 0; i < results.Length; i++)
        {
            var ack = request.SubscriptionAcknowledgements[i];
            results[i] = !session.Subscriptions.TryGetValue(ack.SubscriptionId, out var acked)
                ? StatusCodes.BadSubscriptionIdInvalid
                : acked.Acknowledge(ack.SequenceNumber) ? StatusCodes.Good : StatusCodes.BadSequenceNumberUnknown;
        }

        if (session.Subscriptions.Count == 0)
        {
            throw new OpcUaException(StatusCodes.BadNoSubscription, "The session has no subscription.");
        }

        session.PublishQueue.Enqueue(new PendingPublish(connection, requestId, request.RequestHeader.RequestHandle, results));
        foreach (var subscription in session.Subscriptions.Values)
        {
            subscription.ResetLifetime();
        }

        while (session.PublishQueue.Count > Options.MaxPublishRequestsPerSession && session.PublishQueue.TryDequeue(out var oldest))
        {
            alsoSend ??= [];
            alsoSend.Add((oldest, Fault(new RequestHeader { RequestHandle = oldest.RequestHandle }, StatusCodes.BadTooManyPublishRequests)));
        }

        // Notifications left over by a message that said MoreNotifications (or by a cycle that had no request to
        // answer) go out now rather than at the next publishing interval.
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var subscription in session.Subscriptions.Values)
        {
            if (subscription.TryAnswerNow(now) is { } answer)
            {
                alsoSend ??= [];
                alsoSend.Add(answer);
            }
        }

        return null;
    }

    private RepublishResponse Republish(ServerConnection connection, RepublishRequest request)
    {
        var session = RequireSession(connection, request);
        var subscription = FindSubscription(session, request.SubscriptionId);
        var message = subscription.Find(request.RetransmitSequenceNumber) ?? throw new OpcUaException(StatusCodes.BadMessageNotAvailable, "Message not available.");
        return new RepublishResponse { ResponseHeader = Header(request), NotificationMessage = message };
    }

    private DeleteSubscriptionsResponse DeleteSubscriptions(ServerConnection connection, DeleteSubscriptionsRequest request, out List<(PendingPublish, IServiceResponse)>? alsoSend)
    {
        alsoSend = null;
        var session = RequireSession(connection, request);
        if (request.SubscriptionIds.Length == 0)
        {
            throw new OpcUaException(StatusCodes.BadNothingToDo, "No subscriptions.");
        }

        var results = new StatusCode[request.SubscriptionIds.Length];
        for (var i = 0; i < results.Length; i++)
        {
            if (session.Subscriptions.TryGetValue(request.SubscriptionIds[i], out var subscription))
            {
                DeleteSubscription(subscription);
                results[i] = StatusCodes.Good;
            }
            else
            {
                results[i] = StatusCodes.BadSubscriptionIdInvalid;
            }
        }

        // Publish requests waiting for a subscription that no longer exists are answered (Part 4 §5.13.8).
        if (session.Subscriptions.Count == 0)
        {
            while (session.TakePublish() is { } pending)
            {
                alsoSend ??= [];
                alsoSend.Add((pending, Fault(new RequestHeader { RequestHandle = pending.RequestHandle }, StatusCodes.BadNoSubscription)));
            }
        }

        return new DeleteSubscriptionsResponse { ResponseHeader = Header(request), Results = results, DiagnosticInfos = [] };
    }

    private static void DeleteSubscription(ServerSubscription subscription)
    {
        subscription.Deleted = true;
        subscription.Stop.Cancel();
        foreach (var item in subscription.Items.Values)
        {
            item.Node.MonitoredItems.Remove(item);
        }

        subscription.Items.Clear();
        subscription.Session.Subscriptions.Remove(subscription.Id);
    }
}
