/**
 * Every route of the web app. The portal layout and home page are in the entry chunk (the first thing a citizen
 * sees); every other page is a lazy chunk, so a visitor downloads only the pages they open.
 */
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Permission } from '../shared/permissions';
import { RequirePermission, RequireUser } from './components/guards';
import { PageLoading } from './components/page-loading';
import { RouteError } from './components/route-error';
import { BACK_OFFICE_BASE, backOfficeSections } from './features/back-office/sections';
import { HomePage } from './features/portal/home-page';
import { PortalLayout } from './layouts/portal-layout';

type Loader<M> = () => Promise<M>;

/** A lazy route whose page component is the module's export `name`. */
function page<M extends Record<string, unknown>>(load: Loader<M>, name: keyof M, wrap?: (node: ReactNode) => ReactNode): RouteObject['lazy'] {
  return async () => {
    const Page = (await load())[name] as ComponentType;
    return { Component: wrap ? () => wrap(<Page />) : Page };
  };
}

const notFound = page(() => import('./features/errors/not-found-page'), 'NotFoundPage');

const signedIn = (node: ReactNode) => <RequireUser>{node}</RequireUser>;

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: PortalLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        // Pathless: a page's error shows inside the portal layout, with the header still usable.
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomePage },
          { path: 'thu-tuc', lazy: page(() => import('./features/portal/procedures-page'), 'ProceduresPage') },
          { path: 'thu-tuc/:id', lazy: page(() => import('./features/procedure/procedure-page'), 'ProcedurePage') },
          { path: 'nop-ho-so/:procedureId', lazy: page(() => import('./features/submission/submission-page'), 'SubmissionPage', signedIn) },
          { path: 'ho-so-cua-toi', lazy: page(() => import('./features/my-dossiers/my-dossiers-page'), 'MyDossiersPage', signedIn) },
          { path: 'ho-so-cua-toi/:id', lazy: page(() => import('./features/my-dossiers/dossier-page'), 'DossierPage', signedIn) },
          { path: 'ho-so-cua-toi/:id/bien-nhan', lazy: page(() => import('./features/submission/receipt-page'), 'ReceiptPage', signedIn) },
          { path: 'tra-cuu', lazy: page(() => import('./features/tracking/tracking-page'), 'TrackingPage') },
          { path: 'phan-anh-kien-nghi', lazy: page(() => import('./features/feedback/petitions-page'), 'PetitionsPage') },
          { path: 'hoi-dap', lazy: page(() => import('./features/feedback/faq-page'), 'FaqPage') },
          { path: 'thong-ke', lazy: page(() => import('./features/statistics/public-statistics-page'), 'PublicStatisticsPage') },
          { path: 'dang-nhap', lazy: page(() => import('./features/auth/sign-in-page'), 'SignInPage') },
          { path: 'dang-ky', lazy: page(() => import('./features/auth/register-page'), 'RegisterPage') },
          { path: 'quen-mat-khau', lazy: page(() => import('./features/auth/forgot-password-page'), 'ForgotPasswordPage') },
          { path: 'dat-lai-mat-khau', lazy: page(() => import('./features/auth/reset-password-page'), 'ResetPasswordPage') },
          { path: 'tai-khoan', lazy: page(() => import('./features/auth/account-page'), 'AccountPage', signedIn) },
          { path: '*', lazy: notFound },
        ],
      },
    ],
  },
  {
    // A tablet at the one-stop desk: no menu, the applicant taps their rating (entered by the desk officer).
    path: '/danh-gia-tai-quay',
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    lazy: page(() => import('./features/petitions-office/desk-rating-page'), 'DeskRatingPage', (node) => (
      <RequireUser><RequirePermission permissions={[Permission.DOSSIER_RETURN]}>{node}</RequirePermission></RequireUser>
    )),
  },
  {
    path: BACK_OFFICE_BASE,
    lazy: page(() => import('./layouts/back-office-layout'), 'BackOfficeLayout'),
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, lazy: page(() => import('./features/back-office/back-office-home'), 'BackOfficeHome') },
          ...backOfficeSections.map(
            (s): RouteObject => ({
              path: `${s.path}/*`,
              lazy: async () => {
                const { Component } = await s.load();
                return { Component: () => <RequirePermission permissions={s.permissions} backTo={BACK_OFFICE_BASE}><Component /></RequirePermission> };
              },
            }),
          ),
          { path: '*', lazy: notFound },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
