// node-opcua test peer for EdgeAgent.OpcUa integration tests.
// Usage: node server.js PORT
// Binds 127.0.0.1 only, serves the conformance-testing address space plus a few variables of our own
// in "urn:edgeagent:test" that change every 100 ms, one user (edgeagent / edgeagent-pw), anonymous allowed.
// Endpoints: None, and Basic256Sha256 / Aes128_Sha256_RsaOaep / Aes256_Sha256_RsaPss in Sign and SignAndEncrypt.
// Prints "READY opc.tcp://127.0.0.1:PORT/UA/EdgeAgentTest" once it accepts connections.
"use strict";
const path = require("path");
const os = require("os");
const fs = require("fs");
const {
  OPCUAServer,
  Variant,
  DataType,
  StatusCodes,
  MessageSecurityMode,
  SecurityPolicy,
  OPCUACertificateManager,
  nodesets
} = require("node-opcua");
const { build_address_space_for_conformance_testing } = require("node-opcua-address-space-for-conformance-testing");

const port = parseInt(process.argv[2] || "48400", 10);
const maxSessions = parseInt(process.env.OPCUA_MAX_SESSIONS || "20", 10);
// Each server gets its own PKI folder so parallel test runs never share certificate state. The test harness passes
// OPCUA_PKI_DIR (and deletes it after killing us); run by hand, a temporary folder is removed on SIGTERM/SIGINT.
const ownPki = !process.env.OPCUA_PKI_DIR;
const pkiRoot = process.env.OPCUA_PKI_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "edgeagent-opcua-pki-"));
// Client certificates are accepted automatically unless OPCUA_TRUST_CLIENTS=0: then an unknown client certificate is
// put in PKI/server/rejected and refused until the test moves it to PKI/server/trusted/certs (watched by node-opcua).
const trustClients = process.env.OPCUA_TRUST_CLIENTS !== "0";

async function main() {
  const server = new OPCUAServer({
    port,
    host: "127.0.0.1",
    hostname: "127.0.0.1",
    resourcePath: "/UA/EdgeAgentTest",
    nodeset_filename: [nodesets.standard],
    maxConnectionsPerEndpoint: 50,
    serverCapabilities: { maxSessions },
    allowAnonymous: true,
    securityModes: [MessageSecurityMode.None, MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt],
    securityPolicies: [SecurityPolicy.None, SecurityPolicy.Basic256Sha256, SecurityPolicy.Aes128_Sha256_RsaOaep, SecurityPolicy.Aes256_Sha256_RsaPss],
    serverCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(pkiRoot, "server"), automaticallyAcceptUnknownCertificate: trustClients }),
    userCertificateManager: new OPCUACertificateManager({ rootFolder: path.join(pkiRoot, "user"), automaticallyAcceptUnknownCertificate: true }),
    userManager: {
      isValidUser: (userName, password) => userName === "edgeagent" && password === "edgeagent-pw"
    },
    serverInfo: { applicationUri: "urn:edgeagent:test-server", productUri: "urn:edgeagent:test-server" },
    buildInfo: { productName: "EdgeAgentTestServer", buildNumber: "1" }
  });

  await server.initialize();
  const addressSpace = server.engine.addressSpace;
  await build_address_space_for_conformance_testing(addressSpace, { mass_variables: false });

  const ns = addressSpace.registerNamespace("urn:edgeagent:test");
  const objects = addressSpace.rootFolder.objects;
  const machine = ns.addObject({ organizedBy: objects, browseName: "Machine1", nodeId: "s=Machine1" });

  let tick = 0;
  const variable = (browseName, dataType, value, extra) => ns.addVariable({
    componentOf: machine,
    browseName,
    nodeId: `s=Machine1.${browseName}`,
    dataType,
    minimumSamplingInterval: 50,
    value: new Variant({ dataType: DataType[dataType], value }),
    ...extra
  });
  const counter = variable("Counter", "UInt32", 0);
  const temperature = variable("Temperature", "Double", 0);
  // Steps 0,1,...,9 by one unit every 100 ms: with an absolute deadband of 2.5 only every third step reports.
  const step = variable("Step", "Double", 0);
  variable("Name", "String", "CNC-01");
  const axes = ns.addVariable({
    componentOf: machine, browseName: "Axes", nodeId: "s=Machine1.Axes", dataType: "Double", valueRank: 1, arrayDimensions: [3],
    minimumSamplingInterval: 50,
    value: new Variant({ dataType: DataType.Double, arrayType: 1, value: new Float64Array([1.5, 2.5, 0]) })
  });
  // An AnalogItem with EURange 0..10 stepping like Step: a 25 % deadband is 2.5 units.
  const level = ns.addAnalogDataItem({
    componentOf: machine, browseName: "Level", nodeId: "s=Machine1.Level", dataType: "Double",
    engineeringUnitsRange: { low: 0, high: 10 }, minimumSamplingInterval: 50,
    value: new Variant({ dataType: DataType.Double, value: 0 })
  });
  // Not readable by anybody: exercises per-operation status codes.
  variable("Secret", "Int32", 42, { accessLevel: 0, userAccessLevel: 0 });

  const timer = setInterval(() => {
    tick = (tick + 1) >>> 0;
    counter.setValueFromSource(new Variant({ dataType: DataType.UInt32, value: tick }));
    temperature.setValueFromSource(new Variant({ dataType: DataType.Double, value: Math.round(Math.sin(tick / 10) * 1000) / 10 }));
    step.setValueFromSource(new Variant({ dataType: DataType.Double, value: tick % 10 }));
    level.setValueFromSource(new Variant({ dataType: DataType.Double, value: tick % 10 }));
    axes.setValueFromSource(new Variant({ dataType: DataType.Double, arrayType: 1, value: new Float64Array([1.5, 2.5, tick]) }));
  }, 100);

  await server.start();
  const endpointUrl = server.getEndpointUrl();
  process.stdout.write(`READY ${endpointUrl}\n`);

  const stop = async () => {
    clearInterval(timer);
    try { await server.shutdown(0); } catch { /* exiting anyway */ }
    if (ownPki) {
      try { fs.rmSync(pkiRoot, { recursive: true, force: true }); } catch { /* best effort */ }
    }
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // When the test host dies without killing us, stdin closes: exit rather than linger.
  process.stdin.on("end", stop);
  process.stdin.resume();
}

main().catch((err) => {
  process.stderr.write(`FAILED ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
