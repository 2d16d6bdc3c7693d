// Every state-changing request carries the session token from the page; the
// browser adds the Origin itself.
const token = document.querySelector<HTMLMetaElement>('meta[name="td-token"]')?.content ?? '';

export function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-trialdeck-token': token } });
}

export function byId(id: string): HTMLElement;
export function byId(id: string, optional: true): HTMLElement | null;
export function byId(id: string, optional = false): HTMLElement | null {
  const el = document.getElementById(id);
  if (!el && !optional) throw new Error(`the page has no #${id}`);
  return el;
}
