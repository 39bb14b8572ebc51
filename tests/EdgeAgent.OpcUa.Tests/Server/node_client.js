// node-opcua 2.182.2's OPCUAClient against our OPC UA server (interop proof for EdgeAgent.OpcUa.Server).
// Usage: NODE_PATH=tests/peers/opcua/node_modules node node_client.js ENDPOINT_URL NAMESPACE_URI
// Connects (None/None, anonymous), reads the namespace array, browses Objects and the machine, translates a
// browse path, reads values, subscribes to Speed, collects changes, closes; prints one JSON line with what it saw.
"use strict";
const {
  OPCUAClient, MessageSecurityMode, SecurityPolicy, AttributeIds, ClientSubscription, ClientMonitoredItem,
  TimestampsToReturn, makeBrowsePath, BrowseDirection
} = require("node-opcua");

async function main() {
  const [endpointUrl, namespaceUri] = process.argv.slice(2);
  const client = OPCUAClient.create({
    applicationName: "node-opcua interop client",
    endpointMustExist: false,
    securityMode: MessageSecurityMode.None,
    securityPolicy: SecurityPolicy.None,
    connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
    keepSessionAlive: false
  });
  const result = {};
  await client.connect(endpointUrl);
  const endpoints = await client.getEndpoints();
  result.endpoints = endpoints.map(e => ({ url: e.endpointUrl, mode: MessageSecurityMode[e.securityMode], policy: e.securityPolicyUri }));
  const session = await client.createSession();
  result.sessionCreated = true;

  const namespaces = await session.readNamespaceArray();
  const ns = namespaces.indexOf(namespaceUri);
  result.namespaceIndex = ns;

  const objects = await session.browse({ nodeId: "ns=0;i=85", browseDirection: BrowseDirection.Forward, referenceTypeId: "HierarchicalReferences", includeSubtypes: true, resultMask: 63 });
  result.objects = objects.references.map(r => r.browseName.toString());

  const paths = await session.translateBrowsePath(makeBrowsePath("ObjectsFolder", `/${ns}:Plant/${ns}:Cnc1/${ns}:Speed`));
  result.translateStatus = paths.statusCode.name;
  const speedId = paths.targets[0].targetId.toString();
  result.speedNodeId = speedId;

  const machine = await session.browse(`ns=${ns};s=Cnc1`);
  result.machineChildren = machine.references.map(r => r.browseName.name).sort();

  const values = await session.read([
    { nodeId: speedId, attributeId: AttributeIds.Value },
    { nodeId: `ns=${ns};s=Cnc1.Program`, attributeId: AttributeIds.Value },
    { nodeId: `ns=${ns};s=Cnc1.Secret`, attributeId: AttributeIds.Value },
    { nodeId: `ns=${ns};s=Cnc1.Speed`, attributeId: AttributeIds.DisplayName }
  ]);
  result.read = values.map(v => ({ status: v.statusCode.name, value: v.value.value && v.value.value.text !== undefined ? v.value.value.text : v.value.value }));

  const subscription = ClientSubscription.create(session, {
    requestedPublishingInterval: 100, requestedLifetimeCount: 100, requestedMaxKeepAliveCount: 10,
    maxNotificationsPerPublish: 0, publishingEnabled: true, priority: 1
  });
  await new Promise((resolve, reject) => { subscription.once("started", resolve); subscription.once("internal_error", reject); });
  const item = ClientMonitoredItem.create(subscription, { nodeId: speedId, attributeId: AttributeIds.Value },
    { samplingInterval: 100, discardOldest: true, queueSize: 10 }, TimestampsToReturn.Both);
  const changes = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no changes: " + JSON.stringify(changes))), 15000);
    item.on("changed", dv => {
      changes.push(dv.value.value);
      // Tell the test (it changes the value when it sees this line) and stop after the first value plus two changes.
      process.stdout.write(`CHANGE ${dv.value.value}\n`);
      if (changes.length >= 3) { clearTimeout(timer); resolve(); }
    });
  });
  result.changes = changes;
  await subscription.terminate();
  await session.close();
  await client.disconnect();
  result.closed = true;
  process.stdout.write("RESULT " + JSON.stringify(result) + "\n");
}

main().catch(err => {
  process.stdout.write("FAILED " + (err && err.stack ? err.stack : err) + "\n");
  process.exit(1);
});
