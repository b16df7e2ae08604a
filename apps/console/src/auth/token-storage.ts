/** The access token lives for the browser tab only: closing it signs out. */
const KEY = 'care.console.token';

export const storedToken = (): string | undefined => sessionStorage.getItem(KEY) ?? undefined;

export const storeToken = (token: string): void => sessionStorage.setItem(KEY, token);

export const forgetToken = (): void => sessionStorage.removeItem(KEY);
