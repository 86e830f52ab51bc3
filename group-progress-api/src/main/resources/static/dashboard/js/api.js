// Calls the service with the bearer token and unwraps the Sunbird envelope ({"params": {...}, "result": {...}}).

/** A failed call: HTTP status, the envelope's params.err / params.errmsg (or what the network said). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** 4xx other than 408/429: asking again with the same input gives the same answer. */
  get permanent() {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

// cache 'no-store' by default; 'no-cache' for answers with an ETag (group progress): the browser keeps the last
// answer and revalidates it with If-None-Match each time, so an unchanged group costs a 304 with no body.
async function call(path, token, { signal, accept = 'application/json', cache = 'no-store' } = {}) {
  let res;
  try {
    res = await fetch(path, {
      headers: { Authorization: `Bearer ${token}`, Accept: accept },
      cache,
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', `cannot reach the service (${e.message})`);
  }
  if (res.ok) return res;
  let params = {};
  try {
    params = (await res.json()).params ?? {};
  } catch {
    // not an envelope (a proxy's error page): the status line is all there is
  }
  throw new ApiError(res.status, params.err ?? `HTTP_${res.status}`,
    params.errmsg ?? `${res.status} ${res.statusText || 'request failed'}`);
}

/** GET a JSON endpoint: {result, headers}. */
export async function getJson(path, token, options) {
  const res = await call(path, token, options);
  const body = await res.json();
  return { result: body.result, headers: res.headers };
}

/** GET a file (the gradebook CSV) as a Blob. */
export async function getBlob(path, token, accept) {
  const res = await call(path, token, { accept });
  return res.blob();
}

export const paths = {
  dashboard(course, batch, { sort, order, pageSize, pagingState, group }) {
    const q = new URLSearchParams({ sort, order, pageSize: String(pageSize) });
    if (pagingState) q.set('pagingState', pagingState);
    if (group) q.set('groupId', group);
    return `/v1/course/${encodeURIComponent(course)}/batch/${encodeURIComponent(batch)}/dashboard?${q}`;
  },
  gradebookCsv(course, batch, group) {
    const q = new URLSearchParams({ format: 'csv' });
    if (group) q.set('groupId', group);
    return `/v1/course/${encodeURIComponent(course)}/batch/${encodeURIComponent(batch)}/gradebook?${q}`;
  },
  trend(course, batch, days) {
    return `/v1/course/${encodeURIComponent(course)}/batch/${encodeURIComponent(batch)}/trend?days=${days}`;
  },
  groupProgress(group) {
    return `/v1/groups/${encodeURIComponent(group)}/progress`;
  },
};
