import { ApiProblem, isAbort, readProblem, unreachable } from './api-problem';
import type { Problem } from './contract';

export interface HttpClient {
  get<Body>(path: string, signal?: AbortSignal): Promise<Body>;
  post<Body>(path: string, body: unknown): Promise<Body>;
  /** A file the api answers as an attachment, with its Content-Disposition header. */
  download(path: string, accept: string): Promise<Attachment>;
}

export interface Attachment {
  blob: Blob;
  disposition: string | null;
}

/**
 * JSON over fetch with the bearer token. Every failure is an ApiProblem; a 401 also tells the
 * caller, which signs out, since no request can succeed with that token any more.
 */
export function createHttpClient(
  token: string,
  onUnauthorized: (problem: Problem) => void,
): HttpClient {
  async function send(
    method: string,
    path: string,
    init: RequestInit,
    accept = 'application/json',
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(path, {
        ...init,
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiProblem(unreachable(error));
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401) onUnauthorized(problem);
      throw new ApiProblem(problem);
    }
    return response;
  }

  const request = async <Body>(method: string, path: string, init: RequestInit): Promise<Body> =>
    (await (await send(method, path, init)).json()) as Body;

  return {
    get: (path, signal) => request('GET', path, signal ? { signal } : {}),
    post: (path, body) => request('POST', path, { body: JSON.stringify(body) }),
    download: async (path, accept) => {
      const response = await send('GET', path, {}, accept);
      return {
        blob: await response.blob(),
        disposition: response.headers.get('content-disposition'),
      };
    },
  };
}

/** A path with its query, leaving out the parameters that are not set. */
export function withQuery(
  path: string,
  params: Record<string, string | number | undefined>,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
