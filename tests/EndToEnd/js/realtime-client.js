// End-to-end scenario with the official SignalR JavaScript client against a running server:
//   node realtime-client.js <baseUrl> <roomId> <aliceToken> <aliceUserName> <bobToken>
// Alice and Bob connect with their access tokens; Bob follows Alice over REST and Alice receives the
// `notification`; both join the room and exchange `roomMessage`s. Prints one line per step; exits 0 when
// everything arrived, 1 on the first failure or after 30 s.
"use strict";
const signalR = require("@microsoft/signalr");

const [baseUrl, roomId, aliceToken, aliceUserName, bobToken] = process.argv.slice(2);
if (!bobToken) {
  console.error("usage: node realtime-client.js <baseUrl> <roomId> <aliceToken> <aliceUserName> <bobToken>");
  process.exit(2);
}

const timeout = setTimeout(() => fail(new Error("timed out after 30 s")), 30_000);

function fail(error) {
  console.error(`FAILED: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
}

function connect(token) {
  return new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/realtime`, { accessTokenFactory: () => token })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

// Resolves with the first `eventName` event whose payload satisfies `match`.
function nextEvent(connection, eventName, match) {
  return new Promise((resolve) => {
    const handler = (payload) => {
      if (!match(payload)) return;
      connection.off(eventName, handler);
      resolve(payload);
    };
    connection.on(eventName, handler);
  });
}

async function main() {
  const alice = connect(aliceToken);
  const bob = connect(bobToken);
  await alice.start();
  await bob.start();
  console.log("connected");

  const followNotification = nextEvent(alice, "notification", (n) => n.type === "follow");
  const followed = await fetch(`${baseUrl}/api/users/${aliceUserName}/follow`, {
    method: "PUT",
    headers: { Authorization: `Bearer ${bobToken}` },
  });
  if (followed.status !== 204) throw new Error(`follow answered ${followed.status}`);
  const notification = await followNotification;
  console.log(`notification ${notification.type} from ${notification.actor.userName}`);

  const joined = await alice.invoke("JoinRoom", roomId);
  await bob.invoke("JoinRoom", roomId);
  console.log(`joined ${joined.room.name}`);

  const bobHearsAlice = nextEvent(bob, "roomMessage", (m) => m.message.text === "hello from alice");
  await alice.invoke("SendMessage", roomId, "hello from alice");
  const heard = await bobHearsAlice;
  console.log(`bob received roomMessage "${heard.message.text}" from ${heard.message.sender.userName} in room ${heard.roomId}`);

  const aliceHearsBob = nextEvent(alice, "roomMessage", (m) => m.message.text === "hi alice");
  await bob.invoke("SendMessage", roomId, "hi alice");
  const reply = await aliceHearsBob;
  console.log(`alice received roomMessage "${reply.message.text}" from ${reply.message.sender.userName}`);

  await alice.stop();
  await bob.stop();
  clearTimeout(timeout);
  console.log("done");
}

main().catch(fail);
