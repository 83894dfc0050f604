import Foundation
import Logging
import NIOCore
import NIOPosix

/// A native OPC UA client over UA TCP with SecurityPolicy None.
///
/// ```swift
/// let client = OPCUAClient(configuration: .init(endpointURL: "opc.tcp://127.0.0.1:4840/ms5/"), logger: logger)
/// try await client.connect()
/// let value = try await client.read(NodeID(parsing: "ns=2;s=Line1.Counter"))
/// await client.close()
/// ```
public actor OPCUAClient {
    /// The settings the client was created with.
    public nonisolated let configuration: OPCUAClientConfiguration
    private let logger: Logger
    private let group: any EventLoopGroup
    private var secureChannel: SecureChannel?
    private var sessionOpen = false
    /// Endpoints the server reported by GetEndpoints during ``connect()``.
    public private(set) var endpoints: [EndpointDescription] = []

    /// Creates a client; nothing is sent before ``connect()``.
    public init(
        configuration: OPCUAClientConfiguration, logger: Logger,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.configuration = configuration
        self.logger = logger
        self.group = eventLoopGroup
    }

    /// Opens the connection, secure channel and an activated session.
    ///
    /// Runs GetEndpoints to find the user token policy for the configured credentials,
    /// then CreateSession and ActivateSession. Throws ``OPCUAError`` (e.g. BadIdentityTokenRejected
    /// for a wrong password); on failure the connection is closed.
    public func connect() async throws {
        if secureChannel != nil { await close() }
        let channel = try await SecureChannel.open(
            endpointURL: configuration.endpointURL, requestedLifetime: configuration.secureChannelLifetime,
            requestTimeout: configuration.requestTimeout, group: group, logger: logger
        )
        secureChannel = channel
        do {
            endpoints = try await channel.call(GetEndpointsRequest(endpointURL: configuration.endpointURL)).endpoints
            let identity = try identityToken()
            let session = try await channel.call(CreateSessionRequest(
                clientDescription: ApplicationDescription(
                    applicationURI: "urn:ms5:opcua:client", productURI: "urn:ms5:opcua",
                    applicationName: "MS5 OPC UA client", applicationType: 1
                ),
                endpointURL: configuration.endpointURL, sessionName: configuration.sessionName,
                clientNonce: (0..<32).map { _ in UInt8.random(in: 0...255) },
                requestedSessionTimeout: Double(configuration.sessionTimeout.components.seconds * 1000)
            ))
            await channel.setAuthenticationToken(session.authenticationToken)
            let activation = try await channel.call(ActivateSessionRequest(identity: identity))
            if let bad = activation.results.first(where: \.isBad) {
                throw OPCUAError.status(bad, operation: "ActivateSession")
            }
            sessionOpen = true
            logger.info("OPC UA session active", metadata: ["endpoint": "\(configuration.endpointURL)", "session": "\(session.sessionID)"])
        } catch {
            await channel.close()
            secureChannel = nil
            throw error
        }
    }

    private func identityToken() throws -> UserIdentityToken {
        let policies = endpoints
            .filter { $0.securityPolicyURI == SecureChannelHandler.policyNoneURI }
            .flatMap(\.userIdentityTokens)
        let noneOK: (UserTokenPolicy) -> Bool = { policy in
            policy.securityPolicyURI.map { $0.isEmpty || $0 == SecureChannelHandler.policyNoneURI } ?? true
        }
        switch configuration.credentials {
        case .anonymous:
            let policy = policies.first { $0.tokenType == .anonymous }
            if policy == nil, !policies.isEmpty {
                throw OPCUAError.noUsableEndpoint("the server does not accept anonymous users")
            }
            return .anonymous(policyID: policy?.policyID ?? "anonymous")
        case let .userName(user, password):
            let candidates = policies.filter { $0.tokenType == .userName }
            if !policies.isEmpty, candidates.isEmpty {
                throw OPCUAError.noUsableEndpoint("the server does not accept user names")
            }
            if !candidates.isEmpty, !candidates.contains(where: noneOK) {
                throw OPCUAError.noUsableEndpoint("the server requires an encrypted password, which SecurityPolicy None cannot provide")
            }
            let policy = candidates.first(where: noneOK)
            return .userName(policyID: policy?.policyID ?? "username", user: user, password: password)
        }
    }

    private func connectedChannel() throws -> SecureChannel {
        guard let secureChannel, sessionOpen else { throw OPCUAError.notConnected }
        return secureChannel
    }

    /// True while the session's connection is open.
    public var isConnected: Bool {
        get async {
            guard let secureChannel, sessionOpen else { return false }
            return await secureChannel.isActive
        }
    }

    /// Id of the current secure channel security token (changes when the token is renewed).
    public var securityTokenID: UInt32? {
        get async { await secureChannel?.tokenID }
    }

    /// How many times the security token was renewed on the current connection.
    public var securityTokenRenewals: Int {
        get async { await secureChannel?.renewals ?? 0 }
    }

    /// Waits until the connection closes (returns at once when not connected).
    public func waitUntilDisconnected() async {
        guard let secureChannel else { return }
        try? await secureChannel.closeFuture.get()
    }

    // MARK: Browse

    /// Browses one page of references of `node`; follow with ``browseNext(_:)`` while the continuation point is non-empty.
    public func browseFirstPage(
        _ node: NodeID, direction: BrowseDirection = .forward,
        referenceType: NodeID = NodeID(numeric: 33), includeSubtypes: Bool = true, maxReferencesPerNode: UInt32 = 0
    ) async throws -> BrowsePage {
        let response = try await connectedChannel().call(BrowseRequest(
            nodeID: node, direction: direction, referenceTypeID: referenceType,
            includeSubtypes: includeSubtypes, maxReferencesPerNode: maxReferencesPerNode
        ))
        guard let page = response.results.first else { throw OPCUAError.protocolViolation("Browse returned no result") }
        if page.status.isBad { throw OPCUAError.status(page.status, operation: "Browse \(node)") }
        return page
    }

    /// Fetches the next page for a continuation point returned by Browse or BrowseNext.
    public func browseNext(_ continuationPoint: [UInt8]) async throws -> BrowsePage {
        let response = try await connectedChannel().call(BrowseNextRequest(releaseContinuationPoints: false, continuationPoints: [continuationPoint]))
        guard let page = response.results.first else { throw OPCUAError.protocolViolation("BrowseNext returned no result") }
        if page.status.isBad { throw OPCUAError.status(page.status, operation: "BrowseNext") }
        return page
    }

    /// Returns all references of `node` (hierarchical, forward by default), following continuation points.
    public func browse(
        _ node: NodeID, direction: BrowseDirection = .forward,
        referenceType: NodeID = NodeID(numeric: 33), maxReferencesPerNode: UInt32 = 0
    ) async throws -> [ReferenceDescription] {
        var page = try await browseFirstPage(node, direction: direction, referenceType: referenceType, maxReferencesPerNode: maxReferencesPerNode)
        var references = page.references
        while !page.continuationPoint.isEmpty {
            page = try await browseNext(page.continuationPoint)
            references += page.references
        }
        return references
    }

    /// Resolves a path of browse names from `start` along hierarchical references to a node id.
    ///
    /// Throws BadNoMatch when no node matches.
    public func translate(startingAt start: NodeID, path: [QualifiedName]) async throws -> NodeID {
        let response = try await connectedChannel().call(TranslateBrowsePathsRequest(startingNode: start, path: path))
        guard let result = response.results.first else { throw OPCUAError.protocolViolation("TranslateBrowsePaths returned no result") }
        let operation = "TranslateBrowsePath \(start)/" + path.map(\.description).joined(separator: "/")
        if result.status.isBad { throw OPCUAError.status(result.status, operation: operation) }
        guard let target = result.targets.first else { throw OPCUAError.status(StatusCode(rawValue: 0x806F_0000), operation: operation) }
        return target.nodeID
    }

    // MARK: Read and write

    /// Reads an attribute (the Value by default) of several nodes; per-node failures are in each DataValue's status.
    public func read(_ nodes: [NodeID], attribute: AttributeID = .value) async throws -> [DataValue] {
        let response = try await connectedChannel().call(ReadRequest(nodes: nodes.map { ReadValueID(nodeID: $0, attribute: attribute) }))
        guard response.results.count == nodes.count else {
            throw OPCUAError.protocolViolation("Read returned \(response.results.count) results for \(nodes.count) nodes")
        }
        return response.results
    }

    /// Reads one node's attribute, throwing ``OPCUAError/status(_:operation:)`` when its status is bad.
    public func read(_ node: NodeID, attribute: AttributeID = .value) async throws -> DataValue {
        let value = try await read([node], attribute: attribute)[0]
        if value.status.isBad { throw OPCUAError.status(value.status, operation: "Read \(node)") }
        return value
    }

    /// Writes the Value attribute of several nodes; returns one status per node.
    public func write(_ values: [(node: NodeID, value: OPCUAValue)]) async throws -> [StatusCode] {
        let response = try await connectedChannel().call(WriteRequest(values: values.map { ($0.node, .value, DataValue(value: $0.value)) }))
        guard response.results.count == values.count else {
            throw OPCUAError.protocolViolation("Write returned \(response.results.count) results for \(values.count) nodes")
        }
        return response.results
    }

    /// Writes one node's Value, throwing ``OPCUAError/status(_:operation:)`` when the server refuses it.
    public func write(_ node: NodeID, value: OPCUAValue) async throws {
        let status = try await write([(node, value)])[0]
        if status.isBad { throw OPCUAError.status(status, operation: "Write \(node)") }
    }

    // MARK: Subscriptions

    /// Creates a subscription; returns the parameters as revised by the server (with its id).
    public func createSubscription(_ parameters: SubscriptionParameters) async throws -> SubscriptionParameters {
        try await connectedChannel().call(CreateSubscriptionRequest(parameters: parameters)).revised
    }

    /// Adds data-change monitored items (Value attribute, reporting mode) to a subscription.
    public func createMonitoredItems(subscriptionID: UInt32, items: [MonitoredItemRequest]) async throws -> [MonitoredItemResult] {
        try await connectedChannel().call(CreateMonitoredItemsRequest(subscriptionID: subscriptionID, items: items)).results
    }

    /// Deletes subscriptions; returns one status per id.
    public func deleteSubscriptions(_ ids: [UInt32]) async throws -> [StatusCode] {
        try await connectedChannel().call(DeleteSubscriptionsRequest(subscriptionIDs: ids)).results
    }

    /// Sends one Publish request and waits for the next notification message or keep-alive.
    ///
    /// `timeout` must exceed the publishing interval times the keep-alive count.
    public func publish(acknowledging acknowledgements: [SubscriptionAcknowledgement], timeout: Duration) async throws -> PublishResult {
        try await connectedChannel().call(PublishRequest(acknowledgements: acknowledgements), timeout: timeout).result
    }

    // MARK: Close

    /// Closes the session (deleting its subscriptions) and the secure channel; never throws.
    public func close() async {
        guard let channel = secureChannel else { return }
        secureChannel = nil
        if sessionOpen, await channel.isActive {
            _ = try? await channel.call(CloseSessionRequest(deleteSubscriptions: true), timeout: .seconds(2))
        }
        sessionOpen = false
        await channel.close()
    }
}
