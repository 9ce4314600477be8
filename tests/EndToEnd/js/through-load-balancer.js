// The official SignalR JavaScript client through a load balancer in front of several nodes:
//   node through-load-balancer.js <balancerUrl> <transport> <connections> <nodeUrl> <followerToken> [<nodeUrl> <followerToken> ...]
// <transport> is "default" (no transport option: negotiate, then WebSockets) or one of signalR.HttpTransportType's
// names ("ServerSentEvents", "LongPolling"). For each of <connections> fresh users: sign up through the balancer,
// connect through it with the given options, then each follower follows the user through its own node, so the
// user's connection must receive a `notification` from every node: from at least all but one of them across nodes.
// Prints one line per connection ("connection 3: WebSockets, notified from 3 nodes") and exits 0 when every
// connection got every notification, 1 at the first failure.
"use strict";
const signalR = require("@microsoft/signalr");

const [balancerUrl, transportName, connectionCount, ...nodesAndFollowers] = process.argv.slice(2);
const followers = [];
for (let i = 0; i + 1 < nodesAndFollowers.length; i += 2) followers.push({ nodeUrl: nodesAndFollowers[i], token: nodesAndFollowers[i + 1] });
if (!connectionCount || followers.length === 0) {
  console.error("usage: node through-load-balancer.js <balancerUrl> <transport> <connections> <nodeUrl> <followerToken> [...]");
  process.exit(2);
}

const patience = 20_000;
const password = "correct-horse-battery";
const runId = Math.random().toString(36).slice(2, 8);

function fail(error) {
  console.error(`FAILED: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
}

async function request(baseUrl, method, path, body, token) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function signUp(userName) {
  await request(balancerUrl, "POST", "/api/auth/register", { userName, email: `${userName}@example.test`, password, displayName: userName });
  return (await request(balancerUrl, "POST", "/api/auth/login", { login: userName, password })).accessToken;
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), patience); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function oneConnection(index) {
  const userName = `lb_${runId}_${index}`;
  const token = await signUp(userName);
  const options = { accessTokenFactory: () => token };
  if (transportName !== "default") options.transport = signalR.HttpTransportType[transportName];
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${balancerUrl}/hubs/realtime`, options)
    .configureLogging(signalR.LogLevel.Warning)
    .build();

  const notifiedBy = new Set();
  const allNotified = new Promise((resolve) => {
    connection.on("notification", (notification) => {
      notifiedBy.add(notification.actor.id);
      if (notifiedBy.size === followers.length) resolve();
    });
  });
  await withTimeout(connection.start(), `connection ${index} to start`);
  // The transport the client settled on: the default options must end on WebSockets, not on a fallback.
  const transport = connection.connection.transport.constructor.name.replace(/Transport$/, "");
  try {
    for (const follower of followers) await request(follower.nodeUrl, "PUT", `/api/users/${userName}/follow`, undefined, follower.token);
    await withTimeout(allNotified, `connection ${index}'s notifications (got ${notifiedBy.size} of ${followers.length})`);
  } finally {
    await connection.stop();
  }
  console.log(`connection ${index}: ${transport}, notified from ${notifiedBy.size} nodes`);
}

async function main() {
  for (let i = 1; i <= Number(connectionCount); i++) await oneConnection(i);
  console.log("done");
}

main().catch(fail);
