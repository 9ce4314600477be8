// The demo client: how a browser uses the CleanBackend API (REST under /api) and its SignalR hub
// (/hubs/realtime, contract in docs/realtime.md). Plain JavaScript modules, no build step; `signalR` is the
// global of the official @microsoft/signalr browser client.
import { ApiError, accessToken, api, currentSession, signIn, signOut, signUp } from "/js/session.js";
import { element, formatTime, show } from "/js/dom.js";

const $ = (selector) => document.querySelector(selector);

const state = {
  user: null,
  connection: null,
  feedCursor: null,
  roomId: null,
  room: null,
  // The list being paged on the current view (search results, a profile's posts, a post's comments).
  search: { query: "", cursor: null },
  profile: { userName: null, cursor: null, followed: false },
  post: { id: null, cursor: null },
};

document.addEventListener("DOMContentLoaded", () => {
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  $("#sign-in-form").addEventListener("submit", submitting(onSignIn));
  $("#sign-up-form").addEventListener("submit", submitting(onSignUp));
  $("#sign-out").addEventListener("click", onSignOut);
  $("#compose").addEventListener("submit", submitting(onPost));
  $("#compose-image").addEventListener("change", onImageChosen);
  $("#feed-more").addEventListener("click", () => loadFeed({ older: true }));
  $("#search-form").addEventListener("submit", submitting(onSearch));
  $("#search-more").addEventListener("click", () => loadSearch({ more: true }).catch(showIn("#view-search .error")));
  $("#follow-button").addEventListener("click", () => toggleFollow().catch(showIn("#profile-error")));
  $("#profile-more").addEventListener("click", () => loadProfilePosts({ more: true }).catch(showIn("#profile-error")));
  $("#comment-form").addEventListener("submit", submitting(onComment));
  $("#comments-more").addEventListener("click", () => loadComments({ more: true }).catch(showIn("#post-error")));
  $("#invite-form").addEventListener("submit", submitting(onInvite));
  window.addEventListener("hashchange", () => route());
  $("#bell").addEventListener("click", toggleNotifications);
  $("#mark-read").addEventListener("click", onMarkAllRead);
  $("#room-form").addEventListener("submit", submitting(onJoinRoom));
  $("#rooms-refresh").addEventListener("click", () => loadRooms($("#room-select").value));
  $("#new-room-form").addEventListener("submit", submitting(onCreateRoom));
  $("#message-form").addEventListener("submit", submitting(onSendMessage));
  $("#broadcast-form").addEventListener("submit", submitting(onBroadcast));
  // Like buttons live in every list of posts: one listener for all of them.
  document.addEventListener("click", (event) => {
    const like = event.target.closest("button.like");
    if (like) toggleLike(like).catch(showIn("#page-error"));
  });
  $(".broadcast-close").addEventListener("click", () => show($("#broadcast"), false));
  for (const link of document.querySelectorAll("a.jobs-dashboard")) link.addEventListener("click", openJobsDashboard);
  start();
});

// ---- Signing in and out -------------------------------------------------------------------------------

async function start() {
  const session = currentSession();
  state.user = session?.user ?? null;
  show($("#auth"), !state.user);
  show($("#app"), Boolean(state.user));
  for (const id of ["#bell", "#sign-out", "#live", "#nav"]) show($(id), Boolean(state.user));
  show($("#admin"), state.user?.role === "admin");
  show($("#jobs-link"), state.user?.role === "admin");
  $("#me").textContent = state.user ? state.user.displayName : "";
  $("#me").href = state.user ? profileLink(state.user.userName) : "#/";
  if (!state.user) return;

  try {
    await Promise.all([loadFeed({ older: false }), loadUnreadCount(), loadRooms(), loadBroadcasts(), route()]);
  } catch (error) {
    if (error.status === 401) return restart();
    throw error;
  }
  await connect();
}

function showTab(formId) {
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.tab === formId);
  show($("#sign-in-form"), formId === "sign-in-form");
  show($("#sign-up-form"), formId === "sign-up-form");
}

async function onSignIn(form) {
  await signIn(form.login.value.trim(), form.password.value);
  form.reset();
  await start();
}

async function onSignUp(form) {
  await signUp({
    userName: form.userName.value.trim(),
    displayName: form.displayName.value.trim(),
    email: form.email.value.trim(),
    password: form.password.value,
  });
  form.reset();
  await start();
}

async function onSignOut() {
  await restart();
}

/** Ends the session and the hub connection, and shows the sign-in form. */
async function restart() {
  const connection = state.connection;
  state.connection = null;
  state.roomId = null;
  state.feedCursor = null;
  await connection?.stop();
  await signOut();
  for (const list of ["#feed", "#notification-list", "#room-messages", "#online-users", "#broadcasts", "#search-results", "#profile-posts", "#post-single", "#comments"])
    $(list).replaceChildren();
  history.replaceState(null, "", "/");
  show($("#room"), false);
  show($("#notifications"), false);
  await start();
}

/**
 * Wraps a form's submit handler: no page reload, the button disabled while it runs, and the API's
 * problem (400 field errors, 409 ...) shown in the form's .error line.
 */
function submitting(handler) {
  return async (event) => {
    event.preventDefault();
    const form = event.target;
    const button = form.querySelector("button[type=submit]");
    const error = form.querySelector(".error") ?? form.parentElement.querySelector(".error") ?? $("#chat-error");
    error.textContent = "";
    button.disabled = true;
    try {
      await handler(form);
    } catch (failure) {
      error.textContent = failure instanceof ApiError && failure.status === 401 && form.id === "sign-in-form"
        ? "Wrong user name or password."
        : hubReason(failure);
    } finally {
      button.disabled = false;
    }
  };
}

/** SignalR wraps a hub method's error in a fixed text; the part after "HubException: " is the reason. */
function hubReason(error) {
  return error.message.split("HubException: ")[1] ?? error.message;
}

// ---- The realtime connection ----------------------------------------------------------------------------

async function connect() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/realtime", { accessTokenFactory: accessToken })
    .withAutomaticReconnect()
    .build();
  state.connection = connection;

  connection.on("feedItem", (post) => addPost(post, { prepend: true }));
  connection.on("notification", (notification) => addNotification(notification, { prepend: true }));
  connection.on("unreadCount", ({ count }) => setUnreadCount(count));
  connection.on("roomMessage", ({ roomId, message }) => {
    if (roomId === state.roomId) addMessage(message);
  });
  connection.on("presence", ({ roomId, user, online }) => {
    if (roomId === state.roomId) setOnline(user, online);
  });
  connection.on("broadcast", (broadcast) => {
    showBroadcast(`${broadcast.from.displayName}: ${broadcast.message}`);
    addBroadcast(broadcast, { prepend: true });
  });

  connection.onreconnecting(() => setLive("reconnecting"));
  // Pushes are not queued for absent clients: after a reconnect, rejoin the room and read what was missed.
  connection.onreconnected(async () => {
    setLive("live");
    if (state.roomId) await joinRoom(state.roomId);
    await Promise.all([loadFeed({ older: false }), loadUnreadCount(), loadBroadcasts()]);
  });
  connection.onclose(() => {
    if (state.connection === connection) setLive("offline");
  });

  setLive("connecting");
  try {
    await connection.start();
    setLive("live");
  } catch (error) {
    setLive("offline");
    $("#chat-error").textContent = `Live updates are unavailable: ${error.message}`;
  }
}

function setLive(status) {
  $("#live").dataset.status = status;
  $("#live .live-text").textContent = status;
}

function showBroadcast(text) {
  $("#broadcast .broadcast-text").textContent = text;
  show($("#broadcast"), true);
}

// ---- Posts and the home feed ------------------------------------------------------------------------------

function onImageChosen() {
  const file = $("#compose-image").files[0];
  const preview = $("#compose-preview");
  if (preview.src) URL.revokeObjectURL(preview.src);
  $("#compose-file").textContent = file ? file.name : "";
  preview.src = file ? URL.createObjectURL(file) : "";
  show(preview, Boolean(file));
}

/** An image is uploaded first (POST /api/media), then the post names it (POST /api/posts {text, mediaIds}). */
async function onPost(form) {
  const file = $("#compose-image").files[0];
  const mediaIds = [];
  if (file) {
    const upload = new FormData();
    upload.append("file", file);
    mediaIds.push((await api("POST", "/api/media", upload)).id);
  }
  const post = await api("POST", "/api/posts", { text: form.text.value, mediaIds });
  form.reset();
  onImageChosen();
  addPost(post, { prepend: true });
}

async function loadFeed({ older }) {
  const query = new URLSearchParams({ limit: "20" });
  if (older && state.feedCursor) query.set("cursor", state.feedCursor);
  const page = await api("GET", `/api/feed?${query}`);
  if (older) for (const post of page.items) addPost(post, { prepend: false });
  else for (const post of [...page.items].reverse()) addPost(post, { prepend: true });
  if (older || !state.feedCursor) state.feedCursor = page.nextCursor;
  show($("#feed-more"), Boolean(state.feedCursor));
  show($("#feed-empty"), $("#feed").childElementCount === 0);
}

/** Adds a post to the home feed unless it is there already: pushes arrive at least once, and may overlap a page just read. */
function addPost(post, { prepend }) {
  const feed = $("#feed");
  if (feed.querySelector(`[data-post-id="${post.id}"]`)) return;
  if (prepend) feed.prepend(postItem(post));
  else feed.append(postItem(post));
  show($("#feed-empty"), false);
}

/** A post as every list shows it: author (a link to the profile), text, images, like and comment counts. */
function postItem(post) {
  return element("li", { class: "post", dataset: { postId: post.id } },
    element("div", { class: "post-head" },
      element("span", { class: "avatar", "aria-hidden": "true" }, initials(post.author.displayName)),
      element("div", { class: "post-who" },
        element("a", { class: "author", href: profileLink(post.author.userName) },
          element("span", { class: "strong" }, post.author.displayName), " ",
          element("span", { class: "muted" }, `@${post.author.userName}`)),
        element("a", { class: "muted small", href: postLink(post.id) },
          element("time", { datetime: post.createdAt }, formatTime(post.createdAt))))),
    element("p", { class: "post-text" }, post.text),
    post.media.map((media) => element("img", { class: "post-image", src: media.url, alt: "", loading: "lazy" })),
    postActions(post));
}

function postActions(post) {
  return element("div", { class: "post-actions" },
    element("button", {
      type: "button", class: post.likedByMe ? "like liked" : "like", "aria-pressed": String(post.likedByMe),
      title: post.likedByMe ? "Unlike" : "Like", dataset: { postId: post.id },
    }, element("span", { "aria-hidden": "true" }, post.likedByMe ? "♥" : "♡"), " ", element("span", { class: "like-count" }, String(post.likeCount))),
    element("a", { class: "comments-link", href: postLink(post.id) },
      element("span", { class: "comment-count" }, String(post.commentCount)), post.commentCount === 1 ? " comment" : " comments"));
}

/** Likes or unlikes, then shows the post's new counts wherever it is listed. */
async function toggleLike(button) {
  const id = button.dataset.postId;
  button.disabled = true;
  try {
    await api(button.classList.contains("liked") ? "DELETE" : "PUT", `/api/posts/${id}/like`);
    refreshPost(await api("GET", `/api/posts/${id}`));
  } finally {
    button.disabled = false;
  }
}

function refreshPost(post) {
  for (const actions of document.querySelectorAll(`.post[data-post-id="${post.id}"] .post-actions`)) actions.replaceWith(postActions(post));
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).slice(0, 2).map((part) => part[0].toUpperCase()).join("");
}

// ---- Views: #/ (home), #/search, #/users/{userName}, #/posts/{id} ---------------------------------------

const profileLink = (userName) => `#/users/${encodeURIComponent(userName)}`;
const postLink = (id) => `#/posts/${id}`;

async function route() {
  if (!state.user) return;
  const [, view, argument] = location.hash.split("/");
  const name = { search: "search", users: "profile", posts: "post" }[view] ?? "home";
  for (const section of document.querySelectorAll(".view")) show(section, section.id === `view-${name}`);
  show($("#notifications"), false);
  $("#page-error").textContent = "";
  window.scrollTo(0, 0);
  const id = decodeURIComponent(argument ?? "");
  if (name === "profile") await openProfile(id).catch(showIn("#profile-error"));
  if (name === "post") await openPost(id).catch(showIn("#post-error"));
  if (name === "search") $("#search-form [name=query]").focus();
}

/** Shows a failure's message (the API's ProblemDetails, see session.js) in the element. */
function showIn(selector) {
  return (error) => {
    $(selector).textContent = error.message;
  };
}

// ---- Search ---------------------------------------------------------------------------------------------

async function onSearch(form) {
  state.search = { query: form.query.value.trim(), cursor: null };
  $("#search-results").replaceChildren();
  await loadSearch({ more: false });
}

async function loadSearch({ more }) {
  const query = new URLSearchParams({ query: state.search.query, limit: "20" });
  if (more && state.search.cursor) query.set("cursor", state.search.cursor);
  const page = await api("GET", `/api/users?${query}`);
  $("#search-results").append(...page.items.map((user) =>
    element("li", { dataset: { userName: user.userName } },
      element("a", { href: profileLink(user.userName) },
        element("span", { class: "avatar", "aria-hidden": "true" }, initials(user.displayName)),
        element("span", { class: "strong" }, user.displayName), " ",
        element("span", { class: "muted" }, `@${user.userName}`)))));
  state.search.cursor = page.nextCursor;
  show($("#search-more"), Boolean(page.nextCursor));
  show($("#search-empty"), $("#search-results").childElementCount === 0);
}

// ---- Profiles and follows -----------------------------------------------------------------------------------

async function openProfile(userName) {
  $("#profile-error").textContent = "";
  $("#profile-posts").replaceChildren();
  show($("#profile-empty"), false);
  const profile = await api("GET", `/api/users/${encodeURIComponent(userName)}`);
  state.profile = { userName: profile.userName, cursor: null, followed: profile.followedByMe };
  $("#view-profile .avatar").textContent = initials(profile.displayName);
  $("#view-profile .profile-name").textContent = profile.displayName;
  $("#view-profile .profile-user-name").textContent = `@${profile.userName}`;
  $("#view-profile .profile-bio").textContent = profile.bio ?? "";
  setFollowButton(profile.userName !== state.user.userName, profile.followedByMe);
  await loadProfilePosts({ more: false });
}

function setFollowButton(visible, followed) {
  const button = $("#follow-button");
  show(button, visible);
  button.textContent = followed ? "Unfollow" : "Follow";
  button.className = followed ? "secondary" : "";
  button.dataset.following = String(followed);
}

async function toggleFollow() {
  const { userName, followed } = state.profile;
  $("#follow-button").disabled = true;
  try {
    await api(followed ? "DELETE" : "PUT", `/api/users/${encodeURIComponent(userName)}/follow`);
  } finally {
    $("#follow-button").disabled = false;
  }
  state.profile.followed = !followed;
  setFollowButton(true, !followed);
  // The backfill (or removal) job changes the home feed a moment later; new posts then arrive live.
  setTimeout(() => reloadFeed().catch(() => {}), 1500);
}

async function reloadFeed() {
  state.feedCursor = null;
  $("#feed").replaceChildren();
  await loadFeed({ older: false });
}

async function loadProfilePosts({ more }) {
  const query = new URLSearchParams({ limit: "20" });
  if (more && state.profile.cursor) query.set("cursor", state.profile.cursor);
  const page = await api("GET", `/api/users/${encodeURIComponent(state.profile.userName)}/posts?${query}`);
  $("#profile-posts").append(...page.items.map(postItem));
  state.profile.cursor = page.nextCursor;
  show($("#profile-more"), Boolean(page.nextCursor));
  show($("#profile-empty"), $("#profile-posts").childElementCount === 0);
}

// ---- One post and its comments --------------------------------------------------------------------------------

async function openPost(id) {
  $("#post-error").textContent = "";
  $("#post-single").replaceChildren();
  $("#comments").replaceChildren();
  state.post = { id, cursor: null };
  const post = await api("GET", `/api/posts/${encodeURIComponent(id)}`);
  $("#post-single").append(postItem(post));
  await loadComments({ more: false });
}

async function loadComments({ more }) {
  const query = new URLSearchParams({ limit: "20" });
  if (more && state.post.cursor) query.set("cursor", state.post.cursor);
  const page = await api("GET", `/api/posts/${state.post.id}/comments?${query}`);
  $("#comments").append(...page.items.map(commentItem));
  state.post.cursor = page.nextCursor;
  show($("#comments-more"), Boolean(page.nextCursor));
  show($("#comments-empty"), $("#comments").childElementCount === 0);
}

function commentItem(comment) {
  return element("li", { class: "comment", dataset: { commentId: comment.id } },
    element("div", { class: "small" },
      element("a", { href: profileLink(comment.author.userName), class: "strong" }, comment.author.displayName), " ",
      element("time", { class: "muted", datetime: comment.createdAt }, formatTime(comment.createdAt))),
    element("div", { class: "comment-text" }, comment.text));
}

async function onComment(form) {
  const comment = await api("POST", `/api/posts/${state.post.id}/comments`, { text: form.text.value });
  form.reset();
  $("#comments").prepend(commentItem(comment));
  show($("#comments-empty"), false);
  refreshPost(await api("GET", `/api/posts/${state.post.id}`));
}

// ---- Notifications ------------------------------------------------------------------------------------

async function loadUnreadCount() {
  setUnreadCount((await api("GET", "/api/notifications/unread-count")).count);
}

function setUnreadCount(count) {
  const badge = $("#unread-count");
  badge.textContent = count > 99 ? "99+" : String(count);
  badge.dataset.count = String(count);
  show(badge, count > 0);
}

async function toggleNotifications() {
  const panel = $("#notifications");
  show(panel, panel.hidden);
  if (panel.hidden) return;
  const page = await api("GET", "/api/notifications?limit=20");
  $("#notification-list").replaceChildren();
  for (const notification of page.items) addNotification(notification, { prepend: false });
  show($("#notifications-empty"), page.items.length === 0);
}

const notificationText = {
  follow: "started following you",
  like: "liked your post",
  comment: "commented on your post",
  mention: "mentioned you",
};

function addNotification(notification, { prepend }) {
  const list = $("#notification-list");
  if (list.querySelector(`[data-notification-id="${notification.id}"]`)) return;
  // A notification opens what it is about: the post, or the profile of a new follower.
  const target = notification.postId ? postLink(notification.postId) : profileLink(notification.actor.userName);
  const item = element("li", { class: notification.read ? "read" : "unread", dataset: { notificationId: notification.id, type: notification.type } },
    // Opening what is already open shows it again, with what changed since (hashchange does not fire).
    element("a", { href: target, onclick: () => location.hash === target && route() },
      element("span", { class: "strong" }, notification.actor.displayName),
      ` ${notificationText[notification.type] ?? notification.type}`),
    element("time", { class: "muted small", datetime: notification.createdAt }, formatTime(notification.createdAt)));
  if (prepend) list.prepend(item);
  else list.append(item);
  show($("#notifications-empty"), false);
}

async function onMarkAllRead() {
  const { count } = await api("POST", "/api/notifications/read", { all: true });
  setUnreadCount(count);
  for (const item of document.querySelectorAll("#notification-list .unread")) item.className = "read";
}

// ---- Rooms --------------------------------------------------------------------------------------------

async function loadRooms(selectId) {
  const page = await api("GET", "/api/rooms?limit=50");
  const select = $("#room-select");
  select.replaceChildren(...page.items.map((room) =>
    element("option", { value: room.id }, `# ${room.name}${room.isPrivate ? " (private)" : ""}`)));
  if (selectId && page.items.some((room) => room.id === selectId)) select.value = selectId;
  select.disabled = page.items.length === 0;
  if (page.items.length === 0) select.append(element("option", { value: "" }, "no rooms yet: create one"));
}

async function onCreateRoom(form) {
  const room = await api("POST", "/api/rooms", { name: form.name.value.trim(), isPrivate: form.isPrivate.checked });
  form.reset();
  await loadRooms(room.id);
  await joinRoom(room.id);
}

async function onJoinRoom() {
  if (!$("#room-select").value) throw new Error("Create a room first.");
  await joinRoom($("#room-select").value);
}

/** Joins over the hub first, then reads the history: nothing said in between is missed, overlaps are dropped by id. */
async function joinRoom(roomId) {
  if (!state.connection || state.connection.state !== "Connected") throw new Error("Not connected: rooms need the live connection.");
  if (state.roomId && state.roomId !== roomId) await state.connection.invoke("LeaveRoom", state.roomId);
  const { room, online } = await state.connection.invoke("JoinRoom", roomId);
  state.roomId = room.id;
  $("#room .room-name").textContent = `# ${room.name}${room.isPrivate ? " (private)" : ""}`;
  // The owner of a private room adds its members.
  show($("#invite-form"), room.isPrivate && room.owner.id === state.user.id);
  $("#invite-status").textContent = "";
  $("#online-users").replaceChildren();
  for (const user of online) setOnline(user, true);
  $("#room-messages").replaceChildren();
  const page = await api("GET", `/api/rooms/${room.id}/messages?limit=50`);
  for (const message of [...page.items].reverse()) addMessage(message);
  show($("#room"), true);
}

async function onSendMessage(form) {
  const message = await state.connection.invoke("SendMessage", state.roomId, form.text.value);
  form.reset();
  addMessage(message);
}

function addMessage(message) {
  const list = $("#room-messages");
  if (list.querySelector(`[data-message-id="${message.id}"]`)) return;
  const mine = message.sender.id === state.user.id;
  list.append(element("li", { class: mine ? "message mine" : "message", dataset: { messageId: message.id } },
    element("div", { class: "message-meta small" }, mine ? "you" : message.sender.displayName, " · ", formatTime(message.createdAt)),
    element("div", { class: "message-text" }, message.text)));
  list.scrollTop = list.scrollHeight;
}

function setOnline(user, online) {
  const list = $("#online-users");
  const existing = list.querySelector(`[data-user="${user.userName}"]`);
  if (!online) return existing?.remove();
  if (!existing) list.append(element("li", { dataset: { user: user.userName }, title: `@${user.userName}` }, user.displayName));
}

async function onInvite(form) {
  const userName = form.userName.value.trim().replace(/^@/, "");
  await api("POST", `/api/rooms/${state.roomId}/members`, { userName });
  form.reset();
  $("#invite-status").textContent = `@${userName} can now join this room.`;
}

// ---- Broadcasts ------------------------------------------------------------------------------------------

/** The latest broadcasts, also those sent before this page connected. */
async function loadBroadcasts() {
  const page = await api("GET", "/api/broadcasts?limit=5");
  for (const broadcast of [...page.items].reverse()) addBroadcast(broadcast, { prepend: true });
  show($("#broadcasts-empty"), $("#broadcasts").childElementCount === 0);
}

function addBroadcast(broadcast, { prepend }) {
  const list = $("#broadcasts");
  if (list.querySelector(`[data-broadcast-id="${broadcast.id}"]`)) return;
  const item = element("li", { dataset: { broadcastId: broadcast.id } },
    element("div", {}, broadcast.message),
    element("div", { class: "muted small" }, `${broadcast.from.displayName} · `, element("time", { datetime: broadcast.sentAt }, formatTime(broadcast.sentAt))));
  if (prepend) list.prepend(item);
  else list.append(item);
  show($("#broadcasts-empty"), false);
}

// ---- Admin --------------------------------------------------------------------------------------------

// Hangfire's dashboard is a server-rendered page the browser navigates to, so it cannot send the access token in a
// header: this call puts it in an HttpOnly cookie that only /admin/jobs receives, valid as long as the token.
async function openJobsDashboard(event) {
  event.preventDefault();
  const dashboard = event.currentTarget.href; // currentTarget is gone once the handler awaits
  await accessToken(); // refreshed first when it is about to expire, so the cookie lasts the token's full lifetime
  await api("POST", "/api/admin/jobs-dashboard/session");
  location.assign(dashboard);
}

async function onBroadcast(form) {
  await api("POST", "/api/admin/broadcast", { message: form.message.value });
  form.reset();
}
