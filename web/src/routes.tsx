/** Routes: one lazily loaded chunk per page, so the first download stays small. */
import type { RouteObject } from 'react-router-dom';
import { Layout, NotFound, RouteError } from './components/Layout';
import { prefetchOverview } from './features/overview/prefetch';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, loader: ({ request }) => prefetchOverview(new URL(request.url)), lazy: async () => ({ Component: (await import('./features/overview/OverviewPage')).OverviewPage }) },
      { path: 'xa/:code', lazy: async () => ({ Component: (await import('./features/commune/CommunePage')).CommunePage }) },
      { path: 'xa/:code/chi-tieu', lazy: async () => ({ Component: (await import('./features/teams/TargetPlanPage')).TargetPlanPage }) },
      { path: 'chi-tieu', lazy: async () => ({ Component: (await import('./features/teams/TargetPlanPage')).TargetCommunesPage }) },
      { path: 'thon/:code', lazy: async () => ({ Component: (await import('./features/hamlet/HamletPage')).HamletPage }) },
      { path: 'bang-xep-hang', lazy: async () => ({ Component: (await import('./features/leaderboards/LeaderboardsPage')).LeaderboardsPage }) },
      { path: 'dang-nhap', lazy: async () => ({ Component: (await import('./features/access/SignInPage')).SignInPage }) },
      { path: 'to', lazy: async () => ({ Component: (await import('./features/teams/TeamPage')).MyTeamsPage }) },
      { path: 'to/:id', lazy: async () => ({ Component: (await import('./features/teams/TeamPage')).TeamPage }) },
      { path: 'chien-dich', lazy: async () => ({ Component: (await import('./features/fieldwork/CampaignsPage')).CampaignsPage }) },
      { path: 'cho-so', lazy: async () => ({ Component: (await import('./features/fieldwork/MarketsPage')).MarketsPage }) },
      { path: 'bang-vang', lazy: async () => ({ Component: (await import('./features/awards/HonourRollPage')).HonourRollPage }) },
      // The QR code on a certificate points here (verificationUrl in server/modules/awards/certificate-pdf.ts).
      { path: 'xac-minh/:code?', lazy: async () => ({ Component: (await import('./features/awards/VerifyPage')).VerifyPage }) },
      { path: 'niem-yet', lazy: async () => ({ Component: (await import('./features/awards/PostingPage')).PostingPage }) },
      { path: 'hoi-dong', lazy: async () => ({ Component: (await import('./features/awards/CommitteePage')).CommitteePage }) },
      { path: 'dot-xet', lazy: async () => ({ Component: (await import('./features/awards/CycleSetupPage')).CycleSetupPage }) },
      { path: 'de-cu', lazy: async () => ({ Component: (await import('./features/awards/NominatePage')).NominatePage }) },
      { path: 'ket-qua', lazy: async () => ({ Component: (await import('./features/awards/ResultsPage')).ResultsPage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];
