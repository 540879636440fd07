/** The tab title of a page ("Phường Thục Phán — Thi đua số"): React 19 hoists <title> into the head. */
export const APP_NAME = 'Thi đua số';

export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} — ${APP_NAME}`}</title>;
}
