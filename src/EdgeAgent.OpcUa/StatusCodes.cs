using System.Collections.Frozen;

namespace EdgeAgent.OpcUa;

/// <summary>
/// The status codes defined by the OPC UA specification (Part 6, StatusCode.csv), as named constants and a
/// code-to-name table so errors can be reported by their symbolic name (e.g. BadTooManySessions).
/// </summary>
public static class StatusCodes
{
    /// <summary>Good (0x00000000).</summary>
    public const uint Good = 0x00000000;

    /// <summary>GoodWithOverflowBit (0x00000480).</summary>
    public const uint GoodWithOverflowBit = 0x00000480;

    /// <summary>GoodSubscriptionTransferred (0x002D0000).</summary>
    public const uint GoodSubscriptionTransferred = 0x002D0000;

    /// <summary>GoodCompletesAsynchronously (0x002E0000).</summary>
    public const uint GoodCompletesAsynchronously = 0x002E0000;

    /// <summary>GoodOverload (0x002F0000).</summary>
    public const uint GoodOverload = 0x002F0000;

    /// <summary>GoodClamped (0x00300000).</summary>
    public const uint GoodClamped = 0x00300000;

    /// <summary>GoodLocalOverride (0x00960000).</summary>
    public const uint GoodLocalOverride = 0x00960000;

    /// <summary>GoodEntryInserted (0x00A20000).</summary>
    public const uint GoodEntryInserted = 0x00A20000;

    /// <summary>GoodEntryReplaced (0x00A30000).</summary>
    public const uint GoodEntryReplaced = 0x00A30000;

    /// <summary>GoodNoData (0x00A50000).</summary>
    public const uint GoodNoData = 0x00A50000;

    /// <summary>GoodMoreData (0x00A60000).</summary>
    public const uint GoodMoreData = 0x00A60000;

    /// <summary>GoodCommunicationEvent (0x00A70000).</summary>
    public const uint GoodCommunicationEvent = 0x00A70000;

    /// <summary>GoodShutdownEvent (0x00A80000).</summary>
    public const uint GoodShutdownEvent = 0x00A80000;

    /// <summary>GoodCallAgain (0x00A90000).</summary>
    public const uint GoodCallAgain = 0x00A90000;

    /// <summary>GoodNonCriticalTimeout (0x00AA0000).</summary>
    public const uint GoodNonCriticalTimeout = 0x00AA0000;

    /// <summary>GoodResultsMayBeIncomplete (0x00BA0000).</summary>
    public const uint GoodResultsMayBeIncomplete = 0x00BA0000;

    /// <summary>GoodDataIgnored (0x00D90000).</summary>
    public const uint GoodDataIgnored = 0x00D90000;

    /// <summary>GoodEdited (0x00DC0000).</summary>
    public const uint GoodEdited = 0x00DC0000;

    /// <summary>GoodPostActionFailed (0x00DD0000).</summary>
    public const uint GoodPostActionFailed = 0x00DD0000;

    /// <summary>GoodRetransmissionQueueNotSupported (0x00DF0000).</summary>
    public const uint GoodRetransmissionQueueNotSupported = 0x00DF0000;

    /// <summary>GoodDependentValueChanged (0x00E00000).</summary>
    public const uint GoodDependentValueChanged = 0x00E00000;

    /// <summary>GoodSubNormal (0x00EB0000).</summary>
    public const uint GoodSubNormal = 0x00EB0000;

    /// <summary>GoodPasswordChangeRequired (0x00EF0000).</summary>
    public const uint GoodPasswordChangeRequired = 0x00EF0000;

    /// <summary>GoodEdited_DependentValueChanged (0x01160000).</summary>
    public const uint GoodEdited_DependentValueChanged = 0x01160000;

    /// <summary>GoodEdited_DominantValueChanged (0x01170000).</summary>
    public const uint GoodEdited_DominantValueChanged = 0x01170000;

    /// <summary>GoodEdited_DominantValueChanged_DependentValueChanged (0x01180000).</summary>
    public const uint GoodEdited_DominantValueChanged_DependentValueChanged = 0x01180000;

    /// <summary>GoodCascadeInitializationAcknowledged (0x04010000).</summary>
    public const uint GoodCascadeInitializationAcknowledged = 0x04010000;

    /// <summary>GoodCascadeInitializationRequest (0x04020000).</summary>
    public const uint GoodCascadeInitializationRequest = 0x04020000;

    /// <summary>GoodCascadeNotInvited (0x04030000).</summary>
    public const uint GoodCascadeNotInvited = 0x04030000;

    /// <summary>GoodCascadeNotSelected (0x04040000).</summary>
    public const uint GoodCascadeNotSelected = 0x04040000;

    /// <summary>GoodFaultStateActive (0x04070000).</summary>
    public const uint GoodFaultStateActive = 0x04070000;

    /// <summary>GoodInitiateFaultState (0x04080000).</summary>
    public const uint GoodInitiateFaultState = 0x04080000;

    /// <summary>GoodCascade (0x04090000).</summary>
    public const uint GoodCascade = 0x04090000;

    /// <summary>Uncertain (0x40000000).</summary>
    public const uint Uncertain = 0x40000000;

    /// <summary>UncertainReferenceOutOfServer (0x406C0000).</summary>
    public const uint UncertainReferenceOutOfServer = 0x406C0000;

    /// <summary>UncertainNoCommunicationLastUsableValue (0x408F0000).</summary>
    public const uint UncertainNoCommunicationLastUsableValue = 0x408F0000;

    /// <summary>UncertainLastUsableValue (0x40900000).</summary>
    public const uint UncertainLastUsableValue = 0x40900000;

    /// <summary>UncertainSubstituteValue (0x40910000).</summary>
    public const uint UncertainSubstituteValue = 0x40910000;

    /// <summary>UncertainInitialValue (0x40920000).</summary>
    public const uint UncertainInitialValue = 0x40920000;

    /// <summary>UncertainSensorNotAccurate (0x40930000).</summary>
    public const uint UncertainSensorNotAccurate = 0x40930000;

    /// <summary>UncertainEngineeringUnitsExceeded (0x40940000).</summary>
    public const uint UncertainEngineeringUnitsExceeded = 0x40940000;

    /// <summary>UncertainSubNormal (0x40950000).</summary>
    public const uint UncertainSubNormal = 0x40950000;

    /// <summary>UncertainDataSubNormal (0x40A40000).</summary>
    public const uint UncertainDataSubNormal = 0x40A40000;

    /// <summary>UncertainReferenceNotDeleted (0x40BC0000).</summary>
    public const uint UncertainReferenceNotDeleted = 0x40BC0000;

    /// <summary>UncertainNotAllNodesAvailable (0x40C00000).</summary>
    public const uint UncertainNotAllNodesAvailable = 0x40C00000;

    /// <summary>UncertainDominantValueChanged (0x40DE0000).</summary>
    public const uint UncertainDominantValueChanged = 0x40DE0000;

    /// <summary>UncertainDependentValueChanged (0x40E20000).</summary>
    public const uint UncertainDependentValueChanged = 0x40E20000;

    /// <summary>UncertainOverRange (0x40F20000).</summary>
    public const uint UncertainOverRange = 0x40F20000;

    /// <summary>UncertainUnderRange (0x40F30000).</summary>
    public const uint UncertainUnderRange = 0x40F30000;

    /// <summary>UncertainTransducerInManual (0x42080000).</summary>
    public const uint UncertainTransducerInManual = 0x42080000;

    /// <summary>UncertainSimulatedValue (0x42090000).</summary>
    public const uint UncertainSimulatedValue = 0x42090000;

    /// <summary>UncertainSensorCalibration (0x420A0000).</summary>
    public const uint UncertainSensorCalibration = 0x420A0000;

    /// <summary>UncertainConfigurationError (0x420F0000).</summary>
    public const uint UncertainConfigurationError = 0x420F0000;

    /// <summary>Bad (0x80000000).</summary>
    public const uint Bad = 0x80000000;

    /// <summary>BadUnexpectedError (0x80010000).</summary>
    public const uint BadUnexpectedError = 0x80010000;

    /// <summary>BadInternalError (0x80020000).</summary>
    public const uint BadInternalError = 0x80020000;

    /// <summary>BadOutOfMemory (0x80030000).</summary>
    public const uint BadOutOfMemory = 0x80030000;

    /// <summary>BadResourceUnavailable (0x80040000).</summary>
    public const uint BadResourceUnavailable = 0x80040000;

    /// <summary>BadCommunicationError (0x80050000).</summary>
    public const uint BadCommunicationError = 0x80050000;

    /// <summary>BadEncodingError (0x80060000).</summary>
    public const uint BadEncodingError = 0x80060000;

    /// <summary>BadDecodingError (0x80070000).</summary>
    public const uint BadDecodingError = 0x80070000;

    /// <summary>BadEncodingLimitsExceeded (0x80080000).</summary>
    public const uint BadEncodingLimitsExceeded = 0x80080000;

    /// <summary>BadUnknownResponse (0x80090000).</summary>
    public const uint BadUnknownResponse = 0x80090000;

    /// <summary>BadTimeout (0x800A0000).</summary>
    public const uint BadTimeout = 0x800A0000;

    /// <summary>BadServiceUnsupported (0x800B0000).</summary>
    public const uint BadServiceUnsupported = 0x800B0000;

    /// <summary>BadShutdown (0x800C0000).</summary>
    public const uint BadShutdown = 0x800C0000;

    /// <summary>BadServerNotConnected (0x800D0000).</summary>
    public const uint BadServerNotConnected = 0x800D0000;

    /// <summary>BadServerHalted (0x800E0000).</summary>
    public const uint BadServerHalted = 0x800E0000;

    /// <summary>BadNothingToDo (0x800F0000).</summary>
    public const uint BadNothingToDo = 0x800F0000;

    /// <summary>BadTooManyOperations (0x80100000).</summary>
    public const uint BadTooManyOperations = 0x80100000;

    /// <summary>BadDataTypeIdUnknown (0x80110000).</summary>
    public const uint BadDataTypeIdUnknown = 0x80110000;

    /// <summary>BadCertificateInvalid (0x80120000).</summary>
    public const uint BadCertificateInvalid = 0x80120000;

    /// <summary>BadSecurityChecksFailed (0x80130000).</summary>
    public const uint BadSecurityChecksFailed = 0x80130000;

    /// <summary>BadCertificateTimeInvalid (0x80140000).</summary>
    public const uint BadCertificateTimeInvalid = 0x80140000;

    /// <summary>BadCertificateIssuerTimeInvalid (0x80150000).</summary>
    public const uint BadCertificateIssuerTimeInvalid = 0x80150000;

    /// <summary>BadCertificateHostNameInvalid (0x80160000).</summary>
    public const uint BadCertificateHostNameInvalid = 0x80160000;

    /// <summary>BadCertificateUriInvalid (0x80170000).</summary>
    public const uint BadCertificateUriInvalid = 0x80170000;

    /// <summary>BadCertificateUseNotAllowed (0x80180000).</summary>
    public const uint BadCertificateUseNotAllowed = 0x80180000;

    /// <summary>BadCertificateIssuerUseNotAllowed (0x80190000).</summary>
    public const uint BadCertificateIssuerUseNotAllowed = 0x80190000;

    /// <summary>BadCertificateUntrusted (0x801A0000).</summary>
    public const uint BadCertificateUntrusted = 0x801A0000;

    /// <summary>BadCertificateRevocationUnknown (0x801B0000).</summary>
    public const uint BadCertificateRevocationUnknown = 0x801B0000;

    /// <summary>BadCertificateIssuerRevocationUnknown (0x801C0000).</summary>
    public const uint BadCertificateIssuerRevocationUnknown = 0x801C0000;

    /// <summary>BadCertificateRevoked (0x801D0000).</summary>
    public const uint BadCertificateRevoked = 0x801D0000;

    /// <summary>BadCertificateIssuerRevoked (0x801E0000).</summary>
    public const uint BadCertificateIssuerRevoked = 0x801E0000;

    /// <summary>BadUserAccessDenied (0x801F0000).</summary>
    public const uint BadUserAccessDenied = 0x801F0000;

    /// <summary>BadIdentityTokenInvalid (0x80200000).</summary>
    public const uint BadIdentityTokenInvalid = 0x80200000;

    /// <summary>BadIdentityTokenRejected (0x80210000).</summary>
    public const uint BadIdentityTokenRejected = 0x80210000;

    /// <summary>BadSecureChannelIdInvalid (0x80220000).</summary>
    public const uint BadSecureChannelIdInvalid = 0x80220000;

    /// <summary>BadInvalidTimestamp (0x80230000).</summary>
    public const uint BadInvalidTimestamp = 0x80230000;

    /// <summary>BadNonceInvalid (0x80240000).</summary>
    public const uint BadNonceInvalid = 0x80240000;

    /// <summary>BadSessionIdInvalid (0x80250000).</summary>
    public const uint BadSessionIdInvalid = 0x80250000;

    /// <summary>BadSessionClosed (0x80260000).</summary>
    public const uint BadSessionClosed = 0x80260000;

    /// <summary>BadSessionNotActivated (0x80270000).</summary>
    public const uint BadSessionNotActivated = 0x80270000;

    /// <summary>BadSubscriptionIdInvalid (0x80280000).</summary>
    public const uint BadSubscriptionIdInvalid = 0x80280000;

    /// <summary>BadRequestHeaderInvalid (0x802A0000).</summary>
    public const uint BadRequestHeaderInvalid = 0x802A0000;

    /// <summary>BadTimestampsToReturnInvalid (0x802B0000).</summary>
    public const uint BadTimestampsToReturnInvalid = 0x802B0000;

    /// <summary>BadRequestCancelledByClient (0x802C0000).</summary>
    public const uint BadRequestCancelledByClient = 0x802C0000;

    /// <summary>BadNoCommunication (0x80310000).</summary>
    public const uint BadNoCommunication = 0x80310000;

    /// <summary>BadWaitingForInitialData (0x80320000).</summary>
    public const uint BadWaitingForInitialData = 0x80320000;

    /// <summary>BadNodeIdInvalid (0x80330000).</summary>
    public const uint BadNodeIdInvalid = 0x80330000;

    /// <summary>BadNodeIdUnknown (0x80340000).</summary>
    public const uint BadNodeIdUnknown = 0x80340000;

    /// <summary>BadAttributeIdInvalid (0x80350000).</summary>
    public const uint BadAttributeIdInvalid = 0x80350000;

    /// <summary>BadIndexRangeInvalid (0x80360000).</summary>
    public const uint BadIndexRangeInvalid = 0x80360000;

    /// <summary>BadIndexRangeNoData (0x80370000).</summary>
    public const uint BadIndexRangeNoData = 0x80370000;

    /// <summary>BadDataEncodingInvalid (0x80380000).</summary>
    public const uint BadDataEncodingInvalid = 0x80380000;

    /// <summary>BadDataEncodingUnsupported (0x80390000).</summary>
    public const uint BadDataEncodingUnsupported = 0x80390000;

    /// <summary>BadNotReadable (0x803A0000).</summary>
    public const uint BadNotReadable = 0x803A0000;

    /// <summary>BadNotWritable (0x803B0000).</summary>
    public const uint BadNotWritable = 0x803B0000;

    /// <summary>BadOutOfRange (0x803C0000).</summary>
    public const uint BadOutOfRange = 0x803C0000;

    /// <summary>BadNotSupported (0x803D0000).</summary>
    public const uint BadNotSupported = 0x803D0000;

    /// <summary>BadNotFound (0x803E0000).</summary>
    public const uint BadNotFound = 0x803E0000;

    /// <summary>BadObjectDeleted (0x803F0000).</summary>
    public const uint BadObjectDeleted = 0x803F0000;

    /// <summary>BadNotImplemented (0x80400000).</summary>
    public const uint BadNotImplemented = 0x80400000;

    /// <summary>BadMonitoringModeInvalid (0x80410000).</summary>
    public const uint BadMonitoringModeInvalid = 0x80410000;

    /// <summary>BadMonitoredItemIdInvalid (0x80420000).</summary>
    public const uint BadMonitoredItemIdInvalid = 0x80420000;

    /// <summary>BadMonitoredItemFilterInvalid (0x80430000).</summary>
    public const uint BadMonitoredItemFilterInvalid = 0x80430000;

    /// <summary>BadMonitoredItemFilterUnsupported (0x80440000).</summary>
    public const uint BadMonitoredItemFilterUnsupported = 0x80440000;

    /// <summary>BadFilterNotAllowed (0x80450000).</summary>
    public const uint BadFilterNotAllowed = 0x80450000;

    /// <summary>BadStructureMissing (0x80460000).</summary>
    public const uint BadStructureMissing = 0x80460000;

    /// <summary>BadEventFilterInvalid (0x80470000).</summary>
    public const uint BadEventFilterInvalid = 0x80470000;

    /// <summary>BadContentFilterInvalid (0x80480000).</summary>
    public const uint BadContentFilterInvalid = 0x80480000;

    /// <summary>BadFilterOperandInvalid (0x80490000).</summary>
    public const uint BadFilterOperandInvalid = 0x80490000;

    /// <summary>BadContinuationPointInvalid (0x804A0000).</summary>
    public const uint BadContinuationPointInvalid = 0x804A0000;

    /// <summary>BadNoContinuationPoints (0x804B0000).</summary>
    public const uint BadNoContinuationPoints = 0x804B0000;

    /// <summary>BadReferenceTypeIdInvalid (0x804C0000).</summary>
    public const uint BadReferenceTypeIdInvalid = 0x804C0000;

    /// <summary>BadBrowseDirectionInvalid (0x804D0000).</summary>
    public const uint BadBrowseDirectionInvalid = 0x804D0000;

    /// <summary>BadNodeNotInView (0x804E0000).</summary>
    public const uint BadNodeNotInView = 0x804E0000;

    /// <summary>BadServerUriInvalid (0x804F0000).</summary>
    public const uint BadServerUriInvalid = 0x804F0000;

    /// <summary>BadServerNameMissing (0x80500000).</summary>
    public const uint BadServerNameMissing = 0x80500000;

    /// <summary>BadDiscoveryUrlMissing (0x80510000).</summary>
    public const uint BadDiscoveryUrlMissing = 0x80510000;

    /// <summary>BadSemaphoreFileMissing (0x80520000).</summary>
    public const uint BadSemaphoreFileMissing = 0x80520000;

    /// <summary>BadRequestTypeInvalid (0x80530000).</summary>
    public const uint BadRequestTypeInvalid = 0x80530000;

    /// <summary>BadSecurityModeRejected (0x80540000).</summary>
    public const uint BadSecurityModeRejected = 0x80540000;

    /// <summary>BadSecurityPolicyRejected (0x80550000).</summary>
    public const uint BadSecurityPolicyRejected = 0x80550000;

    /// <summary>BadTooManySessions (0x80560000).</summary>
    public const uint BadTooManySessions = 0x80560000;

    /// <summary>BadUserSignatureInvalid (0x80570000).</summary>
    public const uint BadUserSignatureInvalid = 0x80570000;

    /// <summary>BadApplicationSignatureInvalid (0x80580000).</summary>
    public const uint BadApplicationSignatureInvalid = 0x80580000;

    /// <summary>BadNoValidCertificates (0x80590000).</summary>
    public const uint BadNoValidCertificates = 0x80590000;

    /// <summary>BadRequestCancelledByRequest (0x805A0000).</summary>
    public const uint BadRequestCancelledByRequest = 0x805A0000;

    /// <summary>BadParentNodeIdInvalid (0x805B0000).</summary>
    public const uint BadParentNodeIdInvalid = 0x805B0000;

    /// <summary>BadReferenceNotAllowed (0x805C0000).</summary>
    public const uint BadReferenceNotAllowed = 0x805C0000;

    /// <summary>BadNodeIdRejected (0x805D0000).</summary>
    public const uint BadNodeIdRejected = 0x805D0000;

    /// <summary>BadNodeIdExists (0x805E0000).</summary>
    public const uint BadNodeIdExists = 0x805E0000;

    /// <summary>BadNodeClassInvalid (0x805F0000).</summary>
    public const uint BadNodeClassInvalid = 0x805F0000;

    /// <summary>BadBrowseNameInvalid (0x80600000).</summary>
    public const uint BadBrowseNameInvalid = 0x80600000;

    /// <summary>BadBrowseNameDuplicated (0x80610000).</summary>
    public const uint BadBrowseNameDuplicated = 0x80610000;

    /// <summary>BadNodeAttributesInvalid (0x80620000).</summary>
    public const uint BadNodeAttributesInvalid = 0x80620000;

    /// <summary>BadTypeDefinitionInvalid (0x80630000).</summary>
    public const uint BadTypeDefinitionInvalid = 0x80630000;

    /// <summary>BadSourceNodeIdInvalid (0x80640000).</summary>
    public const uint BadSourceNodeIdInvalid = 0x80640000;

    /// <summary>BadTargetNodeIdInvalid (0x80650000).</summary>
    public const uint BadTargetNodeIdInvalid = 0x80650000;

    /// <summary>BadDuplicateReferenceNotAllowed (0x80660000).</summary>
    public const uint BadDuplicateReferenceNotAllowed = 0x80660000;

    /// <summary>BadInvalidSelfReference (0x80670000).</summary>
    public const uint BadInvalidSelfReference = 0x80670000;

    /// <summary>BadReferenceLocalOnly (0x80680000).</summary>
    public const uint BadReferenceLocalOnly = 0x80680000;

    /// <summary>BadNoDeleteRights (0x80690000).</summary>
    public const uint BadNoDeleteRights = 0x80690000;

    /// <summary>BadServerIndexInvalid (0x806A0000).</summary>
    public const uint BadServerIndexInvalid = 0x806A0000;

    /// <summary>BadViewIdUnknown (0x806B0000).</summary>
    public const uint BadViewIdUnknown = 0x806B0000;

    /// <summary>BadTooManyMatches (0x806D0000).</summary>
    public const uint BadTooManyMatches = 0x806D0000;

    /// <summary>BadQueryTooComplex (0x806E0000).</summary>
    public const uint BadQueryTooComplex = 0x806E0000;

    /// <summary>BadNoMatch (0x806F0000).</summary>
    public const uint BadNoMatch = 0x806F0000;

    /// <summary>BadMaxAgeInvalid (0x80700000).</summary>
    public const uint BadMaxAgeInvalid = 0x80700000;

    /// <summary>BadHistoryOperationInvalid (0x80710000).</summary>
    public const uint BadHistoryOperationInvalid = 0x80710000;

    /// <summary>BadHistoryOperationUnsupported (0x80720000).</summary>
    public const uint BadHistoryOperationUnsupported = 0x80720000;

    /// <summary>BadWriteNotSupported (0x80730000).</summary>
    public const uint BadWriteNotSupported = 0x80730000;

    /// <summary>BadTypeMismatch (0x80740000).</summary>
    public const uint BadTypeMismatch = 0x80740000;

    /// <summary>BadMethodInvalid (0x80750000).</summary>
    public const uint BadMethodInvalid = 0x80750000;

    /// <summary>BadArgumentsMissing (0x80760000).</summary>
    public const uint BadArgumentsMissing = 0x80760000;

    /// <summary>BadTooManySubscriptions (0x80770000).</summary>
    public const uint BadTooManySubscriptions = 0x80770000;

    /// <summary>BadTooManyPublishRequests (0x80780000).</summary>
    public const uint BadTooManyPublishRequests = 0x80780000;

    /// <summary>BadNoSubscription (0x80790000).</summary>
    public const uint BadNoSubscription = 0x80790000;

    /// <summary>BadSequenceNumberUnknown (0x807A0000).</summary>
    public const uint BadSequenceNumberUnknown = 0x807A0000;

    /// <summary>BadMessageNotAvailable (0x807B0000).</summary>
    public const uint BadMessageNotAvailable = 0x807B0000;

    /// <summary>BadInsufficientClientProfile (0x807C0000).</summary>
    public const uint BadInsufficientClientProfile = 0x807C0000;

    /// <summary>BadTcpServerTooBusy (0x807D0000).</summary>
    public const uint BadTcpServerTooBusy = 0x807D0000;

    /// <summary>BadTcpMessageTypeInvalid (0x807E0000).</summary>
    public const uint BadTcpMessageTypeInvalid = 0x807E0000;

    /// <summary>BadTcpSecureChannelUnknown (0x807F0000).</summary>
    public const uint BadTcpSecureChannelUnknown = 0x807F0000;

    /// <summary>BadTcpMessageTooLarge (0x80800000).</summary>
    public const uint BadTcpMessageTooLarge = 0x80800000;

    /// <summary>BadTcpNotEnoughResources (0x80810000).</summary>
    public const uint BadTcpNotEnoughResources = 0x80810000;

    /// <summary>BadTcpInternalError (0x80820000).</summary>
    public const uint BadTcpInternalError = 0x80820000;

    /// <summary>BadTcpEndpointUrlInvalid (0x80830000).</summary>
    public const uint BadTcpEndpointUrlInvalid = 0x80830000;

    /// <summary>BadRequestInterrupted (0x80840000).</summary>
    public const uint BadRequestInterrupted = 0x80840000;

    /// <summary>BadRequestTimeout (0x80850000).</summary>
    public const uint BadRequestTimeout = 0x80850000;

    /// <summary>BadSecureChannelClosed (0x80860000).</summary>
    public const uint BadSecureChannelClosed = 0x80860000;

    /// <summary>BadSecureChannelTokenUnknown (0x80870000).</summary>
    public const uint BadSecureChannelTokenUnknown = 0x80870000;

    /// <summary>BadSequenceNumberInvalid (0x80880000).</summary>
    public const uint BadSequenceNumberInvalid = 0x80880000;

    /// <summary>BadConfigurationError (0x80890000).</summary>
    public const uint BadConfigurationError = 0x80890000;

    /// <summary>BadNotConnected (0x808A0000).</summary>
    public const uint BadNotConnected = 0x808A0000;

    /// <summary>BadDeviceFailure (0x808B0000).</summary>
    public const uint BadDeviceFailure = 0x808B0000;

    /// <summary>BadSensorFailure (0x808C0000).</summary>
    public const uint BadSensorFailure = 0x808C0000;

    /// <summary>BadOutOfService (0x808D0000).</summary>
    public const uint BadOutOfService = 0x808D0000;

    /// <summary>BadDeadbandFilterInvalid (0x808E0000).</summary>
    public const uint BadDeadbandFilterInvalid = 0x808E0000;

    /// <summary>BadRefreshInProgress (0x80970000).</summary>
    public const uint BadRefreshInProgress = 0x80970000;

    /// <summary>BadConditionAlreadyDisabled (0x80980000).</summary>
    public const uint BadConditionAlreadyDisabled = 0x80980000;

    /// <summary>BadConditionDisabled (0x80990000).</summary>
    public const uint BadConditionDisabled = 0x80990000;

    /// <summary>BadEventIdUnknown (0x809A0000).</summary>
    public const uint BadEventIdUnknown = 0x809A0000;

    /// <summary>BadNoData (0x809B0000).</summary>
    public const uint BadNoData = 0x809B0000;

    /// <summary>BadDataLost (0x809D0000).</summary>
    public const uint BadDataLost = 0x809D0000;

    /// <summary>BadDataUnavailable (0x809E0000).</summary>
    public const uint BadDataUnavailable = 0x809E0000;

    /// <summary>BadEntryExists (0x809F0000).</summary>
    public const uint BadEntryExists = 0x809F0000;

    /// <summary>BadNoEntryExists (0x80A00000).</summary>
    public const uint BadNoEntryExists = 0x80A00000;

    /// <summary>BadTimestampNotSupported (0x80A10000).</summary>
    public const uint BadTimestampNotSupported = 0x80A10000;

    /// <summary>BadInvalidArgument (0x80AB0000).</summary>
    public const uint BadInvalidArgument = 0x80AB0000;

    /// <summary>BadConnectionRejected (0x80AC0000).</summary>
    public const uint BadConnectionRejected = 0x80AC0000;

    /// <summary>BadDisconnect (0x80AD0000).</summary>
    public const uint BadDisconnect = 0x80AD0000;

    /// <summary>BadConnectionClosed (0x80AE0000).</summary>
    public const uint BadConnectionClosed = 0x80AE0000;

    /// <summary>BadInvalidState (0x80AF0000).</summary>
    public const uint BadInvalidState = 0x80AF0000;

    /// <summary>BadEndOfStream (0x80B00000).</summary>
    public const uint BadEndOfStream = 0x80B00000;

    /// <summary>BadNoDataAvailable (0x80B10000).</summary>
    public const uint BadNoDataAvailable = 0x80B10000;

    /// <summary>BadWaitingForResponse (0x80B20000).</summary>
    public const uint BadWaitingForResponse = 0x80B20000;

    /// <summary>BadOperationAbandoned (0x80B30000).</summary>
    public const uint BadOperationAbandoned = 0x80B30000;

    /// <summary>BadExpectedStreamToBlock (0x80B40000).</summary>
    public const uint BadExpectedStreamToBlock = 0x80B40000;

    /// <summary>BadWouldBlock (0x80B50000).</summary>
    public const uint BadWouldBlock = 0x80B50000;

    /// <summary>BadSyntaxError (0x80B60000).</summary>
    public const uint BadSyntaxError = 0x80B60000;

    /// <summary>BadMaxConnectionsReached (0x80B70000).</summary>
    public const uint BadMaxConnectionsReached = 0x80B70000;

    /// <summary>BadRequestTooLarge (0x80B80000).</summary>
    public const uint BadRequestTooLarge = 0x80B80000;

    /// <summary>BadResponseTooLarge (0x80B90000).</summary>
    public const uint BadResponseTooLarge = 0x80B90000;

    /// <summary>BadEventNotAcknowledgeable (0x80BB0000).</summary>
    public const uint BadEventNotAcknowledgeable = 0x80BB0000;

    /// <summary>BadInvalidTimestampArgument (0x80BD0000).</summary>
    public const uint BadInvalidTimestampArgument = 0x80BD0000;

    /// <summary>BadProtocolVersionUnsupported (0x80BE0000).</summary>
    public const uint BadProtocolVersionUnsupported = 0x80BE0000;

    /// <summary>BadStateNotActive (0x80BF0000).</summary>
    public const uint BadStateNotActive = 0x80BF0000;

    /// <summary>BadFilterOperatorInvalid (0x80C10000).</summary>
    public const uint BadFilterOperatorInvalid = 0x80C10000;

    /// <summary>BadFilterOperatorUnsupported (0x80C20000).</summary>
    public const uint BadFilterOperatorUnsupported = 0x80C20000;

    /// <summary>BadFilterOperandCountMismatch (0x80C30000).</summary>
    public const uint BadFilterOperandCountMismatch = 0x80C30000;

    /// <summary>BadFilterElementInvalid (0x80C40000).</summary>
    public const uint BadFilterElementInvalid = 0x80C40000;

    /// <summary>BadFilterLiteralInvalid (0x80C50000).</summary>
    public const uint BadFilterLiteralInvalid = 0x80C50000;

    /// <summary>BadIdentityChangeNotSupported (0x80C60000).</summary>
    public const uint BadIdentityChangeNotSupported = 0x80C60000;

    /// <summary>BadNotTypeDefinition (0x80C80000).</summary>
    public const uint BadNotTypeDefinition = 0x80C80000;

    /// <summary>BadViewTimestampInvalid (0x80C90000).</summary>
    public const uint BadViewTimestampInvalid = 0x80C90000;

    /// <summary>BadViewParameterMismatch (0x80CA0000).</summary>
    public const uint BadViewParameterMismatch = 0x80CA0000;

    /// <summary>BadViewVersionInvalid (0x80CB0000).</summary>
    public const uint BadViewVersionInvalid = 0x80CB0000;

    /// <summary>BadConditionAlreadyEnabled (0x80CC0000).</summary>
    public const uint BadConditionAlreadyEnabled = 0x80CC0000;

    /// <summary>BadDialogNotActive (0x80CD0000).</summary>
    public const uint BadDialogNotActive = 0x80CD0000;

    /// <summary>BadDialogResponseInvalid (0x80CE0000).</summary>
    public const uint BadDialogResponseInvalid = 0x80CE0000;

    /// <summary>BadConditionBranchAlreadyAcked (0x80CF0000).</summary>
    public const uint BadConditionBranchAlreadyAcked = 0x80CF0000;

    /// <summary>BadConditionBranchAlreadyConfirmed (0x80D00000).</summary>
    public const uint BadConditionBranchAlreadyConfirmed = 0x80D00000;

    /// <summary>BadConditionAlreadyShelved (0x80D10000).</summary>
    public const uint BadConditionAlreadyShelved = 0x80D10000;

    /// <summary>BadConditionNotShelved (0x80D20000).</summary>
    public const uint BadConditionNotShelved = 0x80D20000;

    /// <summary>BadShelvingTimeOutOfRange (0x80D30000).</summary>
    public const uint BadShelvingTimeOutOfRange = 0x80D30000;

    /// <summary>BadAggregateListMismatch (0x80D40000).</summary>
    public const uint BadAggregateListMismatch = 0x80D40000;

    /// <summary>BadAggregateNotSupported (0x80D50000).</summary>
    public const uint BadAggregateNotSupported = 0x80D50000;

    /// <summary>BadAggregateInvalidInputs (0x80D60000).</summary>
    public const uint BadAggregateInvalidInputs = 0x80D60000;

    /// <summary>BadBoundNotFound (0x80D70000).</summary>
    public const uint BadBoundNotFound = 0x80D70000;

    /// <summary>BadBoundNotSupported (0x80D80000).</summary>
    public const uint BadBoundNotSupported = 0x80D80000;

    /// <summary>BadAggregateConfigurationRejected (0x80DA0000).</summary>
    public const uint BadAggregateConfigurationRejected = 0x80DA0000;

    /// <summary>BadTooManyMonitoredItems (0x80DB0000).</summary>
    public const uint BadTooManyMonitoredItems = 0x80DB0000;

    /// <summary>BadDominantValueChanged (0x80E10000).</summary>
    public const uint BadDominantValueChanged = 0x80E10000;

    /// <summary>BadDependentValueChanged (0x80E30000).</summary>
    public const uint BadDependentValueChanged = 0x80E30000;

    /// <summary>BadRequestNotAllowed (0x80E40000).</summary>
    public const uint BadRequestNotAllowed = 0x80E40000;

    /// <summary>BadTooManyArguments (0x80E50000).</summary>
    public const uint BadTooManyArguments = 0x80E50000;

    /// <summary>BadSecurityModeInsufficient (0x80E60000).</summary>
    public const uint BadSecurityModeInsufficient = 0x80E60000;

    /// <summary>BadDataSetIdInvalid (0x80E70000).</summary>
    public const uint BadDataSetIdInvalid = 0x80E70000;

    /// <summary>BadTransactionPending (0x80E80000).</summary>
    public const uint BadTransactionPending = 0x80E80000;

    /// <summary>BadLocked (0x80E90000).</summary>
    public const uint BadLocked = 0x80E90000;

    /// <summary>BadIndexRangeDataMismatch (0x80EA0000).</summary>
    public const uint BadIndexRangeDataMismatch = 0x80EA0000;

    /// <summary>BadRequiresLock (0x80EC0000).</summary>
    public const uint BadRequiresLock = 0x80EC0000;

    /// <summary>BadLocaleNotSupported (0x80ED0000).</summary>
    public const uint BadLocaleNotSupported = 0x80ED0000;

    /// <summary>BadServerTooBusy (0x80EE0000).</summary>
    public const uint BadServerTooBusy = 0x80EE0000;

    /// <summary>BadNoValue (0x80F00000).</summary>
    public const uint BadNoValue = 0x80F00000;

    /// <summary>BadTransactionFailed (0x80F10000).</summary>
    public const uint BadTransactionFailed = 0x80F10000;

    /// <summary>BadCertificateChainIncomplete (0x810D0000).</summary>
    public const uint BadCertificateChainIncomplete = 0x810D0000;

    /// <summary>BadLicenseExpired (0x810E0000).</summary>
    public const uint BadLicenseExpired = 0x810E0000;

    /// <summary>BadLicenseLimitsExceeded (0x810F0000).</summary>
    public const uint BadLicenseLimitsExceeded = 0x810F0000;

    /// <summary>BadLicenseNotAvailable (0x81100000).</summary>
    public const uint BadLicenseNotAvailable = 0x81100000;

    /// <summary>BadNotExecutable (0x81110000).</summary>
    public const uint BadNotExecutable = 0x81110000;

    /// <summary>BadNumericOverflow (0x81120000).</summary>
    public const uint BadNumericOverflow = 0x81120000;

    /// <summary>BadRequestNotComplete (0x81130000).</summary>
    public const uint BadRequestNotComplete = 0x81130000;

    /// <summary>BadCertificatePolicyCheckFailed (0x81140000).</summary>
    public const uint BadCertificatePolicyCheckFailed = 0x81140000;

    /// <summary>BadAlreadyExists (0x81150000).</summary>
    public const uint BadAlreadyExists = 0x81150000;

    /// <summary>BadEdited_OutOfRange (0x81190000).</summary>
    public const uint BadEdited_OutOfRange = 0x81190000;

    /// <summary>BadInitialValue_OutOfRange (0x811A0000).</summary>
    public const uint BadInitialValue_OutOfRange = 0x811A0000;

    /// <summary>BadOutOfRange_DominantValueChanged (0x811B0000).</summary>
    public const uint BadOutOfRange_DominantValueChanged = 0x811B0000;

    /// <summary>BadEdited_OutOfRange_DominantValueChanged (0x811C0000).</summary>
    public const uint BadEdited_OutOfRange_DominantValueChanged = 0x811C0000;

    /// <summary>BadOutOfRange_DominantValueChanged_DependentValueChanged (0x811D0000).</summary>
    public const uint BadOutOfRange_DominantValueChanged_DependentValueChanged = 0x811D0000;

    /// <summary>BadEdited_OutOfRange_DominantValueChanged_DependentValueChanged (0x811E0000).</summary>
    public const uint BadEdited_OutOfRange_DominantValueChanged_DependentValueChanged = 0x811E0000;

    /// <summary>BadTicketRequired (0x811F0000).</summary>
    public const uint BadTicketRequired = 0x811F0000;

    /// <summary>BadTicketInvalid (0x81200000).</summary>
    public const uint BadTicketInvalid = 0x81200000;

    private static readonly FrozenDictionary<uint, string> Names = new Dictionary<uint, string>
    {
        [Good] = nameof(Good),
        [GoodWithOverflowBit] = nameof(GoodWithOverflowBit),
        [GoodSubscriptionTransferred] = nameof(GoodSubscriptionTransferred),
        [GoodCompletesAsynchronously] = nameof(GoodCompletesAsynchronously),
        [GoodOverload] = nameof(GoodOverload),
        [GoodClamped] = nameof(GoodClamped),
        [GoodLocalOverride] = nameof(GoodLocalOverride),
        [GoodEntryInserted] = nameof(GoodEntryInserted),
        [GoodEntryReplaced] = nameof(GoodEntryReplaced),
        [GoodNoData] = nameof(GoodNoData),
        [GoodMoreData] = nameof(GoodMoreData),
        [GoodCommunicationEvent] = nameof(GoodCommunicationEvent),
        [GoodShutdownEvent] = nameof(GoodShutdownEvent),
        [GoodCallAgain] = nameof(GoodCallAgain),
        [GoodNonCriticalTimeout] = nameof(GoodNonCriticalTimeout),
        [GoodResultsMayBeIncomplete] = nameof(GoodResultsMayBeIncomplete),
        [GoodDataIgnored] = nameof(GoodDataIgnored),
        [GoodEdited] = nameof(GoodEdited),
        [GoodPostActionFailed] = nameof(GoodPostActionFailed),
        [GoodRetransmissionQueueNotSupported] = nameof(GoodRetransmissionQueueNotSupported),
        [GoodDependentValueChanged] = nameof(GoodDependentValueChanged),
        [GoodSubNormal] = nameof(GoodSubNormal),
        [GoodPasswordChangeRequired] = nameof(GoodPasswordChangeRequired),
        [GoodEdited_DependentValueChanged] = nameof(GoodEdited_DependentValueChanged),
        [GoodEdited_DominantValueChanged] = nameof(GoodEdited_DominantValueChanged),
        [GoodEdited_DominantValueChanged_DependentValueChanged] = nameof(GoodEdited_DominantValueChanged_DependentValueChanged),
        [GoodCascadeInitializationAcknowledged] = nameof(GoodCascadeInitializationAcknowledged),
        [GoodCascadeInitializationRequest] = nameof(GoodCascadeInitializationRequest),
        [GoodCascadeNotInvited] = nameof(GoodCascadeNotInvited),
        [GoodCascadeNotSelected] = nameof(GoodCascadeNotSelected),
        [GoodFaultStateActive] = nameof(GoodFaultStateActive),
        [GoodInitiateFaultState] = nameof(GoodInitiateFaultState),
        [GoodCascade] = nameof(GoodCascade),
        [Uncertain] = nameof(Uncertain),
        [UncertainReferenceOutOfServer] = nameof(UncertainReferenceOutOfServer),
        [UncertainNoCommunicationLastUsableValue] = nameof(UncertainNoCommunicationLastUsableValue),
        [UncertainLastUsableValue] = nameof(UncertainLastUsableValue),
        [UncertainSubstituteValue] = nameof(UncertainSubstituteValue),
        [UncertainInitialValue] = nameof(UncertainInitialValue),
        [UncertainSensorNotAccurate] = nameof(UncertainSensorNotAccurate),
        [UncertainEngineeringUnitsExceeded] = nameof(UncertainEngineeringUnitsExceeded),
        [UncertainSubNormal] = nameof(UncertainSubNormal),
        [UncertainDataSubNormal] = nameof(UncertainDataSubNormal),
        [UncertainReferenceNotDeleted] = nameof(UncertainReferenceNotDeleted),
        [UncertainNotAllNodesAvailable] = nameof(UncertainNotAllNodesAvailable),
        [UncertainDominantValueChanged] = nameof(UncertainDominantValueChanged),
        [UncertainDependentValueChanged] = nameof(UncertainDependentValueChanged),
        [UncertainOverRange] = nameof(UncertainOverRange),
        [UncertainUnderRange] = nameof(UncertainUnderRange),
        [UncertainTransducerInManual] = nameof(UncertainTransducerInManual),
        [UncertainSimulatedValue] = nameof(UncertainSimulatedValue),
        [UncertainSensorCalibration] = nameof(UncertainSensorCalibration),
        [UncertainConfigurationError] = nameof(UncertainConfigurationError),
        [Bad] = nameof(Bad),
        [BadUnexpectedError] = nameof(BadUnexpectedError),
        [BadInternalError] = nameof(BadInternalError),
        [BadOutOfMemory] = nameof(BadOutOfMemory),
        [BadResourceUnavailable] = nameof(BadResourceUnavailable),
        [BadCommunicationError] = nameof(BadCommunicationError),
        [BadEncodingError] = nameof(BadEncodingError),
        [BadDecodingError] = nameof(BadDecodingError),
        [BadEncodingLimitsExceeded] = nameof(BadEncodingLimitsExceeded),
        [BadUnknownResponse] = nameof(BadUnknownResponse),
        [BadTimeout] = nameof(BadTimeout),
        [BadServiceUnsupported] = nameof(BadServiceUnsupported),
        [BadShutdown] = nameof(BadShutdown),
        [BadServerNotConnected] = nameof(BadServerNotConnected),
        [BadServerHalted] = nameof(BadServerHalted),
        [BadNothingToDo] = nameof(BadNothingToDo),
        [BadTooManyOperations] = nameof(BadTooManyOperations),
        [BadDataTypeIdUnknown] = nameof(BadDataTypeIdUnknown),
        [BadCertificateInvalid] = nameof(BadCertificateInvalid),
        [BadSecurityChecksFailed] = nameof(BadSecurityChecksFailed),
        [BadCertificateTimeInvalid] = nameof(BadCertificateTimeInvalid),
        [BadCertificateIssuerTimeInvalid] = nameof(BadCertificateIssuerTimeInvalid),
        [BadCertificateHostNameInvalid] = nameof(BadCertificateHostNameInvalid),
        [BadCertificateUriInvalid] = nameof(BadCertificateUriInvalid),
        [BadCertificateUseNotAllowed] = nameof(BadCertificateUseNotAllowed),
        [BadCertificateIssuerUseNotAllowed] = nameof(BadCertificateIssuerUseNotAllowed),
        [BadCertificateUntrusted] = nameof(BadCertificateUntrusted),
        [BadCertificateRevocationUnknown] = nameof(BadCertificateRevocationUnknown),
        [BadCertificateIssuerRevocationUnknown] = nameof(BadCertificateIssuerRevocationUnknown),
        [BadCertificateRevoked] = nameof(BadCertificateRevoked),
        [BadCertificateIssuerRevoked] = nameof(BadCertificateIssuerRevoked),
        [BadUserAccessDenied] = nameof(BadUserAccessDenied),
        [BadIdentityTokenInvalid] = nameof(BadIdentityTokenInvalid),
        [BadIdentityTokenRejected] = nameof(BadIdentityTokenRejected),
        [BadSecureChannelIdInvalid] = nameof(BadSecureChannelIdInvalid),
        [BadInvalidTimestamp] = nameof(BadInvalidTimestamp),
        [BadNonceInvalid] = nameof(BadNonceInvalid),
        [BadSessionIdInvalid] = nameof(BadSessionIdInvalid),
        [BadSessionClosed] = nameof(BadSessionClosed),
        [BadSessionNotActivated] = nameof(BadSessionNotActivated),
        [BadSubscriptionIdInvalid] = nameof(BadSubscriptionIdInvalid),
        [BadRequestHeaderInvalid] = nameof(BadRequestHeaderInvalid),
        [BadTimestampsToReturnInvalid] = nameof(BadTimestampsToReturnInvalid),
        [BadRequestCancelledByClient] = nameof(BadRequestCancelledByClient),
        [BadNoCommunication] = nameof(BadNoCommunication),
        [BadWaitingForInitialData] = nameof(BadWaitingForInitialData),
        [BadNodeIdInvalid] = nameof(BadNodeIdInvalid),
        [BadNodeIdUnknown] = nameof(BadNodeIdUnknown),
        [BadAttributeIdInvalid] = nameof(BadAttributeIdInvalid),
        [BadIndexRangeInvalid] = nameof(BadIndexRangeInvalid),
        [BadIndexRangeNoData] = nameof(BadIndexRangeNoData),
        [BadDataEncodingInvalid] = nameof(BadDataEncodingInvalid),
        [BadDataEncodingUnsupported] = nameof(BadDataEncodingUnsupported),
        [BadNotReadable] = nameof(BadNotReadable),
        [BadNotWritable] = nameof(BadNotWritable),
        [BadOutOfRange] = nameof(BadOutOfRange),
        [BadNotSupported] = nameof(BadNotSupported),
        [BadNotFound] = nameof(BadNotFound),
        [BadObjectDeleted] = nameof(BadObjectDeleted),
        [BadNotImplemented] = nameof(BadNotImplemented),
        [BadMonitoringModeInvalid] = nameof(BadMonitoringModeInvalid),
        [BadMonitoredItemIdInvalid] = nameof(BadMonitoredItemIdInvalid),
        [BadMonitoredItemFilterInvalid] = nameof(BadMonitoredItemFilterInvalid),
        [BadMonitoredItemFilterUnsupported] = nameof(BadMonitoredItemFilterUnsupported),
        [BadFilterNotAllowed] = nameof(BadFilterNotAllowed),
        [BadStructureMissing] = nameof(BadStructureMissing),
        [BadEventFilterInvalid] = nameof(BadEventFilterInvalid),
        [BadContentFilterInvalid] = nameof(BadContentFilterInvalid),
        [BadFilterOperandInvalid] = nameof(BadFilterOperandInvalid),
        [BadContinuationPointInvalid] = nameof(BadContinuationPointInvalid),
        [BadNoContinuationPoints] = nameof(BadNoContinuationPoints),
        [BadReferenceTypeIdInvalid] = nameof(BadReferenceTypeIdInvalid),
        [BadBrowseDirectionInvalid] = nameof(BadBrowseDirectionInvalid),
        [BadNodeNotInView] = nameof(BadNodeNotInView),
        [BadServerUriInvalid] = nameof(BadServerUriInvalid),
        [BadServerNameMissing] = nameof(BadServerNameMissing),
        [BadDiscoveryUrlMissing] = nameof(BadDiscoveryUrlMissing),
        [BadSemaphoreFileMissing] = nameof(BadSemaphoreFileMissing),
        [BadRequestTypeInvalid] = nameof(BadRequestTypeInvalid),
        [BadSecurityModeRejected] = nameof(BadSecurityModeRejected),
        [BadSecurityPolicyRejected] = nameof(BadSecurityPolicyRejected),
        [BadTooManySessions] = nameof(BadTooManySessions),
        [BadUserSignatureInvalid] = nameof(BadUserSignatureInvalid),
        [BadApplicationSignatureInvalid] = nameof(BadApplicationSignatureInvalid),
        [BadNoValidCertificates] = nameof(BadNoValidCertificates),
        [BadRequestCancelledByRequest] = nameof(BadRequestCancelledByRequest),
        [BadParentNodeIdInvalid] = nameof(BadParentNodeIdInvalid),
        [BadReferenceNotAllowed] = nameof(BadReferenceNotAllowed),
        [BadNodeIdRejected] = nameof(BadNodeIdRejected),
        [BadNodeIdExists] = nameof(BadNodeIdExists),
        [BadNodeClassInvalid] = nameof(BadNodeClassInvalid),
        [BadBrowseNameInvalid] = nameof(BadBrowseNameInvalid),
        [BadBrowseNameDuplicated] = nameof(BadBrowseNameDuplicated),
        [BadNodeAttributesInvalid] = nameof(BadNodeAttributesInvalid),
        [BadTypeDefinitionInvalid] = nameof(BadTypeDefinitionInvalid),
        [BadSourceNodeIdInvalid] = nameof(BadSourceNodeIdInvalid),
        [BadTargetNodeIdInvalid] = nameof(BadTargetNodeIdInvalid),
        [BadDuplicateReferenceNotAllowed] = nameof(BadDuplicateReferenceNotAllowed),
        [BadInvalidSelfReference] = nameof(BadInvalidSelfReference),
        [BadReferenceLocalOnly] = nameof(BadReferenceLocalOnly),
        [BadNoDeleteRights] = nameof(BadNoDeleteRights),
        [BadServerIndexInvalid] = nameof(BadServerIndexInvalid),
        [BadViewIdUnknown] = nameof(BadViewIdUnknown),
        [BadTooManyMatches] = nameof(BadTooManyMatches),
        [BadQueryTooComplex] = nameof(BadQueryTooComplex),
        [BadNoMatch] = nameof(BadNoMatch),
        [BadMaxAgeInvalid] = nameof(BadMaxAgeInvalid),
        [BadHistoryOperationInvalid] = nameof(BadHistoryOperationInvalid),
        [BadHistoryOperationUnsupported] = nameof(BadHistoryOperationUnsupported),
        [BadWriteNotSupported] = nameof(BadWriteNotSupported),
        [BadTypeMismatch] = nameof(BadTypeMismatch),
        [BadMethodInvalid] = nameof(BadMethodInvalid),
        [BadArgumentsMissing] = nameof(BadArgumentsMissing),
        [BadTooManySubscriptions] = nameof(BadTooManySubscriptions),
        [BadTooManyPublishRequests] = nameof(BadTooManyPublishRequests),
        [BadNoSubscription] = nameof(BadNoSubscription),
        [BadSequenceNumberUnknown] = nameof(BadSequenceNumberUnknown),
        [BadMessageNotAvailable] = nameof(BadMessageNotAvailable),
        [BadInsufficientClientProfile] = nameof(BadInsufficientClientProfile),
        [BadTcpServerTooBusy] = nameof(BadTcpServerTooBusy),
        [BadTcpMessageTypeInvalid] = nameof(BadTcpMessageTypeInvalid),
        [BadTcpSecureChannelUnknown] = nameof(BadTcpSecureChannelUnknown),
        [BadTcpMessageTooLarge] = nameof(BadTcpMessageTooLarge),
        [BadTcpNotEnoughResources] = nameof(BadTcpNotEnoughResources),
        [BadTcpInternalError] = nameof(BadTcpInternalError),
        [BadTcpEndpointUrlInvalid] = nameof(BadTcpEndpointUrlInvalid),
        [BadRequestInterrupted] = nameof(BadRequestInterrupted),
        [BadRequestTimeout] = nameof(BadRequestTimeout),
        [BadSecureChannelClosed] = nameof(BadSecureChannelClosed),
        [BadSecureChannelTokenUnknown] = nameof(BadSecureChannelTokenUnknown),
        [BadSequenceNumberInvalid] = nameof(BadSequenceNumberInvalid),
        [BadConfigurationError] = nameof(BadConfigurationError),
        [BadNotConnected] = nameof(BadNotConnected),
        [BadDeviceFailure] = nameof(BadDeviceFailure),
        [BadSensorFailure] = nameof(BadSensorFailure),
        [BadOutOfService] = nameof(BadOutOfService),
        [BadDeadbandFilterInvalid] = nameof(BadDeadbandFilterInvalid),
        [BadRefreshInProgress] = nameof(BadRefreshInProgress),
        [BadConditionAlreadyDisabled] = nameof(BadConditionAlreadyDisabled),
        [BadConditionDisabled] = nameof(BadConditionDisabled),
        [BadEventIdUnknown] = nameof(BadEventIdUnknown),
        [BadNoData] = nameof(BadNoData),
        [BadDataLost] = nameof(BadDataLost),
        [BadDataUnavailable] = nameof(BadDataUnavailable),
        [BadEntryExists] = nameof(BadEntryExists),
        [BadNoEntryExists] = nameof(BadNoEntryExists),
        [BadTimestampNotSupported] = nameof(BadTimestampNotSupported),
        [BadInvalidArgument] = nameof(BadInvalidArgument),
        [BadConnectionRejected] = nameof(BadConnectionRejected),
        [BadDisconnect] = nameof(BadDisconnect),
        [BadConnectionClosed] = nameof(BadConnectionClosed),
        [BadInvalidState] = nameof(BadInvalidState),
        [BadEndOfStream] = nameof(BadEndOfStream),
        [BadNoDataAvailable] = nameof(BadNoDataAvailable),
        [BadWaitingForResponse] = nameof(BadWaitingForResponse),
        [BadOperationAbandoned] = nameof(BadOperationAbandoned),
        [BadExpectedStreamToBlock] = nameof(BadExpectedStreamToBlock),
        [BadWouldBlock] = nameof(BadWouldBlock),
        [BadSyntaxError] = nameof(BadSyntaxError),
        [BadMaxConnectionsReached] = nameof(BadMaxConnectionsReached),
        [BadRequestTooLarge] = nameof(BadRequestTooLarge),
        [BadResponseTooLarge] = nameof(BadResponseTooLarge),
        [BadEventNotAcknowledgeable] = nameof(BadEventNotAcknowledgeable),
        [BadInvalidTimestampArgument] = nameof(BadInvalidTimestampArgument),
        [BadProtocolVersionUnsupported] = nameof(BadProtocolVersionUnsupported),
        [BadStateNotActive] = nameof(BadStateNotActive),
        [BadFilterOperatorInvalid] = nameof(BadFilterOperatorInvalid),
        [BadFilterOperatorUnsupported] = nameof(BadFilterOperatorUnsupported),
        [BadFilterOperandCountMismatch] = nameof(BadFilterOperandCountMismatch),
        [BadFilterElementInvalid] = nameof(BadFilterElementInvalid),
        [BadFilterLiteralInvalid] = nameof(BadFilterLiteralInvalid),
        [BadIdentityChangeNotSupported] = nameof(BadIdentityChangeNotSupported),
        [BadNotTypeDefinition] = nameof(BadNotTypeDefinition),
        [BadViewTimestampInvalid] = nameof(BadViewTimestampInvalid),
        [BadViewParameterMismatch] = nameof(BadViewParameterMismatch),
        [BadViewVersionInvalid] = nameof(BadViewVersionInvalid),
        [BadConditionAlreadyEnabled] = nameof(BadConditionAlreadyEnabled),
        [BadDialogNotActive] = nameof(BadDialogNotActive),
        [BadDialogResponseInvalid] = nameof(BadDialogResponseInvalid),
        [BadConditionBranchAlreadyAcked] = nameof(BadConditionBranchAlreadyAcked),
        [BadConditionBranchAlreadyConfirmed] = nameof(BadConditionBranchAlreadyConfirmed),
        [BadConditionAlreadyShelved] = nameof(BadConditionAlreadyShelved),
        [BadConditionNotShelved] = nameof(BadConditionNotShelved),
        [BadShelvingTimeOutOfRange] = nameof(BadShelvingTimeOutOfRange),
        [BadAggregateListMismatch] = nameof(BadAggregateListMismatch),
        [BadAggregateNotSupported] = nameof(BadAggregateNotSupported),
        [BadAggregateInvalidInputs] = nameof(BadAggregateInvalidInputs),
        [BadBoundNotFound] = nameof(BadBoundNotFound),
        [BadBoundNotSupported] = nameof(BadBoundNotSupported),
        [BadAggregateConfigurationRejected] = nameof(BadAggregateConfigurationRejected),
        [BadTooManyMonitoredItems] = nameof(BadTooManyMonitoredItems),
        [BadDominantValueChanged] = nameof(BadDominantValueChanged),
        [BadDependentValueChanged] = nameof(BadDependentValueChanged),
        [BadRequestNotAllowed] = nameof(BadRequestNotAllowed),
        [BadTooManyArguments] = nameof(BadTooManyArguments),
        [BadSecurityModeInsufficient] = nameof(BadSecurityModeInsufficient),
        [BadDataSetIdInvalid] = nameof(BadDataSetIdInvalid),
        [BadTransactionPending] = nameof(BadTransactionPending),
        [BadLocked] = nameof(BadLocked),
        [BadIndexRangeDataMismatch] = nameof(BadIndexRangeDataMismatch),
        [BadRequiresLock] = nameof(BadRequiresLock),
        [BadLocaleNotSupported] = nameof(BadLocaleNotSupported),
        [BadServerTooBusy] = nameof(BadServerTooBusy),
        [BadNoValue] = nameof(BadNoValue),
        [BadTransactionFailed] = nameof(BadTransactionFailed),
        [BadCertificateChainIncomplete] = nameof(BadCertificateChainIncomplete),
        [BadLicenseExpired] = nameof(BadLicenseExpired),
        [BadLicenseLimitsExceeded] = nameof(BadLicenseLimitsExceeded),
        [BadLicenseNotAvailable] = nameof(BadLicenseNotAvailable),
        [BadNotExecutable] = nameof(BadNotExecutable),
        [BadNumericOverflow] = nameof(BadNumericOverflow),
        [BadRequestNotComplete] = nameof(BadRequestNotComplete),
        [BadCertificatePolicyCheckFailed] = nameof(BadCertificatePolicyCheckFailed),
        [BadAlreadyExists] = nameof(BadAlreadyExists),
        [BadEdited_OutOfRange] = nameof(BadEdited_OutOfRange),
        [BadInitialValue_OutOfRange] = nameof(BadInitialValue_OutOfRange),
        [BadOutOfRange_DominantValueChanged] = nameof(BadOutOfRange_DominantValueChanged),
        [BadEdited_OutOfRange_DominantValueChanged] = nameof(BadEdited_OutOfRange_DominantValueChanged),
        [BadOutOfRange_DominantValueChanged_DependentValueChanged] = nameof(BadOutOfRange_DominantValueChanged_DependentValueChanged),
        [BadEdited_OutOfRange_DominantValueChanged_DependentValueChanged] = nameof(BadEdited_OutOfRange_DominantValueChanged_DependentValueChanged),
        [BadTicketRequired] = nameof(BadTicketRequired),
        [BadTicketInvalid] = nameof(BadTicketInvalid),
    }.ToFrozenDictionary();

    /// <summary>The symbolic name of a status code (sub-code only; the info bits are ignored), or null when unknown.</summary>
    public static string? GetName(uint code)
    {
        if (Names.TryGetValue(code, out var exact))
        {
            return exact;
        }

        return Names.TryGetValue(code & 0xFFFF0000, out var name) ? name : null;
    }
}
