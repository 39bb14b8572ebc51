#!/usr/bin/env node
// Reference client for tests/benchmarks/opcua-subscribe.sh (issue 3): node-opcua subscribing to the same items as
// EdgeAgent.Benchmarks `opcua` (one session, one subscription, publishing and sampling interval 1 s, queue size 1,
// items created in calls of 500 with ClientSubscription.monitorItems), counting every value change its
// ClientMonitoredItemGroup reports. Measures its own process over the window: CPU (process.cpuUsage(), user + system)
// and peak RSS (process.resourceUsage().maxRSS). Prints progress on stderr and one JSON line on stdout.
//
//   node bench-client.js --endpoint opc.tcp://127.0.0.1:PORT --items N [--namespace URI] [--seconds S] [--warmup W]
//                        [--interval-ms 1000] [--change-ms 1000] [--batch 500]
"use strict";
const os = require("os");
const {
    OPCUAClient,
    MessageSecurityMode,
    SecurityPolicy,
    TimestampsToReturn,
    AttributeIds,
} = require("node-opcua");

function parseArgs(argv) {
    const options = {
        endpoint: "",
        items: 10000,
        namespace: "urn:edgeagent:bench:opcua",
        seconds: 30,
        warmup: 5,
        intervalMs: 1000,
        changeMs: 1000,
        batch: 500,
    };
    const numbers = { "--items": "items", "--seconds": "seconds", "--warmup": "warmup", "--interval-ms": "intervalMs", "--change-ms": "changeMs", "--batch": "batch" };
    for (let i = 0; i < argv.length; i++) {
        const name = argv[i];
        const value = argv[i + 1];
        if (value === undefined) {
            throw new Error(`${name} needs a value`);
        }
        i++;
        if (name === "--endpoint") {
            options.endpoint = value;
        } else if (name === "--namespace") {
            options.namespace = value;
        } else if (numbers[name]) {
            const n = Number(value);
            if (!Number.isFinite(n) || n < 0) {
                throw new Error(`${name} needs a number, got '${value}'`);
            }
            options[numbers[name]] = n;
        } else {
            throw new Error(`unknown option ${name}`);
        }
    }
    if (!options.endpoint.startsWith("opc.tcp://")) {
        throw new Error("--endpoint opc.tcp://host:port is required");
    }
    return options;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuSeconds = () => {
    const u = process.cpuUsage();
    return { user: u.user / 1e6, system: u.system / 1e6 };
};

async function main() {
    const options = parseArgs(process.argv.slice(2));
    const client = OPCUAClient.create({
        applicationName: "node-opcua benchmark reference",
        endpointMustExist: false,
        securityMode: MessageSecurityMode.None,
        securityPolicy: SecurityPolicy.None,
        connectionStrategy: { maxRetry: 0, initialDelay: 100, maxDelay: 200 },
        keepSessionAlive: true,
        requestedSessionTimeout: 60000,
    });
    let changes = 0;
    let reported = 0;
    const seen = new Uint8Array(options.items);
    let fatal = null;
    client.on("connection_lost", () => { fatal = fatal || "connection lost"; });

    await client.connect(options.endpoint);
    const session = await client.createSession();
    const namespaces = await session.readNamespaceArray();
    const ns = namespaces.indexOf(options.namespace);
    if (ns < 0) {
        throw new Error(`the server has no namespace ${options.namespace}`);
    }

    const setupStarted = process.hrtime.bigint();
    const subscription = await session.createSubscription2({
        requestedPublishingInterval: options.intervalMs,
        requestedMaxKeepAliveCount: 5,
        requestedLifetimeCount: 30,
        maxNotificationsPerPublish: 0,
        publishingEnabled: true,
        priority: 0,
    });
    subscription.on("terminated", () => { fatal = fatal || "subscription terminated"; });

    let good = 0;
    for (let start = 0; start < options.items; start += options.batch) {
        const end = Math.min(start + options.batch, options.items);
        const items = [];
        for (let i = start; i < end; i++) {
            items.push({ nodeId: `ns=${ns};i=${i + 1}`, attributeId: AttributeIds.Value });
        }
        const group = await subscription.monitorItems(
            items,
            { samplingInterval: options.intervalMs, queueSize: 1, discardOldest: true },
            TimestampsToReturn.Both,
        );
        for (const item of group.monitoredItems) {
            if (item.statusCode && item.statusCode.isGood()) {
                good++;
            }
        }
        group.on("changed", (_item, _dataValue, index) => {
            const i = start + index;
            if (seen[i] === 0) {
                seen[i] = 1;
                reported++;
            }
            changes++;
        });
    }
    const setupSeconds = Number(process.hrtime.bigint() - setupStarted) / 1e9;
    process.stderr.write(`node-opcua: ${good} of ${options.items} items Good, created in ${setupSeconds.toFixed(1)} s; publishing interval granted ${subscription.publishingInterval} ms\n`);

    const waitStarted = Date.now();
    while (reported < options.items) {
        if (fatal) {
            throw new Error(fatal);
        }
        if (Date.now() - waitStarted > (60 + options.items / 1000) * 1000) {
            throw new Error(`only ${reported} of ${options.items} items reported`);
        }
        await sleep(100);
    }
    process.stderr.write(`node-opcua: every item reported; warming up ${options.warmup} s, then measuring ${options.seconds} s\n`);
    await sleep(options.warmup * 1000);

    const t0 = process.hrtime.bigint();
    const c0 = cpuSeconds();
    const n0 = changes;
    let previous = { t: t0, cpu: c0, n: n0 };
    const windowMs = options.seconds * 1000;
    while (Number(process.hrtime.bigint() - t0) / 1e6 < windowMs) {
        const left = windowMs - Number(process.hrtime.bigint() - t0) / 1e6;
        await sleep(Math.min(left, 10000));
        const now = { t: process.hrtime.bigint(), cpu: cpuSeconds(), n: changes };
        const s = Number(now.t - previous.t) / 1e9;
        if (s < 1) {
            continue;
        }
        process.stderr.write(`  .. ${(Number(now.t - t0) / 1e9).toFixed(0).padStart(5)} s: ${Math.round((now.n - previous.n) / s).toLocaleString("en-US").padStart(9)} changes/s, CPU ${((now.cpu.user + now.cpu.system - previous.cpu.user - previous.cpu.system) / s).toFixed(2)} s/s, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
        previous = now;
        if (fatal) {
            throw new Error(fatal);
        }
    }
    const t1 = process.hrtime.bigint();
    const c1 = cpuSeconds();
    const n1 = changes;
    const wall = Number(t1 - t0) / 1e9;
    const user = c1.user - c0.user;
    const system = c1.system - c0.system;
    const counted = n1 - n0;
    const result = {
        client: `node-opcua ${require("node-opcua/package.json").version}`,
        node: process.version,
        items: options.items,
        itemsGood: good,
        setupSeconds: Number(setupSeconds.toFixed(1)),
        seconds: Number(wall.toFixed(1)),
        changes: counted,
        changesPerSecond: Math.round(counted / wall),
        expectedPerSecond: Math.round(options.items * 1000 / Math.max(options.intervalMs, options.changeMs)),
        cpuUserSeconds: Number(user.toFixed(3)),
        cpuSystemSeconds: Number(system.toFixed(3)),
        cpuPer100k: counted === 0 ? null : Number(((user + system) / (counted / 100000)).toFixed(4)),
        cpuPerWall: Number(((user + system) / wall).toFixed(3)),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        load: os.loadavg()[0],
    };
    process.stdout.write(JSON.stringify(result) + "\n");

    try {
        await subscription.terminate();
        await session.close();
    } finally {
        await client.disconnect();
    }
}

main().then(
    () => process.exit(0),
    (err) => {
        process.stderr.write(`node-opcua bench-client: ${err && err.message ? err.message : err}\n`);
        process.exit(1);
    },
);
