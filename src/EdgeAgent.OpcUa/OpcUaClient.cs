using System.Security.Cryptography;
using EdgeAgent.OpcUa.Pki;
using EdgeAgent.OpcUa.Security;
using EdgeAgent.OpcUa.Services;
using EdgeAgent.OpcUa.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeAgent.OpcUa;

/// <summary>
/// A read-only OPC UA client session for the collector: connect, read, browse, resolve browse paths and namespace
/// URIs, and subscribe to value changes. There is deliberately no Write and no Call.
/// <para>
/// A lost connection (socket closed, ERR from the server, missed keep-alives, session invalidated) faults
/// <see cref="Completion"/> and every subscription's <see cref="OpcUaSubscription.Changes"/> with an
/// <see cref="OpcUaException"/>; the client does not reconnect by itself. Dispose it (which closes the session
/// when it is still reachable) and connect a new one.
/// </para>
/// </summary>
public sealed class OpcUaClient : IAsyncDisposable
{
    private static readonly HashSet<uint> SessionLostCodes =
    [
        StatusCodes.BadSessionIdInvalid,
        StatusCodes.BadSessionClosed,
        StatusCodes.BadSessionNotActivated,
        StatusCodes.BadSecureChannelIdInvalid,
        StatusCodes.BadSecureChannelClosed,
    ];

    private readonly OpcUaClientOptions _options;
    private readonly SecureChannel _channel;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly PublishEngine _publishEngine;
    private readonly RsaAesSecurityPolicy? _security;
    private NodeId _authenticationToken = NodeId.Null;
    private string[] _namespaceUris = [];
    private Task _watchdog = Task.CompletedTask;
    private Task _channelWatch = Task.CompletedTask;
    private uint _requestHandle;
    private uint _clientHandle;
    private long _lastResponseTimestamp;
    private int _state; // 0 open, 1 closed by us, 2 lost

    private OpcUaClient(OpcUaClientOptions options, SecureChannel channel, TimeProvider time, ILogger logger)
    {
        _options = options;
        _channel = channel;
        _security = channel.Policy as RsaAesSecurityPolicy;
        _time = time;
        _logger = logger;
        _publishEngine = new PublishEngine(this, options, time, logger);
        _lastResponseTimestamp = time.GetTimestamp();
    }

    /// <summary>The session id assigned by the server.</summary>
    public NodeId SessionId { get; private set; } = NodeId.Null;

    /// <summary>The endpoint the session runs on.</summary>
    public EndpointDescription Endpoint { get; private set; } = new();

    /// <summary>The session timeout granted by the server.</summary>
    public TimeSpan SessionTimeout { get; private set; }

    /// <summary>The server's NamespaceArray (index → URI), read at connect.</summary>
    public IReadOnlyList<string> NamespaceUris => _namespaceUris;

    /// <summary>True until the client is closed or the connection is lost.</summary>
    public bool IsConnected => Volatile.Read(ref _state) == 0;

    /// <summary>Completes when the client is closed; faults with an <see cref="OpcUaException"/> when the connection is lost.</summary>
    public Task Completion => _completion.Task;

    internal OpcUaClientOptions Options => _options;

    /// <summary>The current secure channel token id (changes when the channel is renewed).</summary>
    internal uint ChannelTokenId => _channel.TokenId;

    /// <summary>Test hook: drops Publish responses for which it returns true, as if the network lost them.</summary>
    internal Func<uint, bool>? DropNotification
    {
        get => _publishEngine.DropNotification;
        set => _publishEngine.DropNotification = value;
    }

    /// <summary>Asks a server for its endpoints (on a channel of its own, without a session).</summary>
    public static async Task<IReadOnlyList<EndpointDescription>> GetEndpointsAsync(string endpointUrl, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(endpointUrl);
        var options = new OpcUaClientOptions { EndpointUrl = endpointUrl };
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OpcUaClient>();
        return await GetEndpointsAsync(options, logger, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<EndpointDescription[]> GetEndpointsAsync(OpcUaClientOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        var endpointUrl = options.EndpointUrl;
        var channel = await SecureChannel.OpenAsync(ChannelOptions(options, new NoneSecurityPolicy()), TimeProvider.System, logger, cancellationToken).ConfigureAwait(false);
        await using (channel.ConfigureAwait(false))
        {
            var request = new GetEndpointsRequest
            {
                RequestHeader = new RequestHeader { Timestamp = DateTime.UtcNow, RequestHandle = 1, TimeoutHint = (uint)options.OperationTimeout.TotalMilliseconds },
                EndpointUrl = endpointUrl,
            };
            var response = Check<GetEndpointsResponse>(await channel.SendRequestAsync(request, options.OperationTimeout, cancellationToken).ConfigureAwait(false), "GetEndpoints");
            return response.Endpoints;
        }
    }

    /// <summary>Opens a secure channel, creates and activates a session, and reads the server's namespace table.</summary>
    public static async Task<OpcUaClient> ConnectAsync(OpcUaClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<OpcUaClient>();
        var time = timeProvider ?? TimeProvider.System;
        var policy = await CreatePolicyAsync(options, logger, time, cancellationToken).ConfigureAwait(false);
        SecureChannel channel;
        try
        {
            channel = await SecureChannel.OpenAsync(ChannelOptions(options, policy), time, logger, cancellationToken).ConfigureAwait(false);
        }
        catch (OpcUaException ex) when (policy is RsaAesSecurityPolicy secured && ex.StatusCode.Code is StatusCodes.BadSecurityChecksFailed or StatusCodes.BadCertificateUntrusted)
        {
            // Servers hide why they refuse OpenSecureChannel; by far the most common reason is that they do not
            // trust our certificate yet, so say which one to trust.
            var thumbprint = Convert.ToHexString(CertificateThumbprint.Sha1(secured.LocalCertificate));
            secured.Dispose();
            OpcUaLog.SecuredChannelRefused(logger, options.EndpointUrl, ex.StatusCode, thumbprint);
            throw new OpcUaConnectionException(
                ex.StatusCode,
                $"{options.EndpointUrl} refused the secure channel ({ex.StatusCode}); if it does not trust our certificate yet, trust {thumbprint} ({options.CertificateStore?.FolderOf(CertificateLocation.Own)}) on the server.",
                ex);
        }
        catch
        {
            (policy as IDisposable)?.Dispose();
            throw;
        }

        var client = new OpcUaClient(options, channel, time, logger);
        try
        {
            await client.CreateAndActivateSessionAsync(cancellationToken).ConfigureAwait(false);
            await client.RefreshNamespaceUrisAsync(cancellationToken).ConfigureAwait(false);
            client._channelWatch = client.WatchChannelAsync();
            client._watchdog = client.WatchdogAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// None needs nothing. A secured policy needs the server certificate before the first byte is encrypted: it is
    /// taken from GetEndpoints (on a None channel, as discovery allows), checked against the trust list, and our
    /// application certificate is loaded or created.
    /// </summary>
    private static async Task<ISecurityPolicy> CreatePolicyAsync(OpcUaClientOptions options, ILogger logger, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.SecurityPolicyUri == SecurityPolicyUris.None && options.SecurityMode is MessageSecurityMode.None)
        {
            return new NoneSecurityPolicy();
        }

        var algorithms = SecurityAlgorithms.For(options.SecurityPolicyUri)
            ?? throw new OpcUaException(StatusCodes.BadSecurityPolicyRejected, $"Security policy {options.SecurityPolicyUri} is not supported; use Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss or None.");
        if (options.SecurityMode is not (MessageSecurityMode.Sign or MessageSecurityMode.SignAndEncrypt))
        {
            throw new OpcUaException(StatusCodes.BadSecurityModeRejected, $"Security policy {options.SecurityPolicyUri} needs mode Sign or SignAndEncrypt, not {options.SecurityMode}.");
        }

        var store = options.CertificateStore
            ?? throw new OpcUaException(StatusCodes.BadConfigurationError, "A secured OPC UA connection needs a certificate store (OpcUaClientOptions.CertificateStore).");
        var endpoints = await GetEndpointsAsync(options, logger, cancellationToken).ConfigureAwait(false);
        var endpoint = endpoints.FirstOrDefault(e => e.SecurityPolicyUri == options.SecurityPolicyUri && e.SecurityMode == options.SecurityMode)
            ?? throw new OpcUaException(
                StatusCodes.BadSecurityPolicyRejected,
                $"{options.EndpointUrl} offers no endpoint with {options.SecurityPolicyUri} / {options.SecurityMode}; it offers: "
                + string.Join(", ", endpoints.Select(e => $"{e.SecurityPolicyUri?[(e.SecurityPolicyUri.LastIndexOf('#') + 1)..]}/{e.SecurityMode}").Distinct()));
        if (endpoint.ServerCertificate is not { Length: > 0 } serverCertificate)
        {
            throw new OpcUaException(StatusCodes.BadCertificateInvalid, $"The {options.SecurityPolicyUri} endpoint of {options.EndpointUrl} has no server certificate.");
        }

        new ServerCertificateValidator(store, logger, time).Validate(serverCertificate, options.EndpointUrl, options.TrustOnFirstUse);
        var certificate = store.GetOrCreateApplicationCertificate(time: time);
        return new RsaAesSecurityPolicy(algorithms, options.SecurityMode, certificate, serverCertificate);
    }

    /// <summary>The ApplicationUri the session announces: on a secured channel it must be the one in our certificate.</summary>
    private string ClientApplicationUri => _security?.LocalApplicationUri ?? _options.ApplicationUri;

    private static SecureChannelOptions ChannelOptions(OpcUaClientOptions options, ISecurityPolicy policy) =>
        new(options.EndpointUrl, policy, options.TransportLimits, options.DecodingLimits, options.ChannelLifetime, options.OperationTimeout);

    private async Task CreateAndActivateSessionAsync(CancellationToken cancellationToken)
    {
        var clientNonce = RandomNumberGenerator.GetBytes(32);
        var clientCertificate = _security?.LocalCertificate;
        var create = await CallAsync<CreateSessionResponse>(
            new CreateSessionRequest
            {
                ClientDescription = new ApplicationDescription
                {
                    ApplicationUri = ClientApplicationUri,
                    ProductUri = _options.ProductUri,
                    ApplicationName = new LocalizedText(null, _options.ApplicationName),
                    ApplicationType = ApplicationType.Client,
                },
                EndpointUrl = _options.EndpointUrl,
                SessionName = _options.SessionName,
                ClientNonce = clientNonce,
                ClientCertificate = clientCertificate,
                RequestedSessionTimeout = _options.SessionTimeout.TotalMilliseconds,
                MaxResponseMessageSize = (uint)Math.Max(_options.TransportLimits.MaxMessageSize, 0),
            },
            cancellationToken).ConfigureAwait(false);
        SessionId = create.SessionId;
        _authenticationToken = create.AuthenticationToken;
        SessionTimeout = TimeSpan.FromMilliseconds(create.RevisedSessionTimeout);
        Endpoint = SelectEndpoint(create.ServerEndpoints);

        var clientSignature = new SignatureData();
        if (_security is not null)
        {
            clientSignature = CheckServerSignatureAndSign(create, clientCertificate!, clientNonce);
        }

        var token = CreateIdentityToken(create.ServerNonce, create.ServerCertificate);
        await CallAsync<ActivateSessionResponse>(
            new ActivateSessionRequest
            {
                ClientSignature = clientSignature,
                LocaleIds = ["en"],
                UserIdentityToken = token,
                UserTokenSignature = new SignatureData(),
            },
            cancellationToken).ConfigureAwait(false);
        OpcUaLog.SessionActivated(_logger, SessionId, _options.EndpointUrl, _options.Identity, SessionTimeout.TotalMilliseconds);
    }

    /// <summary>
    /// Part 4 §5.6.2/§5.6.3: the server proves it holds its key by signing our certificate and nonce; we prove ours by
    /// signing its certificate and nonce. Both use the channel policy's asymmetric signature algorithm.
    /// </summary>
    private SignatureData CheckServerSignatureAndSign(CreateSessionResponse create, byte[] clientCertificate, byte[] clientNonce)
    {
        var security = _security!;
        if (create.ServerNonce is not { Length: >= 32 } serverNonce)
        {
            throw new OpcUaException(StatusCodes.BadNonceInvalid, "CreateSession returned a server nonce shorter than 32 bytes.");
        }

        if (create.ServerCertificate is not { Length: > 0 } serverCertificate
            || !CertificateThumbprint.Sha1(UserTokenEncryptor.FirstCertificate(serverCertificate)).AsSpan().SequenceEqual(security.RemoteCertificateThumbprint))
        {
            throw new OpcUaException(StatusCodes.BadCertificateInvalid, "CreateSession returned another server certificate than the endpoint's.");
        }

        var signed = Concat(clientCertificate, clientNonce);
        if (create.ServerSignature.Signature is not { Length: > 0 } signature
            || !string.Equals(create.ServerSignature.Algorithm, security.SignatureAlgorithmUri, StringComparison.Ordinal)
            || !security.VerifyRemote(signed, signature))
        {
            throw new OpcUaException(StatusCodes.BadApplicationSignatureInvalid, "The server's CreateSession signature does not verify with its certificate.");
        }

        return new SignatureData
        {
            Algorithm = security.SignatureAlgorithmUri,
            Signature = security.Sign(Concat(serverCertificate, serverNonce)),
        };
    }

    private static byte[] Concat(byte[] first, byte[] second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result, 0);
        second.CopyTo(result, first.Length);
        return result;
    }

    private EndpointDescription SelectEndpoint(EndpointDescription[] endpoints)
    {
        var match = endpoints.FirstOrDefault(e => e.SecurityPolicyUri == _options.SecurityPolicyUri && e.SecurityMode == _options.SecurityMode);
        return match ?? throw new OpcUaException(
            StatusCodes.BadSecurityPolicyRejected,
            $"The server offers no endpoint with {_options.SecurityPolicyUri} / {_options.SecurityMode}.");
    }

    private ExtensionObject CreateIdentityToken(byte[]? serverNonce, byte[]? serverCertificate)
    {
        var identity = _options.Identity;
        var policies = Endpoint.UserIdentityTokens.Where(p => p.TokenType == identity.TokenType).ToList();
        if (policies.Count == 0)
        {
            throw new OpcUaException(StatusCodes.BadIdentityTokenRejected, $"The endpoint accepts no {identity.TokenType} identity.");
        }

        if (identity.TokenType == UserTokenType.Anonymous)
        {
            var anonymous = new AnonymousIdentityToken { PolicyId = policies[0].PolicyId };
            return Wrap(AnonymousIdentityToken.BinaryEncodingId, anonymous);
        }

        if (identity.TokenType != UserTokenType.UserName)
        {
            throw new OpcUaException(StatusCodes.BadIdentityTokenRejected, $"{identity.TokenType} identities are not supported.");
        }

        // Prefer a policy that encrypts the password with the server certificate, even on an encrypted channel: then
        // the password is readable only by the server process that holds the key, not by whatever ends the channel.
        var channelPolicy = _options.SecurityPolicyUri;
        var encrypting = policies
            .Select(p => (Policy: p, Algorithm: UserTokenEncryptor.AlgorithmFor(string.IsNullOrEmpty(p.SecurityPolicyUri) ? channelPolicy : p.SecurityPolicyUri)))
            .Where(p => p.Algorithm is not null)
            .OrderBy(p => PolicyPreference(p.Policy.SecurityPolicyUri))
            .FirstOrDefault();
        var password = System.Text.Encoding.UTF8.GetBytes(identity.Password ?? string.Empty);
        try
        {
            if (encrypting.Policy is not null)
            {
                if (serverCertificate is null || serverCertificate.Length == 0)
                {
                    throw new OpcUaException(StatusCodes.BadCertificateInvalid, "The server sent no certificate to encrypt the password with.");
                }

                var secret = UserTokenEncryptor.Encrypt(password, serverNonce ?? [], serverCertificate, encrypting.Algorithm!);
                return Wrap(UserNameIdentityToken.BinaryEncodingId, new UserNameIdentityToken
                {
                    PolicyId = encrypting.Policy.PolicyId,
                    UserName = identity.UserName,
                    Password = secret,
                    EncryptionAlgorithm = encrypting.Algorithm,
                });
            }

            var plain = policies.FirstOrDefault(p => string.IsNullOrEmpty(p.SecurityPolicyUri) || p.SecurityPolicyUri == SecurityPolicyUris.None);
            if (plain is null)
            {
                throw new OpcUaException(StatusCodes.BadSecurityPolicyRejected, "No user token policy for a user name that this client can encrypt.");
            }

            if (!_options.AllowUnencryptedPassword && _options.SecurityMode != MessageSecurityMode.SignAndEncrypt)
            {
                throw new OpcUaException(
                    StatusCodes.BadSecurityPolicyRejected,
                    "The server would receive the password unencrypted; set AllowUnencryptedPassword to accept that.");
            }

            return Wrap(UserNameIdentityToken.BinaryEncodingId, new UserNameIdentityToken
            {
                PolicyId = plain.PolicyId,
                UserName = identity.UserName,
                Password = password.ToArray(),
                EncryptionAlgorithm = null,
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    private static int PolicyPreference(string? policyUri) => policyUri switch
    {
        SecurityPolicyUris.Basic256Sha256 => 0,
        SecurityPolicyUris.Aes256Sha256RsaPss => 1,
        SecurityPolicyUris.Aes128Sha256RsaOaep => 2,
        SecurityPolicyUris.Basic256 => 3,
        _ => 4,
    };

    private static ExtensionObject Wrap(NodeId typeId, IEncodeable body)
    {
        using var encoder = new Encoding.BinaryEncoder(256);
        body.Encode(encoder);
        return new ExtensionObject(typeId, ExtensionObjectEncoding.Binary, encoder.WrittenSpan.ToArray());
    }

    /// <summary>Re-reads the server's NamespaceArray (i=2255).</summary>
    public async Task RefreshNamespaceUrisAsync(CancellationToken cancellationToken = default)
    {
        var value = await ReadValueAsync(WellKnownNodes.ServerNamespaceArray, cancellationToken).ConfigureAwait(false);
        if (value.Status.IsBad || value.Value.Value is not string?[] uris)
        {
            throw new ServiceResultException(value.Status.IsBad ? value.Status : StatusCodes.BadTypeMismatch, "Read", "NamespaceArray is not readable as String[].");
        }

        _namespaceUris = uris.Select(u => u ?? string.Empty).ToArray();
    }

    /// <summary>
    /// Turns an id that names its namespace by URI into this server's NodeId. Throws BadNodeIdUnknown when the
    /// server has no such namespace, so a renamed or missing namespace is never silently mapped to another index.
    /// </summary>
    public NodeId ResolveNodeId(ExpandedNodeId nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (nodeId.ServerIndex != 0)
        {
            throw new OpcUaException(StatusCodes.BadNodeIdInvalid, $"{nodeId} is on another server.");
        }

        if (nodeId.NamespaceUri is null)
        {
            return nodeId.NodeId;
        }

        var index = Array.IndexOf(_namespaceUris, nodeId.NamespaceUri);
        if (index < 0 || index > ushort.MaxValue)
        {
            throw new OpcUaException(StatusCodes.BadNodeIdUnknown, $"The server has no namespace '{nodeId.NamespaceUri}'.");
        }

        var local = nodeId.NodeId;
        return local.IdType switch
        {
            IdType.Numeric => new NodeId(local.NumericId, (ushort)index),
            IdType.String => new NodeId(local.StringId, (ushort)index),
            IdType.Guid => new NodeId(local.GuidId, (ushort)index),
            _ => new NodeId(local.OpaqueId, (ushort)index),
        };
    }

    /// <summary>The URI form of a server NodeId (namespace 0 stays index-based).</summary>
    public ExpandedNodeId ToExpandedNodeId(NodeId nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        if (nodeId.NamespaceIndex == 0 || nodeId.NamespaceIndex >= _namespaceUris.Length)
        {
            return new ExpandedNodeId(nodeId);
        }

        var local = nodeId.IdType switch
        {
            IdType.Numeric => new NodeId(nodeId.NumericId),
            IdType.String => new NodeId(nodeId.StringId, 0),
            IdType.Guid => new NodeId(nodeId.GuidId, 0),
            _ => new NodeId(nodeId.OpaqueId, 0),
        };
        return new ExpandedNodeId(local, _namespaceUris[nodeId.NamespaceIndex]);
    }

    /// <summary>Parses a browse-path element <c>[nsu=URI;]Name</c> into this server's QualifiedName (no URI = namespace 0).</summary>
    public QualifiedName ResolveBrowseName(string element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (!element.StartsWith("nsu=", StringComparison.Ordinal))
        {
            return new QualifiedName(0, element);
        }

        var semi = element.LastIndexOf(';');
        if (semi < 4)
        {
            throw new FormatException($"'{element}' is not 'nsu=URI;Name'.");
        }

        var uri = element[4..semi];
        var index = Array.IndexOf(_namespaceUris, uri);
        if (index < 0)
        {
            throw new OpcUaException(StatusCodes.BadNodeIdUnknown, $"The server has no namespace '{uri}'.");
        }

        return new QualifiedName((ushort)index, element[(semi + 1)..]);
    }

    /// <summary>Reads attributes; one DataValue per item, in order (per-item failures are in DataValue.Status).</summary>
    public async Task<IReadOnlyList<DataValue>> ReadAsync(IReadOnlyList<ReadValueId> nodesToRead, TimestampsToReturn timestamps = TimestampsToReturn.Both, double maxAge = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodesToRead);
        var response = await CallAsync<ReadResponse>(
            new ReadRequest { MaxAge = maxAge, TimestampsToReturn = timestamps, NodesToRead = nodesToRead.ToArray() },
            cancellationToken).ConfigureAwait(false);
        if (response.Results.Length != nodesToRead.Count)
        {
            throw new ServiceResultException(StatusCodes.BadUnexpectedError, "Read", $"{response.Results.Length} results for {nodesToRead.Count} nodes.");
        }

        return response.Results;
    }

    /// <summary>Reads the Value attribute of several nodes.</summary>
    public Task<IReadOnlyList<DataValue>> ReadValuesAsync(IReadOnlyList<NodeId> nodeIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        return ReadAsync(nodeIds.Select(n => new ReadValueId { NodeId = n, AttributeId = Attributes.Value }).ToArray(), cancellationToken: cancellationToken);
    }

    /// <summary>Reads the Value attribute of one node.</summary>
    public async Task<DataValue> ReadValueAsync(NodeId nodeId, CancellationToken cancellationToken = default)
    {
        var values = await ReadValuesAsync([nodeId], cancellationToken).ConfigureAwait(false);
        return values[0];
    }

    /// <summary>Lists the references of a node, following continuation points with BrowseNext until complete.</summary>
    public async Task<IReadOnlyList<ReferenceDescription>> BrowseAsync(
        NodeId nodeId,
        BrowseDirection direction = BrowseDirection.Forward,
        NodeId? referenceTypeId = null,
        bool includeSubtypes = true,
        uint maxReferencesPerNode = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        var response = await CallAsync<BrowseResponse>(
            new BrowseRequest
            {
                View = new ViewDescription(),
                RequestedMaxReferencesPerNode = maxReferencesPerNode,
                NodesToBrowse =
                [
                    new BrowseDescription
                    {
                        NodeId = nodeId,
                        BrowseDirection = direction,
                        ReferenceTypeId = referenceTypeId ?? WellKnownNodes.HierarchicalReferences,
                        IncludeSubtypes = includeSubtypes,
                        NodeClassMask = 0,
                        ResultMask = 63,
                    },
                ],
            },
            cancellationToken).ConfigureAwait(false);
        var result = response.Results.Length == 1 ? response.Results[0] : throw new ServiceResultException(StatusCodes.BadUnexpectedError, "Browse", "Expected one result.");
        var references = new List<ReferenceDescription>();
        while (true)
        {
            if (result.StatusCode.IsBad)
            {
                throw new ServiceResultException(result.StatusCode, "Browse", nodeId.ToString());
            }

            references.AddRange(result.References);
            if (result.ContinuationPoint is not { Length: > 0 } continuation)
            {
                return references;
            }

            var next = await BrowseNextAsync(continuation, cancellationToken).ConfigureAwait(false);
            result = next;
        }
    }

    private async Task<BrowseResult> BrowseNextAsync(byte[] continuationPoint, CancellationToken cancellationToken)
    {
        try
        {
            var response = await CallAsync<BrowseNextResponse>(
                new BrowseNextRequest { ReleaseContinuationPoints = false, ContinuationPoints = [continuationPoint] },
                cancellationToken).ConfigureAwait(false);
            return response.Results.Length == 1 ? response.Results[0] : throw new ServiceResultException(StatusCodes.BadUnexpectedError, "BrowseNext", "Expected one result.");
        }
        catch (OperationCanceledException)
        {
            // Free the server's continuation point; it is a scarce per-session resource.
            await ReleaseContinuationPointAsync(continuationPoint).ConfigureAwait(false);
            throw;
        }
    }

    private async Task ReleaseContinuationPointAsync(byte[] continuationPoint)
    {
        try
        {
            await CallAsync<BrowseNextResponse>(new BrowseNextRequest { ReleaseContinuationPoints = true, ContinuationPoints = [continuationPoint] }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OpcUaException)
        {
            // Best effort: the server frees it with the session anyway.
        }
    }

    /// <summary>Resolves several browse paths (hierarchical references, subtypes included) in one request.</summary>
    public async Task<IReadOnlyList<BrowsePathResolution>> TranslateBrowsePathsAsync(IReadOnlyList<(NodeId StartingNode, IReadOnlyList<QualifiedName> Path)> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var request = new TranslateBrowsePathsToNodeIdsRequest
        {
            BrowsePaths = paths.Select(p => new BrowsePath
            {
                StartingNode = p.StartingNode,
                RelativePath = new RelativePath
                {
                    Elements = p.Path.Select(name => new RelativePathElement
                    {
                        ReferenceTypeId = WellKnownNodes.HierarchicalReferences,
                        IsInverse = false,
                        IncludeSubtypes = true,
                        TargetName = name,
                    }).ToArray(),
                },
            }).ToArray(),
        };
        var response = await CallAsync<TranslateBrowsePathsToNodeIdsResponse>(request, cancellationToken).ConfigureAwait(false);
        if (response.Results.Length != paths.Count)
        {
            throw new ServiceResultException(StatusCodes.BadUnexpectedError, "TranslateBrowsePathsToNodeIds", "Result count mismatch.");
        }

        return response.Results.Select(r =>
        {
            var target = r.Targets.FirstOrDefault(t => t.RemainingPathIndex == uint.MaxValue && t.TargetId.ServerIndex == 0);
            return r.StatusCode.IsGood && target is not null
                ? new BrowsePathResolution(r.StatusCode, ResolveNodeId(target.TargetId))
                : new BrowsePathResolution(r.StatusCode.IsGood ? StatusCodes.BadNoMatch : r.StatusCode, null);
        }).ToArray();
    }

    /// <summary>
    /// Resolves a path of browse names from a start node, e.g. <c>["nsu=urn:vendor:cnc;Machine1", "nsu=urn:vendor:cnc;SpindleSpeed"]</c>
    /// from Objects. Throws <see cref="ServiceResultException"/> (e.g. BadNoMatch) when the path leads nowhere.
    /// </summary>
    public async Task<NodeId> ResolveBrowsePathAsync(ExpandedNodeId startingNode, IReadOnlyList<string> path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var start = ResolveNodeId(startingNode);
        var names = path.Select(ResolveBrowseName).ToArray();
        var results = await TranslateBrowsePathsAsync([(start, names)], cancellationToken).ConfigureAwait(false);
        return results[0].Target ?? throw new ServiceResultException(results[0].Status, "TranslateBrowsePathsToNodeIds", string.Join('/', path));
    }

    /// <summary>
    /// Creates a subscription monitoring <paramref name="nodes"/>. Nodes the server refuses (unknown, not readable,
    /// bad filter) are reported in <see cref="OpcUaSubscription.Items"/> with their status; the others report
    /// changes through <see cref="OpcUaSubscription.Changes"/>.
    /// </summary>
    public async Task<OpcUaSubscription> SubscribeAsync(IReadOnlyList<MonitoredNode> nodes, SubscriptionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        options ??= new SubscriptionOptions();
        var created = await CallAsync<CreateSubscriptionResponse>(
            new CreateSubscriptionRequest
            {
                RequestedPublishingInterval = options.PublishingInterval.TotalMilliseconds,
                RequestedLifetimeCount = Math.Max(options.LifetimeCount, options.KeepAliveCount * 3),
                RequestedMaxKeepAliveCount = options.KeepAliveCount,
                MaxNotificationsPerPublish = options.MaxNotificationsPerPublish,
                PublishingEnabled = true,
                Priority = options.Priority,
            },
            cancellationToken).ConfigureAwait(false);
        var subscription = new OpcUaSubscription(this, created, options, _time, _logger);
        try
        {
            var items = new List<MonitoredItemResult>(nodes.Count);
            const int BatchSize = 500;
            for (var start = 0; start < nodes.Count; start += BatchSize)
            {
                var batch = nodes.Skip(start).Take(BatchSize).ToArray();
                items.AddRange(await CreateMonitoredItemsAsync(subscription, batch, options.TimestampsToReturn, cancellationToken).ConfigureAwait(false));
            }

            subscription.SetItems(items);
            var goodItems = items.Count(i => i.Status.IsGood);
            OpcUaLog.SubscriptionCreated(_logger, subscription.Id, subscription.PublishingInterval.TotalMilliseconds, subscription.KeepAliveCount, goodItems);
            _publishEngine.Add(subscription);
            return subscription;
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IEnumerable<MonitoredItemResult>> CreateMonitoredItemsAsync(OpcUaSubscription subscription, MonitoredNode[] batch, TimestampsToReturn timestamps, CancellationToken cancellationToken)
    {
        var results = new MonitoredItemResult?[batch.Length];
        var requests = new List<(int Index, NodeId NodeId, uint Handle, MonitoredItemCreateRequest Request)>();
        for (var i = 0; i < batch.Length; i++)
        {
            var node = batch[i];
            NodeId nodeId;
            try
            {
                nodeId = ResolveNodeId(node.NodeId);
            }
            catch (OpcUaException ex)
            {
                results[i] = new MonitoredItemResult(node, null, ex.StatusCode, 0, 0, 0);
                OpcUaLog.MonitoredItemRefused(_logger, node.NodeId, ex.StatusCode);
                continue;
            }

            var handle = Interlocked.Increment(ref _clientHandle);
            requests.Add((i, nodeId, handle, new MonitoredItemCreateRequest
            {
                ItemToMonitor = new ReadValueId { NodeId = nodeId, AttributeId = node.AttributeId },
                MonitoringMode = MonitoringMode.Reporting,
                RequestedParameters = new MonitoringParameters
                {
                    ClientHandle = handle,
                    SamplingInterval = node.SamplingInterval,
                    QueueSize = node.QueueSize,
                    DiscardOldest = true,
                    Filter = CreateFilter(node),
                },
            }));
        }

        if (requests.Count > 0)
        {
            var response = await CallAsync<CreateMonitoredItemsResponse>(
                new CreateMonitoredItemsRequest
                {
                    SubscriptionId = subscription.Id,
                    TimestampsToReturn = timestamps,
                    ItemsToCreate = requests.Select(r => r.Request).ToArray(),
                },
                cancellationToken).ConfigureAwait(false);
            if (response.Results.Length != requests.Count)
            {
                throw new ServiceResultException(StatusCodes.BadUnexpectedError, "CreateMonitoredItems", "Result count mismatch.");
            }

            for (var j = 0; j < requests.Count; j++)
            {
                var (index, nodeId, handle, _) = requests[j];
                var r = response.Results[j];
                var node = batch[index];
                results[index] = new MonitoredItemResult(node, nodeId, r.StatusCode, r.MonitoredItemId, r.RevisedSamplingInterval, r.RevisedQueueSize);
                if (r.StatusCode.IsGood)
                {
                    subscription.RegisterHandle(handle, node, nodeId);
                }
                else
                {
                    OpcUaLog.MonitoredItemRefused(_logger, nodeId, r.StatusCode);
                }
            }
        }

        return results!;
    }

    private static ExtensionObject CreateFilter(MonitoredNode node)
    {
        if (node.DeadbandType == DeadbandType.None && node.Trigger == DataChangeTrigger.StatusValue)
        {
            return ExtensionObject.Empty;
        }

        return Wrap(DataChangeFilter.BinaryEncodingId, new DataChangeFilter
        {
            Trigger = node.Trigger,
            DeadbandType = (uint)node.DeadbandType,
            DeadbandValue = node.DeadbandValue,
        });
    }

    internal void RemoveSubscription(OpcUaSubscription subscription) => _publishEngine.Remove(subscription.Id);

    /// <summary>Sends a session request and checks the service result.</summary>
    internal async Task<TResponse> CallAsync<TResponse>(IServiceRequest request, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where TResponse : class, IServiceResponse
    {
        if (Volatile.Read(ref _state) != 0 && request is not CloseSessionRequest)
        {
            throw _completion.Task.Exception?.InnerException as OpcUaException
                ?? new OpcUaConnectionException(StatusCodes.BadSessionClosed, "The client is closed.");
        }

        var effectiveTimeout = timeout ?? _options.OperationTimeout;
        request.RequestHeader = new RequestHeader
        {
            AuthenticationToken = _authenticationToken,
            Timestamp = _time.GetUtcNow().UtcDateTime,
            RequestHandle = Interlocked.Increment(ref _requestHandle),
            TimeoutHint = (uint)Math.Min(effectiveTimeout.TotalMilliseconds, uint.MaxValue),
        };
        IServiceResponse response;
        try
        {
            response = await _channel.SendRequestAsync(request, effectiveTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OpcUaConnectionException ex) when (ex.StatusCode.Code != StatusCodes.BadTimeout)
        {
            OnConnectionLost(ex);
            throw;
        }

        Interlocked.Exchange(ref _lastResponseTimestamp, _time.GetTimestamp());
        try
        {
            return Check<TResponse>(response, request.ServiceName);
        }
        catch (ServiceResultException ex) when (SessionLostCodes.Contains(ex.StatusCode.Code) && request is not CloseSessionRequest && SessionId != NodeId.Null && _state == 0 && _authenticationToken != NodeId.Null && ex.Service != "ActivateSession")
        {
            OnConnectionLost(new OpcUaConnectionException(ex.StatusCode, "The server no longer knows the session.", ex));
            throw;
        }
    }

    private static TResponse Check<TResponse>(IServiceResponse response, string service)
        where TResponse : class, IServiceResponse
    {
        var header = response.ResponseHeader;
        if (response is ServiceFault || header.ServiceResult.IsBad)
        {
            var code = header.ServiceResult.IsBad ? header.ServiceResult : new StatusCode(StatusCodes.BadUnexpectedError);
            var info = header.ServiceDiagnostics?.AdditionalInfo;
            throw new ServiceResultException(code, service, info);
        }

        return response as TResponse ?? throw new OpcUaConnectionException(StatusCodes.BadUnknownResponse, $"{service} got a {response.GetType().Name}.");
    }

    internal void OnConnectionLost(OpcUaException reason)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 0) != 0)
        {
            return;
        }

        OpcUaLog.ConnectionLost(_logger, _options.EndpointUrl, reason.StatusCode, reason);
        _lifetime.Cancel();
        _publishEngine.Fail(reason);
        _completion.TrySetException(reason);
    }

    private async Task WatchChannelAsync()
    {
        try
        {
            await _channel.Completion.ConfigureAwait(false);
        }
        catch (OpcUaException ex)
        {
            OnConnectionLost(ex);
        }
    }

    /// <summary>
    /// Proves the connection alive when nothing else did within the keep-alive interval (a Read of
    /// ServerStatus.State, which also keeps the session from timing out), and checks that subscriptions
    /// still receive publish responses or keep-alives.
    /// </summary>
    private async Task WatchdogAsync()
    {
        using var timer = new PeriodicTimer(_options.KeepAliveInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                if (_publishEngine.FindSilentSubscription() is { } silent)
                {
                    OnConnectionLost(new OpcUaConnectionException(StatusCodes.BadNoCommunication, $"Subscription {silent} received no publish response or keep-alive in time."));
                    return;
                }

                var idle = _time.GetElapsedTime(Interlocked.Read(ref _lastResponseTimestamp));
                if (idle < _options.KeepAliveInterval)
                {
                    continue;
                }

                try
                {
                    var timeout = _options.OperationTimeout < _options.KeepAliveInterval * 2 ? _options.OperationTimeout : _options.KeepAliveInterval * 2;
                    await CallAsync<ReadResponse>(
                        new ReadRequest
                        {
                            TimestampsToReturn = TimestampsToReturn.Neither,
                            NodesToRead = [new ReadValueId { NodeId = WellKnownNodes.ServerServerStatusState, AttributeId = Attributes.Value }],
                        },
                        _lifetime.Token,
                        timeout).ConfigureAwait(false);
                }
                catch (OpcUaConnectionException ex)
                {
                    OpcUaLog.KeepAliveFailed(_logger, ex);
                    OnConnectionLost(ex);
                    return;
                }
                catch (ServiceResultException ex)
                {
                    // Session-level losses were already reported by CallAsync; other faults do not mean the link is down.
                    OpcUaLog.KeepAliveFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Closes the session (deleting its subscriptions on the server) and the secure channel. Safe to call more than
    /// once, and after the connection was lost (then only local resources are released).
    /// </summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        var previous = Interlocked.CompareExchange(ref _state, 1, 0);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _publishEngine.StopAsync().ConfigureAwait(false);
        if (previous == 0 && _authenticationToken != NodeId.Null)
        {
            try
            {
                var timeout = _options.OperationTimeout < TimeSpan.FromSeconds(5) ? _options.OperationTimeout : TimeSpan.FromSeconds(5);
                await CallAsync<CloseSessionResponse>(new CloseSessionRequest { DeleteSubscriptions = true }, cancellationToken, timeout).ConfigureAwait(false);
                OpcUaLog.SessionClosed(_logger, SessionId);
            }
            catch (Exception ex) when (ex is OpcUaException or OperationCanceledException)
            {
                OpcUaLog.SessionCloseFailed(_logger, SessionId, ex);
            }
        }

        await _channel.CloseAsync().ConfigureAwait(false);
        try
        {
            await _watchdog.ConfigureAwait(false);
            await _channelWatch.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _publishEngine.CompleteAll();
        _completion.TrySetResult();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync(CancellationToken.None).ConfigureAwait(false);
        await _channel.DisposeAsync().ConfigureAwait(false);
        _publishEngine.Dispose();
        _lifetime.Dispose();
    }
}
