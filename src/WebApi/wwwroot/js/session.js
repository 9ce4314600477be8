// The signed-in session of the demo client (/).
// Tokens from POST /api/auth/login live in sessionStorage: per browser tab, gone when the tab closes, so a
// demo on a shared machine does not stay signed in. Every call sends the access token; when the API answers
// 401 the token is refreshed once (POST /api/auth/refresh) and the call repeated.

const storageKey = "cleanbackend.session";

/** A failed API call: the HTTP status and the RFC 9457 problem the API answered with, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(describeProblem(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

/** "field: message" for validation problems, else the problem's detail or title. */
function describeProblem(status, problem) {
  if (problem?.errors) {
    return Object.entries(problem.errors)
      .map(([field, messages]) => (field ? `${field}: ${messages.join(" ")}` : messages.join(" ")))
      .join("\n");
  }
  return problem?.detail || problem?.title || `The server answered ${status}.`;
}

export function currentSession() {
  try {
    return JSON.parse(sessionStorage.getItem(storageKey));
  } catch {
    return null;
  }
}

function saveSession(session) {
  if (session) sessionStorage.setItem(storageKey, JSON.stringify(session));
  else sessionStorage.removeItem(storageKey);
}

export async function signIn(login, password) {
  const tokens = await send("POST", "/api/auth/login", { login, password }, null);
  saveSession(tokens);
  const user = await api("GET", "/api/users/me");
  saveSession({ ...currentSession(), user });
  return user;
}

export async function signUp({ userName, email, password, displayName }) {
  await send("POST", "/api/auth/register", { userName, email, password, displayName }, null);
  return signIn(userName, password);
}

export async function signOut() {
  const session = currentSession();
  saveSession(null);
  if (!session) return;
  try {
    await send("POST", "/api/auth/logout", { refreshToken: session.refreshToken }, null);
  } catch {
    // The session ends with its tokens anyway: signing out here must not fail on a network error.
  }
}

let refreshing = null;

/** Trades the refresh token for a new pair; concurrent callers share one refresh (a refresh token works once). */
function refreshTokens() {
  refreshing ??= (async () => {
    const session = currentSession();
    if (!session) throw new ApiError(401, null);
    try {
      const tokens = await send("POST", "/api/auth/refresh", { refreshToken: session.refreshToken }, null);
      saveSession({ ...session, ...tokens });
    } catch (error) {
      if (error.status === 401) saveSession(null);
      throw error;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** The access token, refreshed first when it expires within a minute: SignalR's accessTokenFactory. */
export async function accessToken() {
  const session = currentSession();
  if (!session) throw new ApiError(401, null);
  if (new Date(session.expiresAt).getTime() - Date.now() < 60_000) await refreshTokens();
  return currentSession().accessToken;
}

/** Calls the API as the signed-in user; the body is sent as JSON, or as is when it is FormData. */
export async function api(method, path, body) {
  const session = currentSession();
  if (!session) throw new ApiError(401, null);
  try {
    return await send(method, path, body, session.accessToken);
  } catch (error) {
    if (error.status !== 401) throw error;
    await refreshTokens();
    return send(method, path, body, currentSession().accessToken);
  }
}

async function send(method, path, body, token) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers["Content-Type"] = "application/json";
    payload = JSON.stringify(body);
  }

  const response = await fetch(path, { method, headers, body: payload });
  const type = response.headers.get("Content-Type") ?? "";
  const content = type.includes("json") ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, content);
  return content;
}
